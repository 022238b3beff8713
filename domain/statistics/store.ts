/**
 * Reading the statistics model's summary tables (migration 0022): grouped counts within a region's
 * subtree, never a recount of the raw rows. `DatabaseStatsStore` (database-store.ts) holds the SQL.
 * The caller has checked that the reader may see the region.
 */
import type { StatsRegion } from './api.ts';
import type { CaseDimension, HouseDimension } from './dimensions.ts';

/** What a count may be grouped by: a dimension (`region` = the region's children), a case's status, an event's metric or day. */
export type HouseKey = HouseDimension;
export type CaseKey = HouseDimension | CaseDimension | 'status';
export type DailyKey = 'region' | 'metric' | 'day' | 'category' | 'severity' | 'origin';

/** Equality on dimensions (`region`: a code prefix below the asked region; `month`: YYYY-MM). */
export type DimensionWhere = Partial<Record<HouseDimension | CaseDimension, string>>;

/** The cases to count, beyond equality on their dimensions. */
export interface CaseWhere extends DimensionWhere {
  statusIn?: readonly string[];
  statusNotIn?: readonly string[];
  /** First days of months, inclusive: the month the case was found in. */
  foundFrom?: string;
  foundTo?: string;
  /** Open cases whose deadline falls on a Beijing day before this one (overdue when it is today). */
  dueBefore?: string;
}

/** One group: its key values (as named in the group-by) and its count. */
export interface Group {
  key: Record<string, string>;
  n: number;
}

/** Completed tasks of one step taking `days` whole days, late or not (a bucket of the histogram). */
export interface StepDaysRow {
  step: string;
  days: number;
  late: boolean;
  n: number;
}

/** The groups of each of several counts, in the order asked. */
export type Groups<C extends readonly unknown[]> = { -readonly [K in keyof C]: Group[] };

/** One of several counts taken in one statement (one scan of the summary table). */
export interface HouseCount {
  groupBy: readonly HouseKey[];
  where?: DimensionWhere;
}
export interface CaseCount {
  groupBy: readonly CaseKey[];
  where?: CaseWhere;
}
/** Events between two Beijing days inclusive (`from` null: every day up to `to`), of the given metrics. */
export interface DailyCount {
  from: string | null;
  to: string;
  metrics: readonly string[];
  groupBy: readonly DailyKey[];
}

export interface StatsStore {
  /** Houses now (`stats_houses`) in the region, grouped. */
  houses(region: string, groupBy: readonly HouseKey[], where?: DimensionWhere): Promise<Group[]>;
  /** Several counts of houses in one statement, in the order asked. */
  housesMany<const C extends readonly HouseCount[]>(region: string, counts: C): Promise<Groups<C>>;
  /** Houses whose latest judgement fell on `since` or later (`stats_house_inspected`), grouped by child region or not. */
  inspectedSince(region: string, since: string, groupBy: readonly 'region'[]): Promise<Group[]>;
  /** The same for each of several days, in one statement. */
  inspectedSinceMany<const D extends readonly string[]>(region: string, since: D, groupBy: readonly 'region'[]): Promise<Groups<D>>;
  /** Hazard cases now (`stats_cases`) in the region, grouped. */
  cases(region: string, groupBy: readonly CaseKey[], where?: CaseWhere): Promise<Group[]>;
  /** Several counts of cases in one statement, in the order asked. */
  casesMany<const C extends readonly CaseCount[]>(region: string, counts: C): Promise<Groups<C>>;
  /** Events per day (`stats_daily`) in the region between two Beijing days inclusive, of the given metrics, grouped. */
  daily(region: string, from: string, to: string, metrics: readonly string[], groupBy: readonly DailyKey[]): Promise<Group[]>;
  /** Several counts of events in one statement, in the order asked. */
  dailyMany<const C extends readonly DailyCount[]>(region: string, counts: C): Promise<Groups<C>>;
  /** All events up to a day inclusive, per metric (for a backlog: found minus closed). */
  dailyUpTo(region: string, to: string, metrics: readonly string[]): Promise<Group[]>;
  /** The step-duration histogram of tasks completed in the months from `fromMonth` to `toMonth` (first days), inclusive. */
  stepDays(region: string, fromMonth: string, toMonth: string): Promise<StepDaysRow[]>;
  /**
   * This store for one page: the counts asked for in one turn of the event loop are read in one
   * statement. (The store itself reads each on its own, so concurrent requests never share a statement.)
   */
  page(): StatsStore;
  /** The child regions, by code. */
  children(code: string): Promise<StatsRegion[]>;
}

/** The length of a child region's code: district → town (9), town → village (12); a village is its own only child. */
export function childCodeLength(region: string): number {
  const next: Record<number, number> = { 1: 2, 2: 4, 4: 6, 6: 9, 9: 12 };
  return next[region.length] ?? 12;
}
