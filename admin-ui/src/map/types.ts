/**
 * The map API's shapes (`/api/map/…`, issue 18): the houses' summary for a filter, a house's card,
 * the region outlines and the map's configuration (basemap, first view).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The tile layers the API serves; each is also the MVT layer's name. */
export const MAP_LAYERS = ['houses', 'cases', 'complaints', 'campaign', 'warnings'] as const;
export type MapLayerKind = (typeof MAP_LAYERS)[number];

/** `[west, south, east, north]` in WGS-84 degrees. */
export type Bounds = [number, number, number, number];

/** `GET /api/map/summary` (`count` is the registry list's total) and `GET /api/map/houses/:code` (the card). */
export type { HouseCard as HouseCardData, MapSummary } from '../../../domain/map/store.ts';

export interface OutlineProperties {
  code: string;
  name: string;
  level: 'town' | 'village';
  /** Drawn from the houses' points, not an official boundary. */
  approximate: boolean;
  houses: number;
}

/** `GET /api/map/outlines`: town and village outlines. */
export type Outlines = FeatureCollection<Polygon | MultiPolygon, OutlineProperties>;

/** The basemap under the platform's layers: none by default (a plain background with the outlines). */
export type Basemap =
  null | { type: 'raster'; tiles: string[]; attribution?: string } | { type: 'pmtiles'; url: string; attribution?: string };

/** The map's configuration: the basemap (from `GET /api/map/config`) and the first view. */
export interface MapConfig {
  basemap: Basemap;
  center: [number, number];
  zoom: number;
}

/** Without a configuration from the server: no basemap, the district (清城区) in view. */
export const DEFAULT_CONFIG: MapConfig = { basemap: null, center: [113.03, 23.7], zoom: 10 };

/**
 * `GET /api/map/config` over the defaults: the server says which basemap (and its datum, which the
 * API's features already follow); the first view is the district until the houses' bounds arrive.
 */
export function mapConfig(answer: Partial<MapConfig> | null): MapConfig {
  return { ...DEFAULT_CONFIG, ...(answer ?? {}) };
}
