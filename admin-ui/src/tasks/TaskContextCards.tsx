/**
 * What a task shows above its form, by step: 分派 and 管控 the hazard as found and the house in brief
 * (with its other open cases); 整改 the decision in force and the hazard; 复核 and 销号 before beside
 * after. A failed load says so and leaves the form usable.
 */
import { Alert, Box, Skeleton } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseDetail } from '../cases/types.ts';
import { BeforeAfter } from './BeforeAfter.tsx';
import { HazardFound } from './HazardFound.tsx';
import { HouseBriefCard } from './HouseBriefCard.tsx';
import { RectifyBrief } from './RectifyBrief.tsx';
import type { TaskContext, TaskRow } from './types.ts';

interface TaskContextCardsProps {
  task: TaskRow;
  record: CaseDetail;
  context: { data?: TaskContext | undefined; error: Error | null };
}

export function TaskContextCards({ task, record, context }: TaskContextCardsProps) {
  const translate = useTranslate();
  if (context.error)
    return <Alert severity="warning">{translate('resources.taskContext.found.loadFailed', { message: context.error.message })}</Alert>;
  if (!context.data) return <Skeleton variant="rounded" height={200} />;
  const data = context.data;
  switch (task.step) {
    case 'assign':
    case 'control':
    case 'escalationRefused':
      return (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
          <HazardFound context={data} />
          <HouseBriefCard context={data} />
        </Box>
      );
    case 'rectify':
      return <RectifyBrief context={data} />;
    case 'recheck':
    case 'close':
      return <BeforeAfter context={data} record={record} />;
  }
}
