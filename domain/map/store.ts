/**
 * The map's data (issue 18): vector tiles of houses, open cases, recent complaints, a campaign's
 * houses and the houses of waiting warnings, each read with the same region rules (and, for houses, the same filters) as its list; the
 * summary that places the map and counts what it shows; the card of a clicked house.
 */
import type { DueRule } from '../inspection-schedule/due-sql.ts';
import type { AppAbility } from '../abilities.ts';
import type { BuildingFilter } from '../buildings/store.ts';
import type { CASE_SEVERITY } from '../cases/enums.ts';
import type { RiskReason, RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { TileLayers, TileRange } from './tiles.ts';

export const MAP_LAYERS = ['houses', 'cases', 'complaints', 'campaign', 'warnings'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

export interface CaseLayerFilter {
  regionCode?: string | undefined;
  severity?: (typeof CASE_SEVERITY.values)[number] | undefined;
  /** true: only cases past their deadline; false: only those within it. */
  overdue?: boolean | undefined;
}

export interface ComplaintLayerFilter {
  regionCode?: string | undefined;
  /** Complaints received in the last `days` days. */
  days: number;
}

/** Warnings still waiting (open, acknowledged, escalated), at each house they name. */
export interface WarningLayerFilter {
  regionCode?: string | undefined;
}

export interface CampaignLayerFilter {
  campaignId: string;
  regionCode?: string | undefined;
}

export interface MapSummary {
  /** The houses of the filters: the registry list's total. */
  count: number;
  /** Of them, those with coordinates: what the map's features add up to. */
  located: number;
  /** [west, south, east, north] of the located houses; null when none is. */
  bounds: [number, number, number, number] | null;
  tiers: Record<RiskTier, number>;
}

export interface HouseCard {
  code: string;
  address: string;
  villageName: string | null;
  townName: string | null;
  longitude: number | null;
  latitude: number | null;
  riskTier: RiskTier;
  riskReasons: RiskReason[];
  floorsAbove: number | null;
  floorArea: number | null;
  use: string;
  latestJudgement: string | null;
  openCases: { id: string; category: string; severity: string; status: string; dueAt: string | null; overdue: boolean }[];
  lastInspection: { id: string; inspectedAt: string; judgement: string; kind: string } | null;
  /** Due for inspection under the reader's `DueRule` (as the inspector's list says). */
  inspectionDue: boolean;
}

export interface MapStore {
  /** Changes whenever something a tile shows may have changed (migration 0029's `map_version`). */
  version(): Promise<string>;
  /** Releases what `version` keeps open. */
  close(): Promise<void>;
  /** Houses: grid clusters up to CLUSTER_MAX_ZOOM, then one point per house, and its footprint when asked (3D). */
  houses(ability: AppAbility, filter: BuildingFilter, tile: TileRange, due: DueRule, footprints?: boolean): Promise<TileLayers>;
  cases(ability: AppAbility, filter: CaseLayerFilter, tile: TileRange): Promise<TileLayers>;
  complaints(ability: AppAbility, filter: ComplaintLayerFilter, tile: TileRange): Promise<TileLayers>;
  campaign(ability: AppAbility, filter: CampaignLayerFilter, tile: TileRange): Promise<TileLayers>;
  warnings(ability: AppAbility, filter: WarningLayerFilter, tile: TileRange): Promise<TileLayers>;
  summary(ability: AppAbility, filter: BuildingFilter): Promise<MapSummary>;
  /** The card of a house the ability may read. */
  card(ability: AppAbility, code: string, due: DueRule): Promise<HouseCard | undefined>;
}
