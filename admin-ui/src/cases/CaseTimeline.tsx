/**
 * The case's audit trail, oldest first, with the result of checking its hash chain. Everyone who may
 * read the case sees it; auditors read it to confirm nothing was changed afterwards.
 */
import { Alert, Box, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ChainStatus } from './ChainStatus.tsx';
import { TimelineEntry } from './TimelineEntry.tsx';
import type { CaseDetail } from './types.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

export function CaseTimeline({ record, refetchInterval }: { record: CaseDetail; refetchInterval: number | false }) {
  const translate = useTranslate();
  const events = useApiQuery(['cases', record.id, 'events'], (dataProvider, signal) => dataProvider.caseEvents(record.id, signal), {
    refetchInterval,
  });
  const brokenSeq = events.data?.chain.brokenAt?.seq ?? null;
  return (
    <Card component="section" aria-labelledby="case-timeline">
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" justifyContent="space-between" sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
          <Typography id="case-timeline" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('resources.cases.sections.timeline')}
          </Typography>
          {events.data && <ChainStatus chain={events.data.chain} />}
        </Stack>
        {events.error ? (
          <Alert severity="error">{events.error instanceof Error ? events.error.message : translate('ra.notification.http_error')}</Alert>
        ) : !events.data ? (
          <Skeleton variant="rectangular" height={120} />
        ) : (
          <Box component="ol" sx={{ m: 0, p: 0 }}>
            {events.data.data.map((event, i, all) => (
              <TimelineEntry
                key={event.seq}
                caseId={record.id}
                event={event}
                broken={event.seq === brokenSeq}
                last={i === all.length - 1}
              />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
