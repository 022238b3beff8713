/**
 * The map (MapLibre GL JS) of one layer of the API's vector tiles over the region outlines: clusters at
 * district zoom, single houses closer, blocks in 3D. The page around it owns the filter, the layer and
 * what a click opens; `children` are drawn over the map (the house card). What the map shows is also
 * listed, out of sight, for keyboard and screen-reader users.
 */
import { Box } from '@mui/material';
import type { SxProps, Theme } from '@mui/material';
import { useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslate } from 'react-admin';
import { MapLegend } from './MapLegend.tsx';
import type { Bounds, MapConfig, MapLayerKind, Outlines } from './types.ts';
import { useMapClicks } from './useMapClicks.ts';
import type { MapClickHandlers } from './useMapClicks.ts';
import { useKeepInView } from './useKeepInView.ts';
import { useDataLayers, useFitBounds, useOutlines, useTilt } from './useMapData.ts';
import { useMapLibre } from './useMapLibre.ts';
import { useViewSummary } from './useViewSummary.ts';
import { ViewList } from './ViewList.tsx';

const NO_COVER: RefObject<HTMLElement | null> = { current: null };

export interface MapViewProps extends MapClickHandlers {
  config: MapConfig | undefined;
  kind: MapLayerKind;
  /** The tile address template of `kind` with its filter; null draws no data (a campaign not picked yet). */
  tiles: string | null;
  threeD: boolean;
  /** Where the filtered houses are; the map fits them once per `fitKey`. */
  bounds: Bounds | null | undefined;
  fitKey: string;
  outlines: Outlines | null | undefined;
  /** A house (`[lng, lat]`) the map keeps clear of `clearOf` (the card opened for it). */
  keepInView?: { at: [number, number] | undefined; clearOf: RefObject<HTMLElement | null> } | null | undefined;
  children?: ReactNode;
  sx?: SxProps<Theme>;
}

export function MapView({
  config,
  kind,
  tiles,
  threeD,
  bounds,
  fitKey,
  outlines,
  keepInView,
  onHouse,
  onComplaint,
  children,
  sx,
}: MapViewProps) {
  const translate = useTranslate();
  const container = useRef<HTMLDivElement>(null);
  const map = useMapLibre(
    container,
    config,
    { approximate: translate('resources.map.approximate') },
    { bounds, fitKey, data: { kind, tiles, threeD } },
  );
  useDataLayers(map, kind, tiles, threeD);
  useOutlines(map, outlines);
  useTilt(map, threeD);
  useFitBounds(map, bounds, fitKey);
  useMapClicks(map, { onHouse, onComplaint });
  useKeepInView(map, keepInView?.at, keepInView?.clearOf ?? NO_COVER);
  const view = useViewSummary(map, kind);
  return (
    <Box
      sx={[
        { position: 'relative', minHeight: 320, borderRadius: 1, overflow: 'hidden', bgcolor: '#eef1f4' },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
      data-map={kind}
      data-map-ready={view ? 'true' : 'false'}
      data-zoom={view?.zoom.toFixed(2)}
      data-pitch={view?.pitch.toFixed(0)}
      data-blocks={view?.blocks}
    >
      {/* MapLibre's own style sheet makes its container `position: relative`, so the container fills a positioned box. */}
      <Box sx={{ position: 'absolute', inset: 0 }}>
        <Box ref={container} sx={{ width: '100%', height: '100%' }} role="region" aria-label={translate('resources.map.region')} />
      </Box>
      <MapLegend kind={kind} threeD={threeD} />
      {map && view && <ViewList map={map} view={view} onHouse={onHouse} onComplaint={onComplaint} />}
      {children}
    </Box>
  );
}
