/** The vector tile address of a map layer with its filter, as MapLibre wants it: absolute, `{z}/{x}/{y}` left for it to fill. */
import type { Query } from '../dataProvider/request.ts';
import type { MapLayerKind } from './types.ts';

export function tileUrl(origin: string, kind: MapLayerKind, query: Query): string {
  // Sorted, so the same filter is the same address (and the browser's and the API's caches hit).
  const search = new URLSearchParams(Object.entries(query).sort(([a], [b]) => a.localeCompare(b))).toString();
  return `${origin}/api/map/tiles/${kind}/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}
