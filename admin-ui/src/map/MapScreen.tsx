/** The map page inside its list context: header with the count and the list link, filters, layers, the map and the house card. */
import { Alert, Box, Card, CardContent, FormControlLabel, Link, Skeleton, Stack, Switch, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Title, useListContext, useRedirect, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useBuildingFilters } from '../buildings/useBuildingFilters.tsx';
import { filterQuery } from '../dataProvider/request.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { HouseCard } from './HouseCard.tsx';
import { LayerBar } from './LayerBar.tsx';
import { MapFilters } from './MapFilters.tsx';
import { DEFAULT_LAYER, layerQuery } from './layerQuery.ts';
import type { LayerChoice } from './layerQuery.ts';
import { MapView } from './MapView.tsx';
import { TierCounts } from './TierCounts.tsx';
import { tileUrl } from './tiles.ts';

export const registryList = (filter: Record<string, unknown>) => `/buildings?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export function MapScreen() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.map.${key}`, options);
  const redirect = useRedirect();
  const filters = useBuildingFilters();
  const { filterValues } = useListContext();
  const [choice, setChoice] = useState<LayerChoice>(DEFAULT_LAYER);
  const [threeD, setThreeD] = useState(false);
  const [house, setHouse] = useState<{ code: string; at: [number, number] | undefined } | null>(null);
  const card = useRef<HTMLDivElement>(null);

  const houses = filterQuery(filterValues);
  const key = JSON.stringify(houses);
  const summary = useApiQuery(['map', 'summary', houses], (dp, signal) => dp.mapSummary(houses, signal));
  const config = useApiQuery(['map', 'config'], (dp, signal) => dp.mapConfig(signal), { staleTime: Infinity });
  const region: Record<string, string> = houses.regionCode ? { regionCode: houses.regionCode } : {};
  const outlines = useApiQuery(['map', 'outlines', region], (dp, signal) => dp.mapOutlines(region, signal), { staleTime: 10 * 60_000 });
  const query = layerQuery(choice, filterValues);
  const error = summary.error ?? config.error;

  return (
    <Stack spacing={1.5} sx={{ mt: { xs: 1, sm: 2 }, mb: 2, minWidth: 0 }} data-page="map">
      <Title title={t('title')} />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 1, sm: 2 }} alignItems={{ sm: 'center' }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
              {t('title')}
            </Typography>
            <Box sx={{ flex: 1, display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
              {summary.data ? (
                <>
                  <Typography variant="subtitle1" data-map-count={summary.data.count} sx={{ fontWeight: 600 }}>
                    {t('count', { count: summary.data.count })}
                  </Typography>
                  {summary.data.located < summary.data.count && (
                    <Typography variant="body2" color="text.secondary" data-located={summary.data.located}>
                      {t('located', { located: summary.data.located })}
                    </Typography>
                  )}
                  <TierCounts tiers={summary.data.tiers} />
                </>
              ) : (
                <Skeleton width={160} />
              )}
              <Link component={RouterLink} to={registryList(filterValues)} data-registry-link>
                {t('showList')}
              </Link>
            </Box>
            <FormControlLabel
              control={<Switch checked={threeD} onChange={(e) => setThreeD(e.target.checked)} disabled={choice.kind !== 'houses'} />}
              label={t('threeD')}
              data-three-d={threeD}
            />
          </Stack>
          <Box sx={{ mt: 1 }}>
            <MapFilters filters={filters} />
          </Box>
          <Box sx={{ mt: 1 }}>
            <LayerBar choice={choice} onChange={setChoice} />
          </Box>
        </CardContent>
      </Card>
      {error && <Alert severity="error">{error.message}</Alert>}
      {summary.data?.count === 0 && <Alert severity="info">{t('noHouses')}</Alert>}
      <MapView
        config={config.data}
        kind={choice.kind}
        tiles={
          query
            ? tileUrl(window.location.origin, choice.kind, threeD && choice.kind === 'houses' ? { ...query, footprints: 'true' } : query)
            : null
        }
        threeD={threeD && choice.kind === 'houses'}
        bounds={summary.data?.bounds}
        fitKey={key}
        outlines={outlines.data}
        onHouse={(code, at) => setHouse({ code, at })}
        keepInView={house && { at: house.at, clearOf: card }}
        onComplaint={(id) => redirect('show', 'complaints', id)}
        sx={{ height: { xs: '70vh', md: 'max(480px, calc(100vh - 330px))' } }}
      >
        {house && <HouseCard key={house.code} ref={card} code={house.code} onClose={() => setHouse(null)} />}
      </MapView>
    </Stack>
  );
}
