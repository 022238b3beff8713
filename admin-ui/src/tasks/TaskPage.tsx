/**
 * One task (`/inbox/:taskId`): the case it belongs to, what the step needs to act on (the hazard as
 * found, the house, the decision in force, before and after), and the step's form. Built for a phone as
 * much as a desk: one column on a phone, full-width inputs.
 */
import { stepLabel } from './stepLabel.ts';
import { Alert, Box, Button, Skeleton, Stack } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Link, Title, useGetOne, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { CaseHeader } from '../cases/CaseHeader.tsx';
import type { CaseSummary } from '../cases/types.ts';
import { isCaseDetail } from '../cases/types.ts';
import { TaskContextCards } from './TaskContextCards.tsx';
import { TaskPanel } from './TaskPanel.tsx';
import type { TaskRow } from './types.ts';
import { useTaskContext } from './useTaskContext.ts';

export function TaskPage() {
  const translate = useTranslate();
  const { taskId = '' } = useParams();
  const task = useGetOne<TaskRow>('tasks', { id: taskId });
  const caseId = task.data?.caseId;
  const record = useGetOne<CaseSummary>('cases', { id: caseId ?? '' }, { enabled: caseId !== undefined });
  const context = useTaskContext(taskId);
  const error = task.error ?? record.error;

  return (
    <Box sx={{ maxWidth: 1100, mt: { xs: 1, sm: 2 }, mb: 4, minWidth: 0 }}>
      <Title
        title={
          task.data
            ? translate('resources.tasks.page.task', { step: stepLabel(translate, task.data) })
            : translate('resources.tasks.page.inbox')
        }
      />
      <Button component={Link} to="/inbox" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {translate('resources.tasks.actions.back')}
      </Button>
      {error ? (
        <Alert severity="error">{error instanceof Error ? error.message : translate('ra.notification.http_error')}</Alert>
      ) : !task.data || !isCaseDetail(record.data) ? (
        <Stack spacing={2}>
          <Skeleton variant="rounded" height={160} />
          <Skeleton variant="rounded" height={320} />
        </Stack>
      ) : (
        <Stack spacing={2}>
          <CaseHeader record={record.data} compact linkNumber />
          <TaskContextCards task={task.data} record={record.data} context={context} />
          <TaskPanel task={task.data} record={record.data} context={context.data} />
        </Stack>
      )}
    </Box>
  );
}
