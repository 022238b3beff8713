/**
 * What the map shows right now, read back from what it drew each time it comes to rest: the clusters
 * and the single houses (or cases, complaints) in view with their place on screen, the zoom and the
 * tilt. The page lists them for keyboard and screen-reader users (and the browser tests read them).
 */
import type { Map as MapLibre } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { CLUSTER_LAYER, EXTRUSION_LAYER, SINGLE_LAYER, featureClass } from './dataLayers.ts';
import type { MapLayerKind } from './types.ts';

export interface ViewFeature {
  /** House code, case or complaint id. */
  id: string;
  /** The house's code, when the feature belongs to one. */
  code: string | null;
  /** The class that gives the dot its colour (a tier, a severity, a progress): its legend entry. */
  kind: string;
  count: number;
  /** A house due for inspection. */
  due: boolean;
  x: number;
  y: number;
  lng: number;
  lat: number;
}

export interface ViewSummary {
  zoom: number;
  pitch: number;
  clusters: ViewFeature[];
  singles: ViewFeature[];
  /** Houses drawn as 3D blocks. */
  blocks: number;
}

/** Enough to list; a district view has a few dozen clusters, a village a few hundred houses at most. */
const MOST = 300;

function features(map: MapLibre, layer: string, kind: MapLayerKind): ViewFeature[] {
  if (!map.getLayer(layer)) return [];
  const seen = new Set<string>();
  const out: ViewFeature[] = [];
  for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
    if (f.geometry.type !== 'Point') continue;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties as Record<string, string | number | undefined>;
    const id = String(p.code ?? p.caseId ?? p.complaintId ?? `${lng.toFixed(6)},${lat.toFixed(6)}`);
    // A feature on a tile edge is drawn from both tiles.
    if (seen.has(id)) continue;
    seen.add(id);
    const { x, y } = map.project([lng, lat]);
    out.push({
      id,
      code: typeof p.code === 'string' ? p.code : null,
      kind: featureClass(kind, p),
      count: Number(p.count ?? 1),
      due: p.inspectionDue === 1,
      x,
      y,
      lng,
      lat,
    });
    if (out.length >= MOST) break;
  }
  return out;
}

function summarise(map: MapLibre, kind: MapLayerKind): ViewSummary {
  const blocks = map.getLayer(EXTRUSION_LAYER) ? map.queryRenderedFeatures({ layers: [EXTRUSION_LAYER] }).length : 0;
  return {
    zoom: map.getZoom(),
    pitch: map.getPitch(),
    clusters: features(map, CLUSTER_LAYER, kind).sort((a, b) => b.count - a.count),
    singles: features(map, SINGLE_LAYER, kind),
    blocks,
  };
}

/** `kind`: the layer shown, whose classes name the features. */
export function useViewSummary(map: MapLibre | null, kind: MapLayerKind): ViewSummary | null {
  const [summary, setSummary] = useState<ViewSummary | null>(null);
  useEffect(() => {
    if (!map) return undefined;
    const update = () => setSummary(summarise(map, kind));
    map.on('idle', update);
    return () => {
      map.off('idle', update);
    };
  }, [map, kind]);
  return summary;
}
