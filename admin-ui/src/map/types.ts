/**
 * The map API's shapes (`/api/map/…`, issue 18): the houses' summary for a filter, a house's card,
 * the region outlines and the map's configuration (basemap, first view).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { RiskTier } from '../../../definitions/risk-tiers/index.ts';

/** The tile layers the API serves; each is also the MVT layer's name. */
export const MAP_LAYERS = ['houses', 'cases', 'complaints', 'campaign'] as const;
export type MapLayerKind = (typeof MAP_LAYERS)[number];

/** `[west, south, east, north]` in WGS-84 degrees. */
export type Bounds = [number, number, number, number];

/** `GET /api/map/summary`: the houses of a filter; `count` equals the registry list's total. */
export interface MapSummary {
  count: number;
  bounds: Bounds | null;
  tiers: Record<RiskTier, number>;
}

/** `GET /api/map/houses/:code`: what a click on a house shows. */
export interface HouseCardData {
  code: string;
  address: string;
  villageName: string | null;
  townName: string | null;
  longitude: number | null;
  latitude: number | null;
  riskTier: RiskTier;
  riskReasons: { rule: string; tier: RiskTier; text: string }[];
  floorsAbove: number | null;
  floorArea: number | null;
  use: string | null;
  openCases: { id: string; category: string; severity: 'serious' | 'general'; status: string; dueAt: string | null; overdue: boolean }[];
  lastInspection: { id: string; inspectedAt: string; judgement: string } | null;
  inspectionDue: boolean;
}

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

/** `GET /api/map/config`: no basemap by default (a plain background with the outlines). */
export interface MapConfig {
  basemap: null | { type: 'raster'; tiles: string[]; attribution?: string } | { type: 'pmtiles'; url: string };
  center: [number, number];
  zoom: number;
}
