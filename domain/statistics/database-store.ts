/**
 * The statistics store in SQL: grouped sums of the summary tables' `n` within a region's subtree (a
 * code prefix; the children of a region by the next level's prefix length). Column names come from
 * the maps below only, never from input, and values are bound.
 */
import type { Db } from '../db.ts';
import { regionLevel } from '../regions.ts';
import type { StatsRegion } from './api.ts';
import { childCodeLength } from './store.ts';
import type {
  CaseCount,
  CaseKey,
  CaseWhere,
  DailyCount,
  DailyKey,
  DimensionWhere,
  Group,
  Groups,
  HouseCount,
  HouseKey,
  StatsStore,
  StepDaysRow,
} from './store.ts';

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

type Row = Record<string, unknown>;

/** One count of a combined statement: its group-by (select-list entries) and its conditions. */
interface Count {
  select: string[];
  sql: Sql;
}

const keyOf = (select: string) => /AS "?(\w+)"?$/.exec(select)![1]!;

export class DatabaseStatsStore implements StatsStore {
  constructor(private readonly db: Db) {}

  /**
   * Several counts of one summary table in one statement (one scan): grouped by the union of their
   * group-bys, each count a `sum(n) FILTER (WHERE its conditions)`, then each regrouped by its own keys.
   */
  private async counted<G>(table: string, regionColumn: string, region: string, counts: readonly Count[]): Promise<G> {
    const select = [...new Set(counts.flatMap((c) => c.select))];
    const condition = (c: Count) => (c.sql.where.length ? c.sql.where.map((w) => `(${w})`).join(' AND ') : 'TRUE');
    const sums = counts.map((c, i) => `sum(n) FILTER (WHERE ${condition(c)})::bigint AS n${i}`);
    const scope = new Sql();
    scope.inRegion(regionColumn, region);
    const where = [...scope.where, `(${counts.map((c) => `(${condition(c)})`).join(' OR ')})`];
    const text =
      `SELECT ${[...select, ...sums].join(', ')} FROM ${table} WHERE ${where.join(' AND ')}` +
      (select.length ? ` GROUP BY ${select.map((_, i) => i + 1).join(', ')}` : '');
    const bindings = [...counts.flatMap((c) => c.sql.bindings), ...scope.bindings, ...counts.flatMap((c) => c.sql.bindings)];
    const rows = (await this.db.raw(text, bindings as never[])).rows as Row[];
    return counts.map((c, i): Group[] => {
      const keys = c.select.map(keyOf);
      if (!keys.length) return [{ key: {}, n: rows.reduce((s, r) => s + Number(r[`n${i}`] ?? 0), 0) }];
      const groups = new Map<string, Group>();
      for (const r of rows) {
        const n = Number(r[`n${i}`] ?? 0);
        if (n === 0) continue;
        const key = Object.fromEntries(keys.map((k) => [k, String(r[k])]));
        const id = JSON.stringify(keys.map((k) => key[k]));
        const g = groups.get(id);
        if (g) g.n += n;
        else groups.set(id, { key, n });
      }
      return [...groups.values()];
    }) as G;
  }

  housesMany<const C extends readonly HouseCount[]>(region: string, counts: C): Promise<Groups<C>> {
    return this.counted<Groups<C>>(
      'stats_houses',
      'village_code',
      region,
      counts.map(({ groupBy, where = {} }) => {
        const sql = new Sql();
        whereDimensions(sql, where, HOUSE_COLUMNS, 'village_code');
        return { select: selectList(groupBy, HOUSE_COLUMNS, 'village_code', region), sql };
      }),
    );
  }

  async houses(region: string, groupBy: readonly HouseKey[], where: DimensionWhere = {}): Promise<Group[]> {
    return (await this.housesMany(region, [{ groupBy, where }]))[0]!;
  }

  inspectedSinceMany<const D extends readonly string[]>(region: string, since: D, groupBy: readonly 'region'[]): Promise<Groups<D>> {
    return this.counted<Groups<D>>(
      'stats_house_inspected',
      'village_code',
      region,
      since.map((day) => {
        const sql = new Sql();
        sql.add('inspected_on >= ?::date', day);
        return { select: selectList(groupBy, {}, 'village_code', region), sql };
      }),
    );
  }

  async inspectedSince(region: string, since: string, groupBy: readonly 'region'[]): Promise<Group[]> {
    return (await this.inspectedSinceMany(region, [since], groupBy))[0]!;
  }

  casesMany<const C extends readonly CaseCount[]>(region: string, counts: C): Promise<Groups<C>> {
    return this.counted<Groups<C>>(
      'stats_cases',
      'region_code',
      region,
      counts.map(({ groupBy, where = {} }) => {
        const { statusIn, statusNotIn, foundFrom, foundTo, dueBefore, ...dims } = where;
        const sql = new Sql();
        whereDimensions(sql, dims, CASE_COLUMNS, 'region_code');
        if (statusIn) sql.add(`status = ANY(?::text[])`, [...statusIn]);
        if (statusNotIn) sql.add(`status <> ALL(?::text[])`, [...statusNotIn]);
        if (foundFrom) sql.add('found_month >= ?::date', foundFrom);
        if (foundTo) sql.add('found_month <= ?::date', foundTo);
        // due_on is NULL for closed and cancelled cases (migration 0022), so this counts open cases only.
        if (dueBefore) sql.add('due_on < ?::date', dueBefore);
        return { select: selectList(groupBy, CASE_COLUMNS, 'region_code', region), sql };
      }),
    );
  }

  async cases(region: string, groupBy: readonly CaseKey[], where: CaseWhere = {}): Promise<Group[]> {
    return (await this.casesMany(region, [{ groupBy, where }]))[0]!;
  }

  dailyMany<const C extends readonly DailyCount[]>(region: string, counts: C): Promise<Groups<C>> {
    return this.counted<Groups<C>>(
      'stats_daily',
      'region_code',
      region,
      counts.map(({ from, to, metrics, groupBy }) => {
        const sql = new Sql();
        if (from === null) sql.add('day <= ?::date', to);
        else sql.add('day BETWEEN ?::date AND ?::date', from, to);
        sql.add('metric = ANY(?::text[])', [...metrics]);
        return { select: selectList(groupBy, DAILY_COLUMNS, 'region_code', region), sql };
      }),
    );
  }

  async daily(region: string, from: string, to: string, metrics: readonly string[], groupBy: readonly DailyKey[]): Promise<Group[]> {
    return (await this.dailyMany(region, [{ from, to, metrics, groupBy }]))[0]!;
  }

  async dailyUpTo(region: string, to: string, metrics: readonly string[]): Promise<Group[]> {
    return (await this.dailyMany(region, [{ from: null, to, metrics, groupBy: ['metric'] }]))[0]!;
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
