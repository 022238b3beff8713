/** The reports as cards on a phone, where the table's nine columns cannot fit: the same facts and files. */
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useListContext, useTranslate } from 'react-admin';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { DataReportFiles } from './DataReportFiles.tsx';
import type { DataReport } from './types.ts';

export function DataReportCards() {
  const translate = useTranslate();
  const { data } = useListContext<DataReport>();
  return (
    <Stack spacing={1} sx={{ p: 1 }}>
      {(data ?? []).map((r) => (
        <RecordContextProvider key={r.id} value={r}>
          <Card variant="outlined" data-report={r.id}>
            <CardContent>
              <Stack direction="row" justifyContent="space-between" alignItems="center">
                <Typography variant="subtitle1">
                  {r.regionName ?? r.regionCode} · {translate(`resources.data-reports.kind.${r.kind}`)}
                </Typography>
                <JobStatusChip status={r.status} />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {new Date(r.createdAt).toLocaleString('zh-CN')} · {r.createdByName ?? '—'}
              </Typography>
              {r.counts && (
                <Typography variant="body2">
                  {translate('resources.data-reports.fields.total')} {r.counts.total}
                  {r.baseReportId ? ` · ${translate('resources.data-reports.changes', r.counts)}` : ''}
                </Typography>
              )}
              {r.error && (
                <Typography variant="body2" color="error">
                  {r.error}
                </Typography>
              )}
              <Stack sx={{ mt: 1 }}>
                <DataReportFiles />
              </Stack>
            </CardContent>
          </Card>
        </RecordContextProvider>
      ))}
    </Stack>
  );
}
