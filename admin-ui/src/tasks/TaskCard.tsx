/**
 * One task on a phone: the step, the house, the severity and how long is left, with big buttons to
 * claim or work on it. The whole card opens the task.
 */
import { stepLabel } from './stepLabel.ts';
import { Box, Card, CardActionArea, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { SeverityChip } from '../cases/SeverityChip.tsx';
import { ClaimButton } from './ClaimButton.tsx';
import { TaskAssignee } from './TaskAssignee.tsx';
import type { TaskRow } from './types.ts';
import { WorkButton } from './WorkButton.tsx';

export function TaskCard({ task }: { task: TaskRow }) {
  const translate = useTranslate();
  const done = task.status === 'completed' || task.status === 'cancelled';
  return (
    <Card variant="outlined" data-task={task.id} sx={{ borderColor: task.overdue && !done ? 'error.main' : undefined }}>
      <CardActionArea component={Link} to={`/inbox/${encodeURIComponent(task.id)}`}>
        <CardContent sx={{ pb: 1 }}>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
            <Chip size="small" color="primary" label={stepLabel(translate, task)} />
            <SeverityChip severity={task.severity} />
            <Box sx={{ flex: 1 }} />
            <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
              {task.caseNumber}
            </Typography>
          </Stack>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, lineHeight: 1.3, overflowWrap: 'anywhere' }}>
            {task.address}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {[task.villageName, translate(`resources.cases.enums.category.${task.category}`, { _: task.category })]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          {done ? (
            <TaskAssignee task={task} />
          ) : (
            <>
              <DueDate dueAt={task.dueAt} startAt={task.createdAt} overdue={task.overdue} inline />
              {task.assigneeName && <TaskAssignee task={task} />}
            </>
          )}
        </CardContent>
      </CardActionArea>
      {(task.canClaim || task.canComplete) && (
        <CardActions sx={{ px: 2, pb: 2, gap: 1 }}>
          {task.canClaim && <ClaimButton task={task} size="large" fullWidth />}
          {task.canComplete && <WorkButton task={task} size="large" fullWidth />}
        </CardActions>
      )}
    </Card>
  );
}
