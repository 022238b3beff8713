/**
 * The inbox's 专项排查 tab: the campaign houses waiting for the signed-in user, soonest deadline
 * first. A table on wide screens (house linking to its file, village, campaign linking to its page,
 * deadline coloured by the time left); on phones, where inspectors work, a card per house with
 * 开始排查 opening the phone's inspection form.
 */
import { useState } from 'react';
import { Alert, Box, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Link, useTranslate } from 'react-admin';
import { campaignPage } from '../campaigns/types.ts';
import type { CampaignTask } from '../campaigns/types.ts';
import { DueDate } from '../common/DueDate.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { PagePicker } from '../common/PagePicker.tsx';
import { HouseCell } from '../inspections/HouseCell.tsx';
import { CampaignTaskCard } from './CampaignTaskCard.tsx';

const PER_PAGE = 25;
const REFRESH_MS = 30_000;

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
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [page, setPage] = useState(0);
  const tasks = useApiQuery(
    ['campaign-tasks', 'list', page],
    (dataProvider, signal) => dataProvider.campaignTasks({ page: page + 1, perPage: PER_PAGE }, signal),
    {
      refetchInterval: REFRESH_MS,
    },
  );
  if (tasks.isPending) {
    return (
      <Stack spacing={1.5} sx={{ p: 1 }}>
        <Skeleton variant="rounded" height={isPhone ? 150 : 48} />
        <Skeleton variant="rounded" height={isPhone ? 150 : 48} />
      </Stack>
    );
  }
  if (tasks.isError) {
    return (
      <Alert severity="error" sx={{ m: 1 }}>
        {tasks.error instanceof Error ? tasks.error.message : String(tasks.error)}
      </Alert>
    );
  }
  if (tasks.data.total === 0) {
    return (
      <Box sx={{ textAlign: 'center', py: 6, color: 'text.secondary' }}>
        <AssignmentTurnedInIcon sx={{ fontSize: 56, opacity: 0.5 }} />
        <Typography variant="body1">{translate('resources.campaigns.inbox.empty')}</Typography>
      </Box>
    );
  }
  return (
    <Box sx={{ mt: 1 }}>
      {isPhone ? (
        <Stack spacing={1.5} sx={{ p: 1 }}>
          {tasks.data.data.map((t) => (
            <CampaignTaskCard key={rowKey(t)} task={t} />
          ))}
        </Stack>
      ) : (
        <Box sx={{ bgcolor: 'background.paper', borderRadius: 1, overflowX: 'auto' }}>
          <CampaignTaskTable tasks={tasks.data.data} />
        </Box>
      )}
      <PagePicker total={tasks.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />
    </Box>
  );
}
