/**
 * The building registry's domain types and the store interface behind it: `DatabaseBuildingStore`
 * (database-store.ts) holds the SQL. Codes are assigned from per-village sequences (never reused), reads
 * are scoped by abilities, and every change is recorded with its before and after.
 */
import type { RiskReason, RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { AppAbility } from '../abilities.ts';
import type { HouseComplaint } from '../complaints/store.ts';
import type { Db } from '../db.ts';
import type { Inspection } from '../inspections/store.ts';
import { maskName, maskPhone } from '../mask.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { AppraisalGrade, BuildingUse, BusinessCategory, Judgement, NOT_INSPECTED, StructureType } from './enums.ts';
import type { BuildingCreateInput, BuildingFields } from './schema.ts';
import type { Gap } from '../completeness/gaps.ts';

type FieldName = keyof BuildingCreateInput;

export type Building = { [K in FieldName]-?: Exclude<BuildingCreateInput[K], undefined> | null } & {
  id: string;
  code: string;
  villageName: string | null;
  townCode: string;
  townName: string | null;
  version: number;
  businessUseForbidden: boolean;
  /** The risk tier (风险分级), the reasons for it and the version of the rules that gave it (domain/risk). */
  riskTier: RiskTier;
  riskReasons: RiskReason[];
  /** null: no rule has looked at the house yet. */
  riskVersion: number | null;
  createdAt: string;
  updatedAt: string;
};

export interface BuildingChange {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  source: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** The registry's filter value for houses without an appraisal grade; not a grade. */
export const NO_GRADE = 'none';
/** The registry's filter value for houses without a business category (the statistics' `none`). */
export const NO_CATEGORY = 'none';

export interface BuildingFilter {
  regionCode?: string | undefined;
  use?: BuildingUse | undefined;
  /** A category, or `none` for houses without one. */
  businessCategory?: BusinessCategory | typeof NO_CATEGORY | undefined;
  structureType?: StructureType | undefined;
  /** A judgement, or NOT_INSPECTED for houses without one. */
  latestJudgement?: Judgement | typeof NOT_INSPECTED | undefined;
  /** A grade, or `none` for houses without one. */
  appraisalGrade?: AppraisalGrade | typeof NO_GRADE | undefined;
  minFloors?: number | undefined;
  maxFloors?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  /** true: houses without a build year; false: houses with one. */
  yearUnknown?: boolean | undefined;
  /** true: business use (BUSINESS_USES); false: any other use. */
  businessUse?: boolean | undefined;
  riskTier?: RiskTier | undefined;
  /** Houses whose latest judgement is dated on or after this date (YYYY-MM-DD). */
  inspectedFrom?: string | undefined;
  /** Houses never judged, or whose latest judgement is dated before this date (YYYY-MM-DD). */
  notInspectedSince?: string | undefined;
  /** true: houses with a case not closed nor cancelled; false: houses without one. */
  openCase?: boolean | undefined;
  /** true: houses with an open case past its deadline; false: houses without one. */
  overdue?: boolean | undefined;
  /** Houses whose record has this gap (data completeness, domain/completeness/gaps.ts). */
  gap?: Gap | undefined;
  q?: string | undefined;
  ids?: string[] | undefined;
}

/** Personal data masked, for lists, exports and anyone without the right to see it in full. */
export function masked(b: Building): Building {
  return { ...b, ownerName: maskName(b.ownerName), ownerPhone: maskPhone(b.ownerPhone) };
}

/** The fields a building list may be sorted by. */
export const BUILDING_SORT_FIELDS = ['code', 'address', 'floorsAbove', 'yearBuilt', 'latestJudgementAt', 'updatedAt'] as const;
export type BuildingSortField = (typeof BUILDING_SORT_FIELDS)[number];

/** A case as the house file lists it. */
export interface HouseCase {
  id: string;
  number: string;
  category: string;
  severity: string;
  status: string;
  dueAt: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** A house near a position (public fields only). */
export interface NearbyHouse {
  code: string;
  address: string | null;
  villageCode: string;
  villageName: string | null;
  latitude: number;
  longitude: number;
  distanceM: number;
}

/** Who changed a building, and through what (`api`, an import, a case, an inspection). */
export interface ChangeAuthor {
  actorId: string | null;
  actorName: string | null;
  source: string;
}

/** The house file: the building with its latest changes, cases, inspections and complaints. */
export interface HouseRecord {
  building: Building;
  changes: BuildingChange[];
  cases: HouseCase[];
  inspections: Inspection[];
  complaints: HouseComplaint[];
}

/** The building registry. Reads with an ability are scoped by its rules; `null` reads unscoped. */
export interface BuildingStore {
  /** A page of the buildings `ability` may read, owner details masked; `q` matches owner names only where they may be read in full. */
  list(ability: AppAbility, params: ListParams & BuildingFilter): Promise<ListResult<Building>>;
  /** How many houses of a list's filters `q` finds by their owner's name (what an audited search revealed). */
  ownerNameMatches(ability: AppAbility, params: BuildingFilter & { q: string }): Promise<number>;
  /** One building the ability may read (full data: callers mask for the viewer). */
  find(ability: AppAbility | null, code: string, tx?: Db): Promise<Building | undefined>;
  /** Houses within `radiusM` of a WGS-84 position, nearest first (public fields only). */
  near(position: { latitude: number; longitude: number }, radiusM: number, limit: number): Promise<NearbyHouse[]>;
  /** Reserves `count` consecutive sequence numbers of a village; returns the first. */
  reserveSequences(villageCode: string, count: number, tx?: Db): Promise<number>;
  /** Inserts a building with the next code of its village; returns the code. */
  create(input: BuildingCreateInput, tx?: Db): Promise<string>;
  /** Applies changed fields, bumps the version, and records the change. */
  update(code: string, changes: Partial<BuildingFields>, before: Building, who: ChangeAuthor, tx?: Db): Promise<void>;
  /** Locks the building's row in `tx` for an update; its version. */
  lockVersion(code: string, tx: Db): Promise<number | undefined>;
  /** Whether another building than `exceptCode` carries this external id. */
  externalIdTaken(externalId: string, exceptCode?: string, tx?: Db): Promise<boolean>;
  /** The house file in one query, if the ability may read the building. */
  withChanges(ability: AppAbility, code: string): Promise<HouseRecord | undefined>;
  /** The building's latest 200 changes, newest first. */
  changes(code: string): Promise<BuildingChange[]>;
}

/** The fields whose values differ between an update and the stored building. */
export function changedFields(patch: Partial<BuildingFields>, before: Building): Partial<BuildingFields> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || k === 'version') continue;
    if (JSON.stringify(v) !== JSON.stringify(before[k as FieldName] ?? null)) out[k] = v;
  }
  return out as Partial<BuildingFields>;
}
