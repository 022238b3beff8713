/**
 * The houses behind a coverage figure (`/inspection-due?from=…&to=…&regionCode=…&coverage=…`): the
 * same window and slice as the figure, so its total is the figure's; each house with its tier, due
 * time, state and inspector.
 */
import { useState } from 'react';
import { Alert, Box, Card, Chip, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { DueItem } from '../../../domain/inspection-schedule/store.ts';
import { RiskTierChip } from '../buildings/RiskTierChip.tsx';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { PagePicker } from '../common/PagePicker.tsx';
import { HouseCell } from '../inspections/HouseCell.tsx';
import { paramsOf } from './links.ts';

const PER_PAGE = 50;

const stateOf = (item: DueItem) =>
  item.status === 'done' ? (item.doneAt && item.doneAt > item.dueAt ? 'late' : 'onTime') : item.overdue ? 'overdue' : 'pending';

export function DueListPage() {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.work.schedule.coverage.${key}`);
  const [search] = useSearchParams();
  const params = paramsOf(search);
  const [page, setPage] = useState(0);
  const list = useApiQuery(['inspection-due', 'list', search.toString(), page], (dataProvider, signal) =>
    dataProvider.inspectionDueList({ ...params, page: page + 1, perPage: PER_PAGE }, signal),
  );
  return (
    <Box sx={{ mt: 2 }} data-page="inspection-due">
      <Title title={t('listTitle')} />
      <Typography variant="h6" component="h1" sx={{ mb: 1 }}>
        {t('listTitle')}
        {params.coverage ? ` · ${t(params.coverage)}` : ''}
      </Typography>
      {list.isError && <Alert severity="error">{list.error instanceof Error ? list.error.message : String(list.error)}</Alert>}
      {list.isPending ? (
        <Skeleton variant="rectangular" height={200} />
      ) : (
        list.data && (
          <Card sx={{ overflowX: 'auto' }}>
            <Typography variant="body2" sx={{ p: 2, pb: 0 }}>
              {t('total')} <span data-list-total>{list.data.total}</span>
            </Typography>
            {/* Short cells stay on one line (the table scrolls in its card on a phone); the address wraps. */}
            <Table
              size="small"
              sx={{ '& .MuiTableCell-root': { whiteSpace: 'nowrap' }, '& td:nth-of-type(2)': { whiteSpace: 'normal', minWidth: 180 } }}
            >
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.work.schedule.tier')}</TableCell>
                  <TableCell>{translate('resources.work.schedule.house')}</TableCell>
                  <TableCell>{translate('resources.work.schedule.village')}</TableCell>
                  <TableCell>{translate('resources.work.schedule.dueAt')}</TableCell>
                  <TableCell>{t('state')}</TableCell>
                  <TableCell>{t('inspector')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.data.data.map((item) => (
                  <TableRow key={item.id} data-due-item={item.buildingCode}>
                    <TableCell>
                      <RiskTierChip tier={item.riskTier} />
                    </TableCell>
                    <TableCell>
                      <HouseCell record={item} />
                    </TableCell>
                    <TableCell>{item.villageName ?? item.villageCode}</TableCell>
                    <TableCell>
                      <DateTimeText value={item.dueAt} />
                    </TableCell>
                    <TableCell>
                      <Chip size="small" label={t(stateOf(item))} color={stateOf(item) === 'overdue' ? 'error' : 'default'} />
                    </TableCell>
                    <TableCell>{item.assigneeName ?? t('unassigned')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <PagePicker total={list.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />
          </Card>
        )
      )}
    </Box>
  );
}
