/**
 * How far a background job has come: a bar and "done / total". Before the total is known (a file
 * still being read) the bar runs without a measure.
 */
import { Box, LinearProgress, Typography } from '@mui/material';
import type { JobStatus } from './jobs.ts';

interface JobProgressProps {
  status: JobStatus;
  done: number;
  total: number | null;
  /** The words under the bar, e.g. "已处理 12 / 40 行". */
  caption: string;
  minWidth?: number;
}

export function JobProgress({ status, done, total, caption, minWidth = 140 }: JobProgressProps) {
  const known = total !== null && total > 0;
  const percent = status === 'done' ? 100 : known ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const indeterminate = (status === 'running' || status === 'queued') && !known;
  return (
    <Box sx={{ minWidth }}>
      <LinearProgress
        variant={indeterminate ? 'indeterminate' : 'determinate'}
        value={percent}
        color={status === 'failed' ? 'error' : status === 'done' ? 'success' : 'primary'}
        aria-label={caption}
        sx={{ height: 8, borderRadius: 4 }}
      />
      <Typography variant="caption" color="text.secondary">
        {caption}
      </Typography>
    </Box>
  );
}
