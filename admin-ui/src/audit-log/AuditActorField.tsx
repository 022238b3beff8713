/**
 * Who acted. Clicking the name narrows the list to that person's entries (the `actorId` filter),
 * which is how an auditor follows one user's trail.
 */
import type { MouseEvent } from 'react';
import { Link as MuiLink, Tooltip } from '@mui/material';
import { useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from './types.ts';

/**
 * An actor's name as shown: a person by name; the platform's own actors (the demo seed `system`, the
 * command-line tools `cli`), which have no account, in words.
 */
export function useActorName() {
  const translate = useTranslate();
  return (entry: AuditEntry) =>
    entry.actorId || !entry.actorName
      ? (entry.actorName ?? '—')
      : translate(`resources.audit-log.machineActors.${entry.actorName}`, { _: entry.actorName });
}

export function AuditActorField(_props: { label?: string; source?: string }) {
  const translate = useTranslate();
  const actorName = useActorName();
  const entry = useRecordContext<AuditEntry>();
  const { filterValues, setFilters } = useListContext();
  if (!entry) return null;
  if (!entry.actorId) return <span>{actorName(entry)}</span>;
  const actorId = entry.actorId;
  const name = entry.actorName ?? actorId;
  const onlyThisActor = (event: MouseEvent) => {
    // The row itself expands on click; this link filters instead.
    event.stopPropagation();
    setFilters({ ...filterValues, actorId });
  };
  return (
    <Tooltip title={translate('resources.audit-log.onlyThisActor', { name })}>
      <MuiLink component="button" type="button" onClick={onlyThisActor} underline="hover">
        {name}
      </MuiLink>
    </Tooltip>
  );
}
