/**
 * The inbox's 专项排查 tab: the campaign houses waiting for the signed-in user, soonest deadline
 * first. A table on wide screens (house linking to its file, village, campaign linking to its page,
 * deadline coloured by the time left); on phones, where inspectors work, a card per house with
 * 开始排查 opening the phone's inspection form.
 */
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Link, useTranslate } from 'react-admin';
import { campaignPage } from '../campaigns/types.ts';
import type { CampaignTask } from '../campaigns/types.ts';
import { DueDate } from '../common/DueDate.tsx';
import { HouseCell } from '../inspections/HouseCell.tsx';
import { CampaignTaskCard } from './CampaignTaskCard.tsx';
import { InboxSection } from './InboxSection.tsx';

const rowKey = (t: CampaignTask) => `${t.campaignId}:${t.buildingCode}`;

function CampaignTaskTable({ tasks }: { tasks: CampaignTask[] }) {
  const translate = useTranslate();
  const label = (key: string) => translate(`resources.campaigns.inbox.${key}`);
  return (
    <Table sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{label('dueAt')}</TableCell>
          <TableCell>{label('house')}</TableCell>
          <TableCell>{label('village')}</TableCell>
          <TableCell>{label('campaign')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tasks.map((t) => (
          <TableRow key={rowKey(t)} hover data-campaign-task={t.buildingCode}>
            <TableCell>
              <DueDate dueAt={t.dueAt} startAt={t.startedAt} />
            </TableCell>
            <TableCell>
              <HouseCell record={t} />
            </TableCell>
            <TableCell>{t.villageName ?? translate('app.none')}</TableCell>
            <TableCell>
              <Link to={campaignPage(t.campaignId)} variant="body2">
                {t.campaignName}
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function CampaignTasks() {
  const translate = useTranslate();
  return (
    <InboxSection<CampaignTask>
      queryKey={['campaign-tasks', 'list']}
      load={(dataProvider, page, signal) => dataProvider.campaignTasks(page, signal)}
      empty={{ icon: <AssignmentTurnedInIcon />, text: translate('resources.campaigns.inbox.empty') }}
      cardHeight={150}
      cards={(items) => items.map((t) => <CampaignTaskCard key={rowKey(t)} task={t} />)}
      table={(items) => <CampaignTaskTable tasks={items} />}
    />
  );
}
