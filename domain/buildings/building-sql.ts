/**
 * The SQL of the building registry, used by `DatabaseBuildingStore` and the other database code that
 * reads or writes houses (the campaigns' houses, the bulk import): API field → column, the registry's
 * filters on a query over `buildings as b`, and the row mappers.
 */
import type { Knex } from 'knex';
import { inspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import { houseDueSql } from '../inspection-schedule/due-sql.ts';
import type { DueRule } from '../inspection-schedule/due-sql.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { ENDED_CASE_STATUSES } from '../cases/enums.ts';
import { GAP_SQL } from '../completeness/gaps.ts';
import { BUSINESS_USES, NOT_INSPECTED } from './enums.ts';
import type { BuildingUse } from './enums.ts';
import { businessUseForbidden } from './rules.ts';
import type { BuildingCreateInput } from './schema.ts';
import type { RiskReason, RiskTier } from '../../definitions/risk-tiers/index.ts';
import { NO_CATEGORY, NO_GRADE } from './store.ts';
import type { Building, BuildingFilter, BuildingSortField } from './store.ts';

/** API field → column, for every stored field. */
export const BUILDING_COLUMNS = {
  villageCode: 'village_code',
  externalId: 'external_id',
  address: 'address',
  longitude: 'longitude',
  latitude: 'latitude',
  ownerName: 'owner_name',
  ownerPhone: 'owner_phone',
  floorsAbove: 'floors_above',
  floorsBelow: 'floors_below',
  floorArea: 'floor_area',
  yearBuilt: 'year_built',
  structureType: 'structure_type',
  foundationType: 'foundation_type',
  professionallyDesigned: 'professionally_designed',
  qualifiedBuilder: 'qualified_builder',
  alteration: 'alteration',
  alterationYear: 'alteration_year',
  approvals: 'approvals',
  use: 'use',
  businessCategory: 'business_category',
  occupants: 'occupants',
  latestJudgement: 'latest_judgement',
  latestJudgementAt: 'latest_judgement_at',
  rectificationStatus: 'rectification_status',
  rectificationMeasures: 'rectification_measures',
  appraisalGrade: 'appraisal_grade',
  appraisalDate: 'appraisal_date',
  appraisalReport: 'appraisal_report',
} as const satisfies Record<keyof BuildingCreateInput, string>;

type FieldName = keyof typeof BUILDING_COLUMNS;

export const SCOPE = { villageCode: 'b.village_code' };

const CLOSED_CASE = [...ENDED_CASE_STATUSES];

/** `due`: whether the house `b` is due for inspection under `rule` (`houseDueSql`: its 定期巡查 item, else the registry's rule). */
export const dueColumn = (db: Knex, rule: DueRule) => {
  const { sql, bindings } = houseDueSql(rule, inspectionScheduleDefinition().assignAheadDays);
  return db.raw(`(${sql}) AS due`, bindings);
};

/** `%text%` for ILIKE, with LIKE's own characters taken literally. */
export const likeText = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The text search `q`: a house code or address for everyone; the owner's name too, but only on houses
 * whose owner details the ability may see in full (`readPersonal`), so a search is never a way around
 * the mask. Without that right a name finds nothing, as any text absent from codes and addresses.
 */
function textSearch(query: Knex.QueryBuilder, q: string, personal: AppAbility | undefined): void {
  const like = likeText(q);
  query.where((w) => {
    w.where('b.address', 'ilike', like).orWhere('b.code', 'ilike', like);
    if (personal) w.orWhere((o) => whereAllowed(o.where('b.owner_name', 'ilike', like), personal, 'readPersonal', 'Building', SCOPE));
  });
}

/**
 * The registry's filters on a query over `buildings as b` (the list, and the houses of a campaign);
 * `personal` is the ability whose `readPersonal` rule lets `q` match owner names.
 */
export function applyBuildingFilter(query: Knex.QueryBuilder, params: BuildingFilter, personal?: AppAbility): Knex.QueryBuilder {
  if (params.regionCode) query.whereRaw(`b.village_code LIKE ?`, [`${params.regionCode}%`]);
  if (params.use) query.where('b.use', params.use);
  if (params.businessCategory === NO_CATEGORY) query.whereNull('b.business_category');
  else if (params.businessCategory) query.where('b.business_category', params.businessCategory);
  if (params.structureType) query.where('b.structure_type', params.structureType);
  if (params.latestJudgement === NOT_INSPECTED) query.whereNull('b.latest_judgement');
  else if (params.latestJudgement) query.where('b.latest_judgement', params.latestJudgement);
  if (params.appraisalGrade === NO_GRADE) query.whereNull('b.appraisal_grade');
  else if (params.appraisalGrade) query.where('b.appraisal_grade', params.appraisalGrade);
  if (params.minFloors) query.where('b.floors_above', '>=', params.minFloors);
  if (params.maxFloors) query.where('b.floors_above', '<=', params.maxFloors);
  if (params.yearFrom) query.where('b.year_built', '>=', params.yearFrom);
  if (params.yearTo) query.where('b.year_built', '<=', params.yearTo);
  if (params.yearUnknown === true) query.whereNull('b.year_built');
  else if (params.yearUnknown === false) query.whereNotNull('b.year_built');
  if (params.businessUse === true) query.whereIn('b.use', BUSINESS_USES as string[]);
  else if (params.businessUse === false) query.whereNotIn('b.use', BUSINESS_USES as string[]);
  if (params.riskTier) query.where('b.risk_tier', params.riskTier);
  if (params.inspectedFrom) query.where('b.latest_judgement_at', '>=', params.inspectedFrom);
  if (params.notInspectedSince) {
    const since = params.notInspectedSince;
    query.where((w) => w.whereNull('b.latest_judgement_at').orWhere('b.latest_judgement_at', '<', since));
  }
  if (params.openCase !== undefined) {
    const open = (sub: Knex.QueryBuilder) => sub.select('c.building_code').from('cases as c').whereNotIn('c.status', CLOSED_CASE);
    if (params.openCase) query.whereIn('b.code', open);
    else query.whereNotIn('b.code', open);
  }
  if (params.overdue !== undefined) {
    const late = (sub: Knex.QueryBuilder) =>
      sub.select('c.building_code').from('cases as c').whereNotIn('c.status', CLOSED_CASE).whereRaw('c.due_at < now()');
    if (params.overdue) query.whereIn('b.code', late);
    else query.whereNotIn('b.code', late);
  }
  if (params.gap) query.whereRaw(GAP_SQL[params.gap]);
  if (params.ids) query.whereIn('b.code', params.ids);
  if (params.q) textSearch(query, params.q, personal);
  return query;
}

export type Row = Record<string, unknown> & {
  code: string;
  village_name: string | null;
  town_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
};

const ENTRIES = Object.entries(BUILDING_COLUMNS) as [FieldName, string][];

export function toBuilding(row: Row): Building {
  const b = Object.fromEntries(ENTRIES.map(([field, column]) => [field, row[column] ?? null])) as Building;
  b.id = row.code;
  b.code = row.code;
  b.villageName = row.village_name;
  b.townCode = row.code.slice(0, 9);
  b.townName = row.town_name;
  b.version = row.version;
  b.approvals = (row.approvals as Building['approvals']) ?? [];
  b.createdAt = row.created_at.toISOString();
  b.updatedAt = row.updated_at.toISOString();
  b.businessUseForbidden = businessUseForbidden(b as Building & { use: BuildingUse });
  b.riskTier = (row.risk_tier as RiskTier | undefined) ?? 'green';
  b.riskReasons = (row.risk_reasons as RiskReason[] | undefined) ?? [];
  b.riskVersion = (row.risk_version as number | null | undefined) ?? null;
  return b;
}

/** Domain fields → a row for insert or update. */
export function toRow(fields: Partial<BuildingCreateInput>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of ENTRIES) {
    const value = fields[field];
    if (value === undefined) continue;
    row[column] = field === 'approvals' ? JSON.stringify(value) : value;
  }
  return row;
}

export const SORT: Record<BuildingSortField, string> = {
  code: 'b.code',
  address: 'b.address',
  floorsAbove: 'b.floors_above',
  yearBuilt: 'b.year_built',
  latestJudgementAt: 'b.latest_judgement_at',
  updatedAt: 'b.updated_at',
};
