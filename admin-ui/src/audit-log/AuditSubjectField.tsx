/**
 * What an entry is about: the subject's type in words and its name as the API resolves it (a case's
 * number, a complaint's tracking number, a user's name), else its id; a case or a complaint links to
 * its page (for a case: its trail, evidence and chain verification).
 */
import type { MouseEvent } from 'react';
import { Link as MuiLink, Typography } from '@mui/material';
import { useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { AuditEntry } from './types.ts';

/** Subjects with a page of their own in the admin UI. */
const LINKED: Record<string, string> = { Case: 'cases', Complaint: 'complaints' };

export function AuditSubjectField(_props: { label?: string }) {
  const translate = useTranslate();
  const entry = useRecordContext<AuditEntry>();
  const createPath = useCreatePath();
  if (!entry?.subjectType) return <Typography variant="body2">—</Typography>;
  const type = translate(`resources.audit-log.subjectTypes.${entry.subjectType}`, { _: entry.subjectType });
  const name = entry.subjectLabel ?? entry.subjectId;
  const resource = LINKED[entry.subjectType];
  if (resource && entry.subjectId) {
    return (
      <MuiLink
        component={Link}
        to={createPath({ resource, id: entry.subjectId, type: 'show' })}
        // The row itself expands on click; this link opens the case instead.
        onClick={(event: MouseEvent) => event.stopPropagation()}
        underline="hover"
        variant="body2"
      >
        {type} · {name}
      </MuiLink>
    );
  }
  return (
    <Typography component="span" variant="body2">
      {type}
      {name ? ` · ${name}` : ''}
    </Typography>
  );
}
