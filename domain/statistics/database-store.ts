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

/** A statement being put together: conditions and their bindings. */
class Sql {
  readonly where: string[] = [];
  readonly bindings: unknown[] = [];
  add(condition: string, ...values: unknown[]): void {
    this.where.push(condition);
    this.bindings.push(...values);
  }
  /**
   * The codes starting with `prefix` as a range (`>= prefix AND < prefix` with its last character
   * incremented): the region columns are in the C collation (code point order), and unlike a LIKE
   * pattern a range stays an index range in a prepared statement's generic plan.
   */
  inRegion(column: string, prefix: string): void {
    if (prefix === '0') return;
    const end = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
    this.add(`${column} >= ? AND ${column} < ?`, prefix, end);
  }
}

/** The code lengths the level tables hold rows for (migration 0027): district, town, village. */
const LEVEL_LENGTHS = [6, 9, 12];

/**
 * Which rows of a table count a region, and how a row names the region's child it falls in. A wide
 * table (migration 0022) holds villages: the region's subtree is a code prefix. A level table (0027)
 * holds every level from the district down: the region's own rows, or with `byChild` its children's
 * (above the district: the districts', regrouped by the children's prefix).
 */
interface Source {
  table: string;
  regionColumn: string;
  level: boolean;
}

function scope(source: Source, region: string, byChild: boolean): { sql: Sql; regionSelect: string } {
  const sql = new Sql();
  const child = childCodeLength(region);
  const regionSelect = `substr(${source.regionColumn}, 1, ${child}) AS region`;
  if (!source.level) {
    sql.inRegion(source.regionColumn, region);
    return { sql, regionSelect };
  }
  const wanted = byChild ? child : region.length;
  const depth = LEVEL_LENGTHS.includes(wanted) ? wanted : (LEVEL_LENGTHS.find((l) => l >= wanted) ?? 12);
  sql.add(`length(region_code) = ${depth}`);
  if (depth === region.length) sql.add('region_code = ?', region);
  else sql.inRegion('region_code', region);
  return { sql, regionSelect };
}

function selectList(groupBy: readonly string[], columns: Record<string, string>, regionSelect: string): string[] {
  return groupBy.map((k) => (k === 'region' ? regionSelect : `${columns[k] ?? fail(k)} AS "${k}"`));
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

/** The keys a count mentions (grouped by or filtered on), `region` apart. */
const mentioned = (groupBy: readonly string[], where: object) =>
  new Set(
    [
      ...groupBy,
      ...Object.entries(where)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k),
    ].filter((k) => k !== 'region'),
  );
const within = (keys: Set<string>, allowed: readonly string[]) => [...keys].every((k) => allowed.includes(k));

const WIDE_HOUSES: Source = { table: 'stats_houses', regionColumn: 'village_code', level: false };
const WIDE_CASES: Source = { table: 'stats_cases', regionColumn: 'region_code', level: false };
const WIDE_DAILY: Source = { table: 'stats_daily', regionColumn: 'region_code', level: false };
const level = (table: string): Source => ({ table, regionColumn: 'region_code', level: true });
const LEVEL_HOUSES = level('stats_level_houses');
const LEVEL_INSPECTED = level('stats_level_inspected');
const LEVEL_CASES = level('stats_level_cases');
const LEVEL_DUE = level('stats_level_due');
const LEVEL_DAILY = level('stats_level_daily');
const LEVEL_STEPS = level('stats_level_steps');

/**
 * Each count goes to the narrowest table that holds what it needs: a level table when it groups and
 * filters by its keys only (the cockpit's counts), else the wide table (the pivot's other dimensions).
 */
type Routed<C> = { source: Source; byChild: boolean; counts: { index: number; count: C }[] };

function route<C>(counts: readonly C[], sourceOf: (c: C) => Source, byChild: (c: C) => boolean): Routed<C>[] {
  const batches = new Map<string, Routed<C>>();
  counts.forEach((count, index) => {
    const source = sourceOf(count);
    const child = byChild(count);
    const id = `${source.table}/${child}`;
    const batch = batches.get(id) ?? { source, byChild: child, counts: [] };
    batch.counts.push({ index, count });
    batches.set(id, batch);
  });
  return [...batches.values()];
}

/**
 * The statements asked for in one turn of the event loop, sent as one (a page's counts of several
 * tables are one round trip, not one per table): each becomes a subquery whose rows come back as JSON.
 * Only a page's own store batches (`page()`): a statement shared by concurrent requests would run their
 * counts one after another on one connection.
 */
class Batch {
  private pending: { text: string; bindings: unknown[]; resolve: (rows: Row[]) => void; reject: (error: unknown) => void }[] = [];

  /** `together` false: each statement on its own. */
  constructor(
    private readonly db: Db,
    private readonly together: boolean,
  ) {}

  async rows(text: string, bindings: unknown[]): Promise<Row[]> {
    if (!this.together) return (await this.db.raw(text, bindings as never[])).rows as Row[];
    return new Promise((resolve, reject) => {
      if (!this.pending.length) queueMicrotask(() => void this.flush());
      this.pending.push({ text, bindings, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const text = `SELECT ${batch.map((q, i) => `(SELECT coalesce(json_agg(r), '[]'::json) FROM (${q.text}) r) AS q${i}`).join(', ')}`;
    try {
      const row = (await this.db.raw(text, batch.flatMap((q) => q.bindings) as never[])).rows[0] as Record<string, Row[]>;
      batch.forEach((q, i) => q.resolve(row[`q${i}`]!));
    } catch (error) {
      for (const q of batch) q.reject(error);
    }
  }
}

export class DatabaseStatsStore implements StatsStore {
  private readonly batch: Batch;

  constructor(
    private readonly db: Db,
    together = false,
  ) {
    this.batch = new Batch(db, together);
  }

  page(): DatabaseStatsStore {
    return new DatabaseStatsStore(this.db, true);
  }

  /**
   * Several counts of one summary table in one statement (one scan): grouped by the union of their
   * group-bys, each count a `sum(n) FILTER (WHERE its conditions)`, then each regrouped by its own keys.
   */
  private async counted(table: string, scoped: Sql, counts: readonly Count[]): Promise<Group[][]> {
    const select = [...new Set(counts.flatMap((c) => c.select))];
    const condition = (c: Count) => (c.sql.where.length ? c.sql.where.map((w) => `(${w})`).join(' AND ') : 'TRUE');
    const sums = counts.map((c, i) => `sum(n) FILTER (WHERE ${condition(c)})::bigint AS n${i}`);
    const where = [...scoped.where, `(${counts.map((c) => `(${condition(c)})`).join(' OR ')})`];
    const text =
      `SELECT ${[...select, ...sums].join(', ')} FROM ${table} WHERE ${where.join(' AND ')}` +
      (select.length ? ` GROUP BY ${select.map((_, i) => i + 1).join(', ')}` : '');
    const bindings = [...counts.flatMap((c) => c.sql.bindings), ...scoped.bindings, ...counts.flatMap((c) => c.sql.bindings)];
    const rows = await this.batch.rows(text, bindings);
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
    });
  }

  /** The counts routed to their tables, one statement per table, answered in the order asked. */
  private async countedRouted<C, G>(
    region: string,
    counts: readonly C[],
    sourceOf: (c: C) => Source,
    byChild: (c: C) => boolean,
    build: (c: C, source: Source, sql: Sql, regionSelect: string) => string[],
  ): Promise<G> {
    const answers: Group[][] = [];
    await Promise.all(
      route(counts, sourceOf, byChild).map(async (batch) => {
        const { sql: scoped, regionSelect } = scope(batch.source, region, batch.byChild);
        const built = batch.counts.map(({ count }) => {
          const sql = new Sql();
          return { select: build(count, batch.source, sql, regionSelect), sql };
        });
        const groups = await this.counted(batch.source.table, scoped, built);
        batch.counts.forEach(({ index }, i) => (answers[index] = groups[i]!));
      }),
    );
    return answers as G;
  }

  housesMany<const C extends readonly HouseCount[]>(region: string, counts: C): Promise<Groups<C>> {
    // The level table holds one dimension at a time: a count that mentions at most one (and no region filter) is answered there.
    const dimOf = (c: HouseCount) => [...mentioned(c.groupBy, c.where ?? {})][0] as Exclude<HouseKey, 'region'> | undefined;
    const levelled = counts.every((c) => mentioned(c.groupBy, c.where ?? {}).size <= 1 && c.where?.region === undefined);
    return this.countedRouted<HouseCount, Groups<C>>(
      region,
      counts,
      () => (levelled ? LEVEL_HOUSES : WIDE_HOUSES),
      (c) => c.groupBy.includes('region'),
      ({ groupBy, where = {} }, source, sql, regionSelect) => {
        if (!source.level) {
          whereDimensions(sql, where, HOUSE_COLUMNS, 'village_code');
          return selectList(groupBy, HOUSE_COLUMNS, regionSelect);
        }
        // Every house has one value of each dimension: with none mentioned, any dimension's values sum to the houses.
        const dim = dimOf({ groupBy, where }) ?? 'riskTier';
        sql.add('dim = ?', HOUSE_COLUMNS[dim]);
        const value = (where as Record<string, string | undefined>)[dim];
        if (value !== undefined) sql.add('value = ?', value);
        return selectList(groupBy, { [dim]: 'value' }, regionSelect);
      },
    );
  }

  async houses(region: string, groupBy: readonly HouseKey[], where: DimensionWhere = {}): Promise<Group[]> {
    return (await this.housesMany(region, [{ groupBy, where }]))[0]!;
  }

  inspectedSinceMany<const D extends readonly string[]>(region: string, since: D, groupBy: readonly 'region'[]): Promise<Groups<D>> {
    return this.countedRouted<string, Groups<D>>(
      region,
      since,
      () => LEVEL_INSPECTED,
      () => groupBy.includes('region'),
      (day, _source, sql, regionSelect) => {
        sql.add('inspected_on >= ?::date', day);
        return selectList(groupBy, {}, regionSelect);
      },
    );
  }

  async inspectedSince(region: string, since: string, groupBy: readonly 'region'[]): Promise<Group[]> {
    return (await this.inspectedSinceMany(region, [since], groupBy))[0]!;
  }

  casesMany<const C extends readonly CaseCount[]>(region: string, counts: C): Promise<Groups<C>> {
    const sourceOf = ({ groupBy, where = {} }: CaseCount): Source => {
      const keys = mentioned(groupBy, where);
      if (where.region !== undefined) return WIDE_CASES;
      if (where.dueBefore !== undefined) return within(keys, ['status', 'statusIn', 'statusNotIn', 'dueBefore']) ? LEVEL_DUE : WIDE_CASES;
      return within(keys, ['status', 'category', 'severity', 'month', 'statusIn', 'statusNotIn', 'foundFrom', 'foundTo'])
        ? LEVEL_CASES
        : WIDE_CASES;
    };
    return this.countedRouted<CaseCount, Groups<C>>(
      region,
      counts,
      sourceOf,
      (c) => c.groupBy.includes('region'),
      ({ groupBy, where = {} }, _source, sql, regionSelect) => {
        const { statusIn, statusNotIn, foundFrom, foundTo, dueBefore, ...dims } = where;
        whereDimensions(sql, dims, CASE_COLUMNS, 'region_code');
        if (statusIn) sql.add(`status = ANY(?::text[])`, [...statusIn]);
        if (statusNotIn) sql.add(`status <> ALL(?::text[])`, [...statusNotIn]);
        if (foundFrom) sql.add('found_month >= ?::date', foundFrom);
        if (foundTo) sql.add('found_month <= ?::date', foundTo);
        // due_on is NULL for closed and cancelled cases (migration 0022), so this counts open cases only.
        if (dueBefore) sql.add('due_on < ?::date', dueBefore);
        return selectList(groupBy, CASE_COLUMNS, regionSelect);
      },
    );
  }

  async cases(region: string, groupBy: readonly CaseKey[], where: CaseWhere = {}): Promise<Group[]> {
    return (await this.casesMany(region, [{ groupBy, where }]))[0]!;
  }

  dailyMany<const C extends readonly DailyCount[]>(region: string, counts: C): Promise<Groups<C>> {
    return this.countedRouted<DailyCount, Groups<C>>(
      region,
      counts,
      (c) => (within(new Set(c.groupBy.filter((k) => k !== 'region')), ['metric', 'day']) ? LEVEL_DAILY : WIDE_DAILY),
      (c) => c.groupBy.includes('region'),
      ({ from, to, metrics, groupBy }, _source, sql, regionSelect) => {
        if (from === null) sql.add('day <= ?::date', to);
        else sql.add('day BETWEEN ?::date AND ?::date', from, to);
        sql.add('metric = ANY(?::text[])', [...metrics]);
        return selectList(groupBy, DAILY_COLUMNS, regionSelect);
      },
    );
  }

  async daily(region: string, from: string, to: string, metrics: readonly string[], groupBy: readonly DailyKey[]): Promise<Group[]> {
    return (await this.dailyMany(region, [{ from, to, metrics, groupBy }]))[0]!;
  }

  async dailyUpTo(region: string, to: string, metrics: readonly string[]): Promise<Group[]> {
    return (await this.dailyMany(region, [{ from: null, to, metrics, groupBy: ['metric'] }]))[0]!;
  }

  async stepDays(region: string, fromMonth: string, toMonth: string): Promise<StepDaysRow[]> {
    const { sql } = scope(LEVEL_STEPS, region, false);
    sql.add('completed_month BETWEEN ?::date AND ?::date', fromMonth, toMonth);
    const rows = await this.batch.rows(
      `SELECT step, days, late, sum(n)::bigint AS n FROM ${LEVEL_STEPS.table} WHERE ${sql.where.join(' AND ')} GROUP BY 1, 2, 3`,
      sql.bindings,
    );
    return (rows as { step: string; days: number; late: boolean; n: string }[])
      .map((r) => ({ step: r.step, days: r.days, late: r.late, n: Number(r.n) }))
      .filter((r) => r.n > 0);
  }

  async children(code: string): Promise<StatsRegion[]> {
    const rows = (await this.db('regions').where({ parent_code: code }).orderBy('code').select('code', 'name')) as {
      code: string;
      name: string;
    }[];
    return rows.map((r) => ({ code: r.code, name: r.name, level: regionLevel(r.code) }));
  }
}
