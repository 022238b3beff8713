/** The expanded row: every recorded field, including the free-form details, for the auditor. */
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from './types.ts';

const FIELDS = ['actorId', 'regionCode', 'ip', 'requestId', 'subjectId'] as const;

export function AuditDetailsPanel() {
  const translate = useTranslate();
  const entry = useRecordContext<AuditEntry>();
  if (!entry) return null;
  const hasDetails = Object.keys(entry.details ?? {}).length > 0;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, py: 1 }}>
      {FIELDS.map((f) => (
        <Box key={f} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {translate(`resources.audit-log.fields.${f}`)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {entry[f] ?? '—'}
          </Typography>
        </Box>
      ))}
      <Typography component="dt" variant="body2" color="text.secondary">
        {translate('resources.audit-log.fields.details')}
      </Typography>
      <Box component="dd" sx={{ m: 0 }}>
        {hasDetails ? (
          <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(entry.details, null, 2)}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.audit-log.noDetails')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
