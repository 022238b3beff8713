/**
 * What an entry is about: the subject's type in words and its id; a case links to its page (its trail,
 * evidence and chain verification), a case event also names its case number.
 */
import type { MouseEvent } from 'react';
import { Link as MuiLink, Typography } from '@mui/material';
import { useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { AuditEntry } from './types.ts';

export function AuditSubjectField(_props: { label?: string }) {
  const translate = useTranslate();
  const entry = useRecordContext<AuditEntry>();
  const createPath = useCreatePath();
  if (!entry?.subjectType) return <Typography variant="body2">—</Typography>;
  const type = translate(`resources.audit-log.subjectTypes.${entry.subjectType}`, { _: entry.subjectType });
  const caseNumber = entry.details?.caseNumber;
  if (entry.subjectType === 'Case' && entry.subjectId) {
    return (
      <MuiLink
        component={Link}
        to={createPath({ resource: 'cases', id: entry.subjectId, type: 'show' })}
        // The row itself expands on click; this link opens the case instead.
        onClick={(event: MouseEvent) => event.stopPropagation()}
        underline="hover"
        variant="body2"
      >
        {type} · {typeof caseNumber === 'string' ? caseNumber : entry.subjectId}
      </MuiLink>
    );
  }
  return (
    <Typography component="span" variant="body2">
      {type}
      {entry.subjectId ? ` · ${entry.subjectId}` : ''}
    </Typography>
  );
}
