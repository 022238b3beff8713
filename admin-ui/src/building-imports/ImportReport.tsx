/**
 * One import's report: status and progress while it runs, then what it did (added, updated,
 * unchanged, refused rows) and the refused rows themselves.
 */
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { ImportJobProgress } from './ImportJobProgress.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import type { ImportJob } from './types.ts';

const COUNTS = ['totalRows', 'inserted', 'updated', 'unchanged', 'failedRows'] as const;

export function ImportReport() {
  const translate = useTranslate();
  const job = useRecordContext<ImportJob>();
  if (!job) return null;
  const field = (name: string) => translate(`resources.building-imports.fields.${name}`);
  return (
    <Stack spacing={2}>
      <Card>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="h6" component="h1" sx={{ overflowWrap: 'anywhere' }}>
              {job.fileName}
            </Typography>
            <JobStatusChip status={job.status} />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {field('createdAt')} <DateTimeText value={job.createdAt} />
            {job.finishedAt && (
              <>
                {' · '}
                {field('finishedAt')} <DateTimeText value={job.finishedAt} />
              </>
            )}
          </Typography>
          <ImportJobProgress minWidth={200} />
          {job.status === 'failed' && job.error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {job.error}
            </Alert>
          )}
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(5, 1fr)' }, gap: 2, mt: 2, mb: 0 }}
          >
            {COUNTS.map((name) => (
              <Box key={name} data-count={name}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {field(name)}
                </Typography>
                <Typography
                  component="dd"
                  variant="h5"
                  sx={{ m: 0, color: name === 'failedRows' && job.failedRows > 0 ? 'error.main' : 'text.primary' }}
                >
                  {job[name] ?? '—'}
                </Typography>
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <ImportProblems job={job} />
        </CardContent>
      </Card>
    </Stack>
  );
}
