/** Who has a task: the assignee, 待认领 while nobody does, or the outcome once done. */
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TaskRow } from './types.ts';

export function TaskAssignee({ task }: { task: TaskRow }) {
  const translate = useTranslate();
  if (task.status === 'completed') {
    const outcome = task.outcome ? translate(`resources.tasks.enums.outcome.${task.outcome}`, { _: task.outcome }) : '';
    return (
      <Typography variant="body2" color="success.dark">
        {[translate('resources.tasks.enums.status.completed'), outcome].filter(Boolean).join(' · ')}
        {task.assigneeName ? `（${task.assigneeName}）` : ''}
      </Typography>
    );
  }
  if (task.status === 'cancelled') {
    return <Typography variant="body2">{translate('resources.tasks.enums.status.cancelled')}</Typography>;
  }
  return (
    <Typography variant="body2" color={task.assigneeName ? 'text.primary' : 'text.secondary'}>
      {task.assigneeName ?? translate('resources.tasks.enums.status.open')}
    </Typography>
  );
}
