/**
 * The case list's filters on the case's house (issue 17: a statistics figure over cases by a house
 * dimension links to the case list with the registry's filter names). The registry's own filter SQL
 * (buildings/building-sql.ts) on the case query's `buildings as b` join, for the house fields only.
 */
import type { Knex } from 'knex';
import { applyBuildingFilter } from '../buildings/building-sql.ts';
import type { BuildingFilter } from '../buildings/store.ts';

/** The house filters of the case list: the registry's, but for its region, text search and ids (the case list has its own). */
export type CaseHouseFilter = Omit<BuildingFilter, 'regionCode' | 'q' | 'ids' | 'openCase' | 'overdue'>;

const HOUSE_FIELDS = [
  'riskTier',
  'use',
  'businessUse',
  'businessCategory',
  'structureType',
  'minFloors',
  'maxFloors',
  'yearFrom',
  'yearTo',
  'yearUnknown',
  'appraisalGrade',
  'latestJudgement',
  'inspectedFrom',
  'notInspectedSince',
] as const satisfies readonly (keyof CaseHouseFilter)[];

export function applyCaseHouseFilter(query: Knex.QueryBuilder, f: CaseHouseFilter): Knex.QueryBuilder {
  const house: CaseHouseFilter = {};
  for (const k of HOUSE_FIELDS) if (f[k] !== undefined) (house as Record<string, unknown>)[k] = f[k];
  return applyBuildingFilter(query, house);
}
