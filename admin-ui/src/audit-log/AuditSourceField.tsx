/** Where an entry is kept: the audit log, or a case's hash-chained event trail. */
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from './types.ts';

export function AuditSourceField(_props: { label?: string; source?: string }) {
  const translate = useTranslate();
  const entry = useRecordContext<AuditEntry>();
  if (!entry) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={entry.source === 'case' ? 'primary' : 'default'}
      label={translate(`resources.audit-log.sources.${entry.source}`)}
    />
  );
}
