/**
 * The statistics summary tables (migration 0022) recounted from the raw rows: `rebuildStatistics` writes
 * them afresh (`npm run stats:rebuild`), `statisticsDifferences` compares them with a recount
 * (`npm run stats:check`, and the tests). Both count with the SQL functions the triggers use (migration
 * 0023: stats_house_dims, stats_case_origin, stats_case_due_on, stats_task_days, stats_beijing_day,
 * stats_beijing_month), so a recount and the triggers cannot mean different things.
 */
import type { Db } from '../db.ts';
import { rebuildMapCells, rebuildOpenCases } from '../map/cells.ts';

/** The raw tables the summaries count. */
export const RAW_TABLES = ['buildings', 'cases', 'case_escalations', 'complaints', 'inspections', 'tasks'];

/** A house's dimensions as summary columns, in the order of `stats_house_dims(b)` (migration 0023), and their SELECT from it (`h`). */
const HOUSE_KEYS = [
  'use',
  'business_category',
  'floors_band',
  'structure_type',
  'year_band',
  'appraisal_grade',
  'latest_judgement',
  'risk_tier',
];
const HOUSE_SELECT = HOUSE_KEYS.map((k, i) => `h[${i + 1}] AS ${k}`).join(', ');

/** A summary table's recount: a SELECT of its columns, `n` last, grouped by the rest. */
const RECOUNTS: Record<string, { keys: string[]; sql: string }> = {
  stats_houses: {
    keys: ['village_code', ...HOUSE_KEYS],
    sql: `
      SELECT village_code, ${HOUSE_SELECT}, n
      FROM (SELECT village_code, stats_house_dims(b) AS h, count(*)::integer AS n FROM buildings b GROUP BY 1, 2) g`,
  },
  stats_house_inspected: {
    keys: ['village_code', 'inspected_on'],
    sql: `
      SELECT village_code, latest_judgement_at AS inspected_on, count(*)::integer AS n
      FROM buildings WHERE latest_judgement_at IS NOT NULL GROUP BY 1, 2`,
  },
  stats_cases: {
    keys: ['region_code', 'found_month', 'category', 'severity', 'origin', 'status', 'due_on', ...HOUSE_KEYS],
    sql: `
      SELECT region_code, found_month, category, severity, origin, status, due_on, ${HOUSE_SELECT}, n
      FROM (SELECT c.region_code, stats_beijing_month(c.created_at) AS found_month, c.category, c.severity,
                   stats_case_origin(c.source, c.source_ref) AS origin, c.status, stats_case_due_on(c.status, c.due_at) AS due_on,
                   stats_house_dims(b) AS h, count(*)::integer AS n
            FROM cases c JOIN buildings b ON b.code = c.building_code
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) g`,
  },
  stats_daily: {
    keys: ['day', 'region_code', 'metric', 'category', 'severity', 'origin'],
    sql: `
      WITH c AS (SELECT id, region_code, category, severity, stats_case_origin(source, source_ref) AS origin, status,
                        created_at, closed_at FROM cases),
      e AS (
        SELECT stats_beijing_day(created_at) AS day, region_code, 'found' AS metric, category, severity, origin
        FROM c WHERE status <> 'cancelled'
        UNION ALL
        SELECT stats_beijing_day(closed_at), region_code, 'closed', category, severity, origin
        FROM c WHERE status = 'closed' AND closed_at IS NOT NULL
        UNION ALL
        SELECT stats_beijing_day(x.requested_at), c.region_code, 'escalated', c.category, c.severity, c.origin
        FROM case_escalations x JOIN c ON c.id = x.case_id WHERE x.no = 1
        UNION ALL
        SELECT stats_beijing_day(created_at), region_code, 'complaint_received', category, 'none', 'none' FROM complaints
        UNION ALL
        SELECT stats_beijing_day(verified_at), region_code, 'complaint_' || status, category, 'none', 'none'
        FROM complaints WHERE status IN ('confirmed', 'unfounded') AND verified_at IS NOT NULL
        UNION ALL
        SELECT stats_beijing_day(inspected_at), region_code, 'inspection', 'none', 'none', kind FROM inspections
      )
      SELECT day, region_code, metric, category, severity, origin, count(*)::integer AS n FROM e GROUP BY 1, 2, 3, 4, 5, 6`,
  },
  stats_step_days: {
    keys: ['region_code', 'completed_month', 'step', 'days', 'late'],
    sql: `
      SELECT case_region_code AS region_code, stats_beijing_month(completed_at) AS completed_month, step,
             stats_task_days(created_at, completed_at) AS days, (due_at IS NOT NULL AND completed_at > due_at) AS late,
             count(*)::integer AS n
      FROM tasks WHERE status = 'completed' AND completed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  },
};

/**
 * The level tables (migration 0027): each the projection of one wide summary table onto its region's
 * levels, as deltas to be summed per key. Their key columns after region_code.
 */
const LEVEL_TABLES: Record<string, string[]> = {
  stats_level_houses: ['dim', 'value'],
  stats_level_inspected: ['inspected_on'],
  stats_level_cases: ['status', 'category', 'severity', 'found_month'],
  stats_level_due: ['status', 'due_on'],
  stats_level_daily: ['metric', 'day'],
  stats_level_steps: ['completed_month', 'step', 'days', 'late'],
};

/** A level table's counts per key (its deltas summed; keys that sum to 0 left out), `n` last. */
function levelSums(table: string): string {
  const keys = ['region_code', ...LEVEL_TABLES[table]!];
  return `SELECT ${keys.join(', ')}, sum(n)::integer AS n FROM ${table} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
          HAVING sum(n) <> 0`;
}

/**
 * What each summary table should hold and what it holds, as queries of its key columns and `n`: a wide
 * table against the recount of the raw rows, a level table (summed) against its wide table's projection,
 * the wide table having been compared with the raw rows in the same snapshot.
 */
const COMPARED: { table: string; keys: string[]; expected: string; actual: string }[] = [
  ...Object.entries(RECOUNTS).map(([table, { keys, sql }]) => ({
    table,
    keys,
    expected: sql,
    actual: `SELECT ${keys.join(', ')}, n FROM ${table}`,
  })),
  ...Object.entries(LEVEL_TABLES).map(([table, keys]) => ({
    table,
    keys: ['region_code', ...keys],
    expected: `SELECT * FROM ${table}_expected`,
    actual: levelSums(table),
  })),
  {
    table: 'map_cells',
    keys: ['level', 'cx', 'cy', 'village_code', 'measure'],
    expected: mapCellMeasures('buildings b, map_cell_rows(1, b.merc_x, b.merc_y, b.village_code, b.risk_tier) c'),
    actual: mapCellMeasures('map_cells c'),
  },
  // Not a table of its own: the open cases each house row carries for the map (migration 0033).
  {
    table: 'buildings.open_cases',
    keys: ['code', 'measure'],
    expected: openCaseMeasures(
      `(SELECT building_code AS code, count(*) AS open_cases, min(due_at) AS open_case_due_at
          FROM cases WHERE status NOT IN ('closed', 'cancelled') GROUP BY 1) b`,
    ),
    actual: openCaseMeasures('buildings b'),
  },
];

/** Houses' open cases as rows per house and measure: their count (`open`) and earliest deadline (`due`, epoch ms); zeros left out. */
function openCaseMeasures(from: string): string {
  return `SELECT b.code::text AS code, m.measure, m.v AS n
          FROM ${from}, LATERAL (VALUES ('open', b.open_cases::bigint),
                                        ('due', floor(extract(epoch FROM b.open_case_due_at) * 1000)::bigint)) AS m (measure, v)
          WHERE m.v IS NOT NULL AND m.v <> 0`;
}

/** The map's cells (migration 0031) as one row per key and measure (`n_red`, `sx_red`, …), summed, zeros left out. */
function mapCellMeasures(from: string): string {
  const measures = ['red', 'orange', 'yellow', 'green'].flatMap((t) => [`n_${t}`, `sx_${t}`, `sy_${t}`]);
  return `SELECT c.level, c.cx, c.cy, c.village_code::text, m.measure, sum(m.v)::bigint AS n
          FROM ${from}, LATERAL (VALUES ${measures.map((x) => `('${x}', c.${x}::bigint)`).join(', ')}) AS m (measure, v)
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(m.v) <> 0`;
}

/** What `statisticsDifferences` compares, by name: the summary tables, then the houses' open-case columns. */
export const CHECKED_SUMMARIES = COMPARED.map((c) => c.table);
/** The summary tables, in the order they are rebuilt and compared: the wide ones, then their levels. */
export const STATISTICS_TABLES = CHECKED_SUMMARIES.filter((t) => !t.includes('.'));

export interface RebuildReport {
  /** Rows written per summary table. */
  rows: Record<string, number>;
  ms: number;
}

const DEADLOCK = '40P01';

/**
 * Recounts every summary table from the raw rows, in one transaction: the raw tables are locked in SHARE
 * mode (writers wait until the rebuild commits, readers do not), the summaries emptied with DELETE (a
 * reader of a summary sees the old rows until the commit, never an empty table) and filled again. Runs
 * as the application role. A deadlock with a writer that held one raw table while waiting for another
 * is retried.
 */
export async function rebuildStatistics(db: Db, say: (line: string) => void = () => {}): Promise<RebuildReport> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const rows = await db.transaction(async (trx) => {
        say(`locking ${RAW_TABLES.join(', ')} against writes…`);
        await trx.raw(`LOCK TABLE ${RAW_TABLES.join(', ')} IN SHARE MODE`);
        const counted: Record<string, number> = {};
        const count = async (table: string, fill: string) => {
          const t0 = Date.now();
          await trx.raw(`DELETE FROM ${table}`);
          counted[table] = (await trx.raw(fill)).rowCount ?? 0;
          say(`${table}: ${counted[table]} rows (${Date.now() - t0} ms)`);
        };
        // The wide tables' triggers skip their level tables in this transaction: they are filled after, in one pass each.
        await trx.raw(`SET LOCAL ydym.stats_rebuild = 'on'`);
        for (const [table, { keys, sql }] of Object.entries(RECOUNTS))
          await count(table, `INSERT INTO ${table} (${keys.join(', ')}, n) ${sql}`);
        for (const [table, keys] of Object.entries(LEVEL_TABLES)) {
          const columns = ['region_code', ...keys, 'n'].join(', ');
          await count(table, `INSERT INTO ${table} (${columns}, pending) SELECT ${columns}, false FROM ${table}_expected`);
        }
        // The map's cells (migration 0031) are summaries of the houses too.
        counted.map_cells = await rebuildMapCells(trx);
        say(`map_cells: ${counted.map_cells} rows`);
        // So are the open-case figures each house row carries for the map's close-up tiles (migration 0033).
        const repaired = await rebuildOpenCases(trx);
        say(`buildings.open_cases: ${repaired} houses corrected`);
        return counted;
      });
      return { rows, ms: Date.now() - started };
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= 3) throw error;
      say(`deadlock with a writer, trying again (${attempt})…`);
    }
  }
}

export interface StatisticsDifference {
  table: string;
  /** The summary row's key columns (dates as YYYY-MM-DD). */
  key: Record<string, unknown>;
  /** What the raw rows count; null when they count nothing there. */
  expected: number | null;
  /** What the summary holds; null when it has no row there. */
  actual: number | null;
}

/**
 * Every summary row that differs from a recount of the raw rows (an empty list: the summaries are
 * right), including rows a recount would not make (a count left at zero, a negative count). Reads in one
 * REPEATABLE READ transaction, so the summaries and the raw rows are seen at the same moment.
 */
export async function statisticsDifferences(db: Db): Promise<StatisticsDifference[]> {
  return db.transaction(
    async (trx) => {
      const differences: StatisticsDifference[] = [];
      for (const { table, expected, actual } of COMPARED) {
        const result = await trx.raw(`
          WITH expected AS (SELECT to_jsonb(r) - 'n' AS key, n FROM (${expected}) r),
               actual AS (SELECT to_jsonb(s) - 'n' AS key, n FROM (${actual}) s)
          SELECT coalesce(e.key, a.key) AS key, e.n AS expected, a.n AS actual
          FROM expected e FULL JOIN actual a ON a.key = e.key
          WHERE e.n IS DISTINCT FROM a.n
          ORDER BY 1`);
        for (const row of result.rows as { key: Record<string, unknown>; expected: number | null; actual: number | null }[]) {
          differences.push({ table, ...row });
        }
      }
      return differences;
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

/** A summary table's rows (a level table's sums) in key order, as text: what a test compares before and after a rebuild. */
export async function statisticsSnapshot(db: Db): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const { table, keys, actual } of COMPARED) {
    const result = await db.raw(`SELECT s::text AS line FROM (${actual}) s ORDER BY ${keys.join(', ')}`);
    snapshot[table] = (result.rows as { line: string }[]).map((r) => r.line);
  }
  return snapshot;
}
