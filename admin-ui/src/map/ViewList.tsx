/**
 * The clusters and single features the map shows, as buttons out of sight: a keyboard or screen-reader
 * user zooms into a cluster or opens a house from here as a mouse user does on the map. Each carries
 * its place on screen (`data-x`, `data-y`), which the browser tests click.
 */
import { Box } from '@mui/material';
import type { Map as MapLibre } from 'maplibre-gl';
import { useTranslate } from 'react-admin';
import type { MapClickHandlers } from './useMapClicks.ts';
import { zoomInto } from './useMapClicks.ts';
import type { ViewFeature, ViewSummary } from './useViewSummary.ts';

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
  p: 0,
  m: -1,
} as const;

const place = (f: ViewFeature) => ({ 'data-x': f.x.toFixed(1), 'data-y': f.y.toFixed(1), 'data-kind': f.kind, 'data-count': f.count });

export function ViewList({ map, view, onHouse, onComplaint }: { map: MapLibre; view: ViewSummary } & MapClickHandlers) {
  const translate = useTranslate();
  return (
    <Box component="nav" aria-label={translate('resources.map.inView')} sx={hidden} data-view-list>
      <ul>
        {view.clusters.map((c) => (
          <li key={`c-${c.id}`}>
            <button type="button" data-cluster {...place(c)} onClick={() => zoomInto(map, [c.lng, c.lat])}>
              {translate('resources.map.cluster', { count: c.count })}
            </button>
          </li>
        ))}
        {view.singles.map((s, i) => (
          <li key={`s-${s.id}`}>
            <button
              type="button"
              data-single={s.id}
              data-code={s.code ?? undefined}
              {...place(s)}
              onClick={() => (s.code ? onHouse(s.code, [s.lng, s.lat]) : onComplaint(s.id))}
            >
              {/* A complaint with no house: its id says nothing to a listener, its place in the list does. */}
              {s.code ?? translate('resources.map.looseComplaint', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ul>
    </Box>
  );
}
