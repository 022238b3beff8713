/**
 * The steps the case waits for now: which, who has it, until when, and the buttons the viewer may
 * use (认领, 办理). The API says per task whether this user may claim or complete it.
 */
import { stepLabel } from '../tasks/stepLabel.ts';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ClaimButton } from '../tasks/ClaimButton.tsx';
import type { TaskRow } from '../tasks/types.ts';
import { WorkButton } from '../tasks/WorkButton.tsx';
import { DueDate } from '../common/DueDate.tsx';

export function OpenTasks({ tasks }: { tasks: TaskRow[] }) {
  const translate = useTranslate();
  if (tasks.length === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-label={translate('resources.cases.sections.openTasks')}>
      {tasks.map((task) => (
        <Box
          key={task.id}
          data-task-step={task.step}
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: 1.5,
            p: 1.5,
            borderRadius: 1,
            bgcolor: task.overdue ? 'rgba(211,47,47,0.06)' : 'action.hover',
          }}
        >
          <Box sx={{ flex: '1 1 200px', minWidth: 0 }}>
            <Typography variant="subtitle2">
              {translate('resources.cases.openTask.step', { step: stepLabel(translate, task) })}
              {' · '}
              {task.assigneeName
                ? translate('resources.cases.openTask.claimedBy', { name: task.assigneeName })
                : translate('resources.cases.openTask.unclaimed')}
            </Typography>
            <DueDate dueAt={task.dueAt} startAt={task.createdAt} overdue={task.overdue} inline />
          </Box>
          <Stack direction="row" spacing={1}>
            {task.canClaim && <ClaimButton task={task} size="medium" />}
            {task.canComplete && <WorkButton task={task} size="medium" />}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}
