/**
 * The phone home's first few tasks of the user's own, soonest due first, as the inbox shows them on a
 * phone (claim or work on each at once), so the most pressing work is one tap away.
 */
import { Stack, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { TaskCard } from '../tasks/TaskCard.tsx';
import type { TaskRow } from '../tasks/types.ts';

const SHOWN = 3;
const REFRESH_MS = 30_000;

export function DueSoon() {
  const translate = useTranslate();
  const { data } = useGetList<TaskRow>(
    'tasks',
    { filter: { view: 'mine' }, sort: { field: 'dueAt', order: 'ASC' }, pagination: { page: 1, perPage: SHOWN } },
    { refetchInterval: REFRESH_MS },
  );
  if (!data || data.length === 0) return null;
  return (
    <Stack spacing={1.5} component="section" aria-labelledby="due-soon" data-due-soon>
      <Typography id="due-soon" variant="subtitle1" component="h2" sx={{ fontWeight: 600, pt: 1 }}>
        {translate('resources.work.home.dueSoon')}
      </Typography>
      {data.map((task) => (
        <TaskCard key={task.id} task={task} />
      ))}
    </Stack>
  );
}
