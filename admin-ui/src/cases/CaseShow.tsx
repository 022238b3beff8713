/**
 * The case page: the header with the steps waiting now, how the case was found (with its evidence),
 * the process showing where the case stands, the audit trail with its chain check, the recorded facts,
 * the escalations and the text messages. While the case runs the page refreshes itself; faster while an escalation is on
 * its way.
 */
import { Box, Skeleton } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { CaseProcess } from './CaseProcess.tsx';
import { CaseDiscoveries } from './CaseDiscoveries.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseMessages } from './CaseMessages.tsx';
import { CaseShowActions } from './CaseShowActions.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { EscalationPanel } from './EscalationPanel.tsx';
import type { CaseSummary } from './types.ts';
import { isCaseDetail, isFinished } from './types.ts';

const RUNNING_MS = 15_000;
const SENDING_MS = 3_000;

/** How often to refresh a case: not at all once finished. */
export function caseRefetchInterval(record: CaseSummary | undefined): number | false {
  if (!isCaseDetail(record)) return false;
  if (record.escalations.some((e) => e.status === 'sending')) return SENDING_MS;
  return isFinished(record.status) ? false : RUNNING_MS;
}

function CasePage() {
  const record = useRecordContext<CaseSummary>();
  if (!isCaseDetail(record)) return <Skeleton variant="rounded" height={240} />;
  const interval = caseRefetchInterval(record);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 360px' }, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <CaseHeader record={record} />
        <CaseDiscoveries record={record} />
        <CaseProcess record={record} />
        <CaseTimeline record={record} refetchInterval={interval} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <CaseFacts record={record} />
        <EscalationPanel record={record} />
        <CaseMessages caseId={String(record.id)} refetchInterval={interval} />
      </Box>
    </Box>
  );
}

export function CaseShow() {
  return (
    <Show
      actions={<CaseShowActions />}
      component="div"
      sx={{ mb: 2 }}
      queryOptions={{ refetchInterval: (query) => caseRefetchInterval(query.state.data as CaseSummary | undefined) }}
    >
      <CasePage />
    </Show>
  );
}
