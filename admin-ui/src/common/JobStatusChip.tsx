/** A background job's status as a chip: queued, running, done (green) or failed (red). */
import { Chip } from '@mui/material';
import { useResourceContext, useTranslate } from 'react-admin';
import type { JobStatus } from './jobs.ts';

const COLOR: Record<JobStatus, 'default' | 'info' | 'success' | 'error'> = {
  queued: 'default',
  running: 'info',
  done: 'success',
  failed: 'error',
};

export function JobStatusChip({ status }: { status: JobStatus }) {
  const translate = useTranslate();
  const resource = useResourceContext();
  return <Chip size="small" color={COLOR[status]} label={translate(`resources.${resource}.status.${status}`, { _: status })} />;
}
