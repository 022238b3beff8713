/**
 * The case list's filters on the case's house (issue 17: a statistics figure over cases by a house
 * dimension links to the case list with the registry's filter names). Applied to a query that joins
 * `buildings as b`; each filter selects exactly the houses the summary tables key by that value
 * (migration 0023 `stats_house_dims`: no business category, no appraisal grade → `none`; no judgement →
 * `not_inspected`).
 */
import type { Knex } from 'knex';
import { BUSINESS_USES, NOT_INSPECTED } from '../buildings/enums.ts';

/** The house filters of the case list (the registry's names). */
export interface CaseHouseFilter {
  riskTier?: string | undefined;
  use?: string | undefined;
  businessUse?: boolean | undefined;
  businessCategory?: string | undefined;
  structureType?: string | undefined;
  minFloors?: number | undefined;
  maxFloors?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  yearUnknown?: boolean | undefined;
  appraisalGrade?: string | undefined;
  latestJudgement?: string | undefined;
}

/** `none` as a filter value: the field is empty. */
const NONE = 'none';

export function applyCaseHouseFilter(query: Knex.QueryBuilder, f: CaseHouseFilter): Knex.QueryBuilder {
  if (f.riskTier) query.where('b.risk_tier', f.riskTier);
  if (f.use) query.where('b.use', f.use);
  if (f.businessUse === true) query.whereIn('b.use', [...BUSINESS_USES]);
  if (f.businessUse === false) query.whereNotIn('b.use', [...BUSINESS_USES]);
  if (f.businessCategory === NONE) query.whereNull('b.business_category');
  else if (f.businessCategory) query.where('b.business_category', f.businessCategory);
  if (f.structureType) query.where('b.structure_type', f.structureType);
  if (f.minFloors !== undefined) query.where('b.floors_above', '>=', f.minFloors);
  if (f.maxFloors !== undefined) query.where('b.floors_above', '<=', f.maxFloors);
  if (f.yearFrom !== undefined) query.where('b.year_built', '>=', f.yearFrom);
  if (f.yearTo !== undefined) query.where('b.year_built', '<=', f.yearTo);
  if (f.yearUnknown === true) query.whereNull('b.year_built');
  if (f.yearUnknown === false) query.whereNotNull('b.year_built');
  if (f.appraisalGrade === NONE) query.whereNull('b.appraisal_grade');
  else if (f.appraisalGrade) query.where('b.appraisal_grade', f.appraisalGrade);
  if (f.latestJudgement === NOT_INSPECTED) query.whereNull('b.latest_judgement');
  else if (f.latestJudgement) query.where('b.latest_judgement', f.latestJudgement);
  return query;
}
