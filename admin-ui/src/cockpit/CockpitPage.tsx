/**
 * 数据驾驶舱 (`/cockpit`): one region's houses, coverage, risk tiers, hazards, rectification and
 * complaints at a glance, for the period picked; its houses on the map by risk tier (一张图, filtered
 * to the same region); the trends by week or month; the child regions ranked (a click drills down
 * 区 → 镇/街道 → 村/社区, and at a village its houses, each opening its house file); and the case
 * funnel on the process diagram; the warnings still waiting, live; 定期巡查 coverage per village and inspector. Every count opens the list behind it.
 * The region and period live in the address. 大屏 opens the same figures as a wall screen.
 */
import { Alert, Box, Button, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import TvIcon from '@mui/icons-material/Tv';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { Suspense } from 'react';
import { Link } from 'react-router-dom';
import type { AppIdentity } from '../authProvider.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import inspectionSchedule from '../inspection-schedule/index.ts';
import map from '../map/index.ts';
import { PeriodPicker } from '../stats/PeriodPicker.tsx';
import { useStatsParams } from '../stats/useStatsParams.ts';
import { ChildrenCard } from './ChildrenCard.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { OpenHazardsCard, OverviewCards } from './OverviewCards.tsx';
import { OpenWarningsCard } from './OpenWarningsCard.tsx';
import { RegionBreadcrumb } from './RegionBreadcrumb.tsx';
import { TrendsCard } from './TrendsCard.tsx';
import { useCockpit } from './useCockpit.ts';
import { VillageHousesCard } from './VillageHousesCard.tsx';

export function CockpitPage() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.stats.${key}`, options);
  const me = useGetIdentity().identity as AppIdentity | undefined;
  const { region, from, to, search, update } = useStatsParams();
  const interval = search.get('interval') === 'week' ? 'week' : 'month';
  const { overview, children, trends, funnel } = useCockpit({ region, from, to, interval });
  const error = overview.error ?? children.error;
  const o = overview.data;
  const wall = `/wall?${new URLSearchParams(Object.entries({ region: region ?? '', from, to }).filter(([, v]) => v !== '')).toString()}`;
  return (
    <Stack
      spacing={2}
      sx={{ mt: { xs: 1, sm: 2 }, mb: 2, minWidth: 0, contain: 'inline-size', '& > *': { flexShrink: 0 } }}
      data-page="cockpit"
    >
      <Title title={t('cockpit.title')} />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('cockpit.title')}
              </Typography>
              {o ? (
                <RegionBreadcrumb region={o.meta.region} home={me?.regionCode} onGo={(code) => update({ region: code })} />
              ) : (
                <Skeleton width={240} />
              )}
            </Box>
            <PeriodPicker from={from} to={to} onChange={(p) => update(p)} />
            <Button component={Link} to={wall} variant="outlined" startIcon={<TvIcon />} sx={{ whiteSpace: 'nowrap' }}>
              {t('cockpit.wall')}
            </Button>
          </Stack>
          {o && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-computed-at>
              {t('computedAt')} <DateTimeText value={o.meta.computedAt} />
            </Typography>
          )}
        </CardContent>
      </Card>
      {error && <Alert severity="error">{error instanceof Error ? error.message : translate('ra.notification.http_error')}</Alert>}
      {o ? <OverviewCards overview={o} /> : !error && <Skeleton variant="rectangular" height={240} />}
      <Suspense fallback={<Skeleton variant="rectangular" height={460} />}>
        <map.regionMap region={region} />
      </Suspense>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(0, 1fr)' } }}>
        <TrendsCard trends={trends.data} interval={interval} onInterval={(value) => update({ interval: value }, true)} />
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {o && <OpenHazardsCard overview={o} />}
          <OpenWarningsCard region={region} />
        </Stack>
      </Box>
      {o && o.meta.region.level === 'village' ? (
        <VillageHousesCard overview={o} />
      ) : (
        children.data && <ChildrenCard children={children.data} onDrill={(code) => update({ region: code })} />
      )}
      <inspectionSchedule.coverageCard region={region} />
      {funnel.data && <FunnelCard funnel={funnel.data} />}
    </Stack>
  );
}
