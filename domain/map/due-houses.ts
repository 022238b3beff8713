/**
 * The houses due for inspection as a list an inspector walks by: the 定期巡查 items falling due (the
 * interval of each house's risk tier), or for a house not yet scheduled the registry's own due rule
 * (`notInspectedSince`, as the map's `inspectionDue`), the reader's region rules, and, given where
 * they stand, the distance to each house, nearest first; else by code, so the order stays put. Public
 * fields only: the code, the address, the village, the tier, the day of the last judgement. The SQL is
 * in `DatabaseDueHouseStore` (database-due-houses.ts).
 */
import type { AppAbility } from '../abilities.ts';
import type { ListResult } from '../paging.ts';
import type { RiskTier } from '../../definitions/risk-tiers/index.ts';

/** A WGS-84 position (a phone's, as the browser gives it). */
export interface Position {
  longitude: number;
  latitude: number;
}

export interface DueHouseQuery {
  /** Only this region (within the reader's own). */
  regionCode?: string | undefined;
  /** Where the reader stands: the houses come nearest first, each with its distance. */
  near?: Position | undefined;
  /** Houses without a 定期巡查 item yet: never judged, or last judged before this day (YYYY-MM-DD), are due. */
  dueSince: string;
  /** The moment a scheduled house's falling due is judged at (ISO 8601); default now. */
  now?: string | undefined;
  page: number;
  perPage: number;
}

export interface DueHouse {
  code: string;
  address: string;
  villageName: string | null;
  riskTier: RiskTier;
  /** The day of the latest judgement (YYYY-MM-DD); null: never inspected. */
  lastInspectedOn: string | null;
  /** When its 定期巡查 item is due (ISO 8601); null: not scheduled yet (due by the yearly rule). */
  dueAt: string | null;
  /** Metres from `near`; null without `near` or for a house without a position (those come last). */
  distanceM: number | null;
}

export interface DueHouseStore {
  due(ability: AppAbility, query: DueHouseQuery): Promise<ListResult<DueHouse>>;
}
