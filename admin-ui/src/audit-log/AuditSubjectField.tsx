/** What an entry is about: the subject's type in words and its id. */
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from './types.ts';

export function AuditSubjectField(_props: { label?: string }) {
  const translate = useTranslate();
  const entry = useRecordContext<AuditEntry>();
  if (!entry?.subjectType) return <Typography variant="body2">—</Typography>;
  const type = translate(`resources.audit-log.subjectTypes.${entry.subjectType}`, { _: entry.subjectType });
  return (
    <Typography component="span" variant="body2">
      {type}
      {entry.subjectId ? ` · ${entry.subjectId}` : ''}
    </Typography>
  );
}
