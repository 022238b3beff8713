/**
 * The task itself under the case header: the step, its deadline and who has it, then what the user
 * can do: fill in the form (with 退回 when they hold it), claim it first, or only look.
 */
import { stepLabel } from './stepLabel.ts';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useGetIdentity, useNavigate, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import type { CaseDetail } from '../cases/types.ts';
import { ClaimButton } from './ClaimButton.tsx';
import { StepForm } from './forms/StepForm.tsx';
import { ReassignButton } from './ReassignButton.tsx';
import { ReleaseButton } from './ReleaseButton.tsx';
import { TaskAssignee } from './TaskAssignee.tsx';
import type { TaskContext, TaskRow } from './types.ts';

export function TaskPanel({ task, record, context }: { task: TaskRow; record: CaseDetail; context?: TaskContext | undefined }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const finished = task.status === 'completed' || task.status === 'cancelled';
  const mine = task.status === 'claimed' && identity?.id === task.assigneeId;
  const backToInbox = () => navigate('/inbox');

  return (
    <Card component="section" aria-labelledby="task-title">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'flex-start' }} justifyContent="space-between">
          <Box>
            <Typography id="task-title" variant="h6" component="h2" sx={{ fontWeight: 600 }}>
              {stepLabel(translate, task)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(`resources.tasks.intro.${task.step}`)}
            </Typography>
          </Box>
          <Box sx={{ textAlign: { sm: 'right' } }}>
            {!finished && <DueDate dueAt={task.dueAt} startAt={task.createdAt} overdue={task.overdue} />}
            <TaskAssignee task={task} />
          </Box>
        </Stack>
        <Box sx={{ mt: 2 }}>
          {finished ? (
            <Alert severity="info">{translate('resources.tasks.state.finished')}</Alert>
          ) : task.canComplete ? (
            <StepForm task={task} record={record} context={context} onDone={backToInbox} />
          ) : task.canClaim ? (
            <Stack spacing={2}>
              <Alert severity="info">{translate('resources.tasks.state.claimFirst')}</Alert>
              <Box>
                <ClaimButton task={task} size="large" openAfter={false} />
              </Box>
            </Stack>
          ) : (
            <Alert severity="info">
              {task.assigneeName
                ? translate('resources.tasks.state.heldBy', { name: task.assigneeName })
                : translate('resources.tasks.state.notYours')}
            </Alert>
          )}
        </Box>
        {!finished && (
          <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
            {mine && <ReleaseButton task={task} onDone={backToInbox} />}
            <ReassignButton task={task} record={record} />
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
