/** The inbox on a phone: one card per task, in the list's order (soonest due first). */
import { Skeleton, Stack } from '@mui/material';
import { useListContext } from 'react-admin';
import { TaskCard } from './TaskCard.tsx';
import type { TaskRow } from './types.ts';

export function TaskCards() {
  const { data, isPending } = useListContext<TaskRow>();
  if (isPending) {
    return (
      <Stack spacing={1.5} sx={{ p: 1 }}>
        <Skeleton variant="rounded" height={150} />
        <Skeleton variant="rounded" height={150} />
      </Stack>
    );
  }
  return (
    <Stack spacing={1.5} sx={{ p: 1 }}>
      {(data ?? []).map((task) => (
        <TaskCard key={task.id} task={task} />
      ))}
    </Stack>
  );
}
