/**
 * One entry of the audit trail: when, who (name, account and role: two staff may share a name), what,
 * what the form recorded, the evidence, and its hash.
 */
import { Fragment } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { actorText } from './actorText.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';
import type { CaseEvent } from './types.ts';

interface TimelineEntryProps {
  caseId: string;
  event: CaseEvent;
  /** The chain check found this entry altered. */
  broken: boolean;
  last: boolean;
}

export function TimelineEntry({ caseId, event, broken, last }: TimelineEntryProps) {
  const translate = useTranslate();
  const actor = event.actorName ?? translate('resources.cases.timeline.system');
  const role = event.actorRole ? translate(`app.roles.${event.actorRole}`, { _: event.actorRole }) : null;
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1.5, listStyle: 'none' }} data-seq={event.seq}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }} aria-hidden>
        <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: broken ? 'error.main' : 'primary.main', flex: 'none' }} />
        {!last && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} />}
      </Box>
      <Box
        sx={{
          flex: 1,
          minWidth: 0,
          pb: 2,
          ...(broken ? { border: 1, borderColor: 'error.main', borderRadius: 1, p: 1, mb: 1 } : {}),
        }}
      >
        <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {event.summary}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p">
          <DateTimeText value={event.occurredAt} />
          {' · '}
          <span data-actor>{actorText(translate, actor, event.actorUsername, role)}</span>
        </Typography>
        {event.details.length > 0 && (
          <Box
            component="dl"
            data-event-details
            sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 1, rowGap: 0.25, m: 0, mt: 0.5 }}
          >
            {event.details.map((d) => (
              <Fragment key={d.label}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {d.label}
                </Typography>
                <Typography component="dd" variant="caption" sx={{ m: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                  {d.value}
                </Typography>
              </Fragment>
            ))}
          </Box>
        )}
        <EvidenceFiles caseId={caseId} files={event.files} />
        <Typography
          variant="caption"
          component="p"
          color={broken ? 'error' : 'text.disabled'}
          title={event.hash}
          sx={{ fontFamily: 'monospace', mt: 0.5 }}
        >
          #{event.seq} · {event.hash.slice(0, 12)}
        </Typography>
      </Box>
    </Box>
  );
}
