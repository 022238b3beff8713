/**
 * The statistics store in SQL: grouped sums of the summary tables' `n` within a region's subtree (a
 * code prefix; the children of a region by the next level's prefix length). Column names come from
 * the maps below only, never from input, and values are bound.
 */
import type { Db } from '../db.ts';
import { regionLevel } from '../regions.ts';
import type { StatsRegion } from './api.ts';
import { childCodeLength } from './store.ts';
import type { CaseKey, CaseWhere, DailyKey, DimensionWhere, Group, HouseKey, StatsStore, StepDaysRow } from './store.ts';

/** Dimension → column, shared by `stats_houses` and `stats_cases` (the house's dimensions now). */
const HOUSE_COLUMNS: Record<Exclude<HouseKey, 'region'>, string> = {
  riskTier: 'risk_tier',
  use: 'use',
  businessCategory: 'business_category',
  floorsBand: 'floors_band',
  structureType: 'structure_type',
  yearBand: 'year_band',
  appraisalGrade: 'appraisal_grade',
  latestJudgement: 'latest_judgement',
};
const CASE_COLUMNS: Record<Exclude<CaseKey, 'region'>, string> = {
  ...HOUSE_COLUMNS,
  category: 'category',
  severity: 'severity',
  origin: 'origin',
  month: `to_char(found_month, 'YYYY-MM')`,
  status: 'status',
};
const DAILY_COLUMNS: Record<Exclude<DailyKey, 'region'>, string> = {
  metric: 'metric',
  day: `to_char(day, 'YYYY-MM-DD')`,
  category: 'category',
  severity: 'severity',
  origin: 'origin',
};

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A statement being put together: conditions and their bindings. */
class Sql {
  readonly where: string[] = [];
  readonly bindings: unknown[] = [];
  add(condition: string, ...values: unknown[]): void {
    this.where.push(condition);
    this.bindings.push(...values);
  }
  inRegion(column: string, prefix: string): void {
    if (prefix !== '0') this.add(`${column} LIKE ?`, `${escapeLike(prefix)}%`);
  }
}

function selectList(groupBy: readonly string[], columns: Record<string, string>, regionColumn: string, region: string): string[] {
  return groupBy.map((k) =>
    k === 'region' ? `substr(${regionColumn}, 1, ${childCodeLength(region)}) AS region` : `${columns[k] ?? fail(k)} AS "${k}"`,
  );
}

function fail(key: string): never {
  throw new Error(`unknown statistics key ${key}`);
}

function whereDimensions(sql: Sql, where: DimensionWhere, columns: Record<string, string>, regionColumn: string): void {
  for (const [k, v] of Object.entries(where)) {
    if (v === undefined) continue;
    if (k === 'region') sql.inRegion(regionColumn, v);
    else if (k === 'month') sql.add(`found_month = ?::date`, `${v}-01`);
    else sql.add(`${columns[k] ?? fail(k)} = ?`, v);
  }
}

type Row = Record<string, unknown> & { n: string | number };

export class DatabaseStatsStore implements StatsStore {
  constructor(private readonly db: Db) {}

  private async grouped(table: string, select: string[], sql: Sql): Promise<Group[]> {
    const keys = select.map((s) => /AS "?(\w+)"?$/.exec(s)![1]!);
    const text =
      `SELECT ${[...select, 'sum(n)::bigint AS n'].join(', ')} FROM ${table}` +
      (sql.where.length ? ` WHERE ${sql.where.join(' AND ')}` : '') +
      (select.length ? ` GROUP BY ${select.map((_, i) => i + 1).join(', ')}` : '');
    const result = await this.db.raw(text, sql.bindings as never[]);
    return (result.rows as Row[])
      .map((r) => ({ key: Object.fromEntries(keys.map((k) => [k, String(r[k])])), n: Number(r.n ?? 0) }))
      .filter((g) => g.n !== 0 || select.length === 0);
  }

  houses(region: string, groupBy: readonly HouseKey[], where: DimensionWhere = {}): Promise<Group[]> {
    const sql = new Sql();
    sql.inRegion('village_code', region);
    whereDimensions(sql, where, HOUSE_COLUMNS, 'village_code');
    return this.grouped('stats_houses', selectList(groupBy, HOUSE_COLUMNS, 'village_code', region), sql);
  }

  inspectedSince(region: string, since: string, groupBy: readonly 'region'[]): Promise<Group[]> {
    const sql = new Sql();
    sql.inRegion('village_code', region);
    sql.add('inspected_on >= ?::date', since);
    return this.grouped('stats_house_inspected', selectList(groupBy, {}, 'village_code', region), sql);
  }

  cases(region: string, groupBy: readonly CaseKey[], where: CaseWhere = {}): Promise<Group[]> {
    const { statusIn, statusNotIn, foundFrom, foundTo, dueBefore, ...dims } = where;
    const sql = new Sql();
    sql.inRegion('region_code', region);
    whereDimensions(sql, dims, CASE_COLUMNS, 'region_code');
    if (statusIn) sql.add(`status = ANY(?::text[])`, [...statusIn]);
    if (statusNotIn) sql.add(`status <> ALL(?::text[])`, [...statusNotIn]);
    if (foundFrom) sql.add('found_month >= ?::date', foundFrom);
    if (foundTo) sql.add('found_month <= ?::date', foundTo);
    // due_on is NULL for closed and cancelled cases (migration 0022), so this counts open cases only.
    if (dueBefore) sql.add('due_on < ?::date', dueBefore);
    return this.grouped('stats_cases', selectList(groupBy, CASE_COLUMNS, 'region_code', region), sql);
  }

  daily(region: string, from: string, to: string, metrics: readonly string[], groupBy: readonly DailyKey[]): Promise<Group[]> {
    const sql = new Sql();
    sql.inRegion('region_code', region);
    sql.add('day BETWEEN ?::date AND ?::date', from, to);
    sql.add('metric = ANY(?::text[])', [...metrics]);
    return this.grouped('stats_daily', selectList(groupBy, DAILY_COLUMNS, 'region_code', region), sql);
  }

  dailyUpTo(region: string, to: string, metrics: readonly string[]): Promise<Group[]> {
    const sql = new Sql();
    sql.inRegion('region_code', region);
    sql.add('day <= ?::date', to);
    sql.add('metric = ANY(?::text[])', [...metrics]);
    return this.grouped('stats_daily', ['metric AS "metric"'], sql);
  }

  async stepDays(region: string, fromMonth: string, toMonth: string): Promise<StepDaysRow[]> {
    const sql = new Sql();
    sql.inRegion('region_code', region);
    sql.add('completed_month BETWEEN ?::date AND ?::date', fromMonth, toMonth);
    const result = await this.db.raw(
      `SELECT step, days, late, sum(n)::bigint AS n FROM stats_step_days WHERE ${sql.where.join(' AND ')} GROUP BY 1, 2, 3`,
      sql.bindings as never[],
    );
    return (result.rows as { step: string; days: number; late: boolean; n: string }[])
      .map((r) => ({ step: r.step, days: r.days, late: r.late, n: Number(r.n) }))
      .filter((r) => r.n > 0);
  }

  async region(code: string): Promise<StatsRegion | null> {
    const row = (await this.db('regions').where({ code }).first('code', 'name')) as { code: string; name: string } | undefined;
    return row ? { code: row.code, name: row.name, level: regionLevel(row.code) } : null;
  }

  async children(code: string): Promise<StatsRegion[]> {
    const rows = (await this.db('regions').where({ parent_code: code }).orderBy('code').select('code', 'name')) as {
      code: string;
      name: string;
    }[];
    return rows.map((r) => ({ code: r.code, name: r.name, level: regionLevel(r.code) }));
  }
}
