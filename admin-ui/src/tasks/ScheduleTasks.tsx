/**
 * The inbox's 定期巡查 tab: the houses due by risk tier that the scheduling pass handed to the signed-in
 * inspector, most urgent first (tier, then how overdue). A table on wide screens; on phones, where
 * inspectors work, a card per house with 开始排查 opening the phone's inspection form.
 */
import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { useTranslate } from 'react-admin';
import type { DueItem } from '../../../domain/inspection-schedule/store.ts';
import { RiskTierChip } from '../buildings/RiskTierChip.tsx';
import { DueDate } from '../common/DueDate.tsx';
import { HouseCell } from '../inspections/HouseCell.tsx';
import { InboxSection } from './InboxSection.tsx';
import { ScheduleTaskCard, scheduledInspectPage } from './ScheduleTaskCard.tsx';

function ScheduleTable({ items }: { items: DueItem[] }) {
  const translate = useTranslate();
  const label = (key: string) => translate(`resources.work.schedule.${key}`);
  return (
    <Table sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{label('tier')}</TableCell>
          <TableCell>{label('dueAt')}</TableCell>
          <TableCell>{label('house')}</TableCell>
          <TableCell>{label('village')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id} hover data-schedule-task={item.buildingCode}>
            <TableCell>
              <RiskTierChip tier={item.riskTier} />
            </TableCell>
            <TableCell>
              <DueDate dueAt={item.dueAt} startAt={item.basisAt} overdue={item.overdue} />
            </TableCell>
            <TableCell>
              <HouseCell record={item} />
            </TableCell>
            <TableCell>{item.villageName ?? translate('app.none')}</TableCell>
            <TableCell>
              <Button size="small" variant="outlined" href={scheduledInspectPage(item.buildingCode)}>
                {label('inspect')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ScheduleTasks() {
  const translate = useTranslate();
  return (
    <InboxSection<DueItem>
      queryKey={['inspection-due', 'batch']}
      load={(dataProvider, page, signal) => dataProvider.inspectionBatch(page, signal)}
      empty={{ icon: <EventAvailableIcon />, text: translate('resources.work.schedule.empty'), marker: 'schedule-empty' }}
      hint={translate('resources.work.schedule.hint')}
      cardHeight={170}
      cards={(items) => items.map((item) => <ScheduleTaskCard key={item.id} item={item} />)}
      table={(items) => <ScheduleTable items={items} />}
    />
  );
}
