/**
 * The house file's 安全 section: one timeline of judgements, risk tier changes, cases, complaints (no
 * complainant), inspections, special inspections and appraisals, newest first, a page at a time.
 */
import { Alert, Box, Card, CardContent, Chip, LinearProgress, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { PagePicker } from '../common/PagePicker.tsx';
import type { AppDataProvider } from '../dataProvider/index.ts';
import type { BuildingRecord } from './types.ts';
import { TimelineText } from './TimelineText.tsx';

const PER_PAGE = 10;

export function HouseTimeline() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [page, setPage] = useState(0);
  const code = building?.code;
  const timeline = useQuery({
    queryKey: ['buildings', 'timeline', code, page],
    queryFn: ({ signal }) => dataProvider.houseTimeline(code ?? '', { page: page + 1, perPage: PER_PAGE }, signal),
    enabled: code !== undefined,
    placeholderData: keepPreviousData,
  });
  if (!building) return null;
  return (
    <Card variant="outlined" component="section" aria-labelledby="group-timeline" data-testid="house-timeline">
      <CardContent sx={{ '&:last-child': { pb: 1 } }}>
        <Typography id="group-timeline" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.houseFile.timeline.title')}
        </Typography>
        {timeline.isPending && <LinearProgress />}
        {timeline.isError && <Alert severity="error">{timeline.error.message}</Alert>}
        {timeline.data?.total === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.houseFile.timeline.empty')}
          </Typography>
        )}
        {timeline.data && timeline.data.total > 0 && (
          <Box component="ol" sx={{ m: 0, p: 0 }}>
            {timeline.data.data.map((e) => (
              <Box
                component="li"
                key={`${e.kind}-${e.ref}`}
                data-kind={e.kind}
                sx={{
                  listStyle: 'none',
                  py: 0.75,
                  borderTop: 1,
                  borderColor: 'divider',
                  display: 'grid',
                  gap: 1,
                  gridTemplateColumns: { xs: '1fr', sm: '130px 96px minmax(0, 1fr)' },
                  alignItems: 'center',
                }}
              >
                <Typography variant="body2" color="text.secondary" component="span">
                  <DateTimeText value={e.at} />
                </Typography>
                <Box>
                  <Chip size="small" variant="outlined" label={translate(`resources.houseFile.timeline.kinds.${e.kind}`)} />
                </Box>
                <Typography variant="body2" component="span" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <TimelineText entry={e} />
                </Typography>
              </Box>
            ))}
          </Box>
        )}
        {timeline.data && <PagePicker total={timeline.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />}
      </CardContent>
    </Card>
  );
}
