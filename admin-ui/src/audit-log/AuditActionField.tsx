/** An audit action in words; an action without a translation shows its code, never a blank. */
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from './types.ts';

export function useActionLabel() {
  const translate = useTranslate();
  return (action: string) => translate(`resources.audit-log.actions.${action}`, { _: action });
}

export function AuditActionField(_props: { label?: string; source?: string }) {
  const entry = useRecordContext<AuditEntry>();
  const label = useActionLabel();
  if (!entry) return null;
  return (
    <Typography component="span" variant="body2">
      {label(entry.action)}
    </Typography>
  );
}
