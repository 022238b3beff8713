/**
 * One region's houses by risk tier on a map, for another page to embed (the cockpit): fitted to the
 * region, a click on a house opens its card, and 一张图 opens the full map filtered to the region.
 */
import OpenInFullIcon from '@mui/icons-material/OpenInFull';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useRedirect, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { HouseCard } from './HouseCard.tsx';
import { MapView } from './MapView.tsx';
import { tileUrl } from './tiles.ts';

/** The map page filtered to `region`. */
export const mapOf = (region: string | undefined) =>
  region ? `/map?filter=${encodeURIComponent(JSON.stringify({ regionCode: region }))}` : '/map';

export function RegionMap({ region }: { region: string | undefined }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [house, setHouse] = useState<string | null>(null);
  const query: Record<string, string> = region ? { regionCode: region } : {};
  const summary = useApiQuery(['map', 'summary', query], (dp, signal) => dp.mapSummary(query, signal));
  const config = useApiQuery(['map', 'config'], (dp, signal) => dp.mapConfig(signal), { staleTime: Infinity });
  const outlines = useApiQuery(['map', 'outlines', query], (dp, signal) => dp.mapOutlines(query, signal), { staleTime: 10 * 60_000 });
  return (
    <Card data-card="map">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('resources.map.title')}
          </Typography>
          <Button component={RouterLink} to={mapOf(region)} size="small" startIcon={<OpenInFullIcon />} data-map-link>
            {translate('resources.map.open')}
          </Button>
        </Stack>
        {summary.data && summary.data.located < summary.data.count && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-located={summary.data.located}>
            {translate('resources.map.countLocated', { count: summary.data.count, located: summary.data.located })}
          </Typography>
        )}
        <MapView
          config={config.data}
          kind="houses"
          tiles={tileUrl(window.location.origin, 'houses', query)}
          threeD={false}
          bounds={summary.data?.bounds}
          fitKey={region ?? ''}
          outlines={outlines.data}
          onHouse={setHouse}
          onComplaint={(id) => redirect('show', 'complaints', id)}
          sx={{ height: { xs: 360, md: 460 } }}
        >
          {house && <HouseCard key={house} code={house} onClose={() => setHouse(null)} />}
        </MapView>
      </CardContent>
    </Card>
  );
}
