import type { Knex } from 'knex';

/**
 * The cockpit's level tables (issue 17 §6): narrow counts with one row per region at every level from the
 * district down (district, town, village: codes of 6, 9 and 12 digits), so a district's figures are a few
 * hundred rows rather than every village's rows of the wide summary tables (migration 0022), whose keys
 * hold every dimension and barely summarise (stats_cases has nearly a row per case).
 *
 * Each level table is a projection of one wide summary table (`stats_level_<x>_rows(s)`: the rows one
 * wide row contributes, at each level), kept by a trigger on the wide table: every change of a wide row
 * adds its difference, so every path that writes the wide tables (the raw tables' triggers, a direct
 * write) keeps the levels too, and what a level row counts is written once.
 *
 * A level row is a delta: the triggers only INSERT (never update a shared row), so two transactions
 * stepping cases of the same district never wait for one another on the district's row, nor deadlock
 * moving cases in opposite directions. A read sums the rows of a key, and names the level it reads
 * (`length(region_code) = 9 AND region_code LIKE '441802%'`: the district's towns), which leads the
 * index; the index holds `n` too, so a read touches index pages only (a key's rows are appended far
 * apart in the heap). `stats_compact_levels()` (run every minute by a schedule, workers/schedules.ts)
 * folds the deltas written since into one row per key.
 *
 * `npm run stats:rebuild` sets `ydym.stats_rebuild` for its transaction: the triggers then skip, and it
 * fills the level tables from the rebuilt wide tables (`stats_level_<x>_expected`), compacted.
 */

interface Level {
  table: string;
  source: string;
  /** The key columns with their types, after region_code. */
  keys: [string, string][];
  /** The rows one wide row `s` contributes: region_code (a level of `l`), the keys, then n. */
  rows: string;
}

const LEVELS: Level[] = [
  {
    table: 'stats_level_houses',
    source: 'stats_houses',
    keys: [
      ['dim', 'text'],
      ['value', 'text'],
    ],
    rows: `SELECT l, d.dim, d.value, s.n FROM unnest(stats_levels(s.village_code)) l,
             (VALUES ('use', s.use), ('business_category', s.business_category), ('floors_band', s.floors_band),
                     ('structure_type', s.structure_type), ('year_band', s.year_band), ('appraisal_grade', s.appraisal_grade),
                     ('latest_judgement', s.latest_judgement), ('risk_tier', s.risk_tier)) d(dim, value)`,
  },
  {
    table: 'stats_level_inspected',
    source: 'stats_house_inspected',
    keys: [['inspected_on', 'date']],
    rows: `SELECT l, s.inspected_on, s.n FROM unnest(stats_levels(s.village_code)) l`,
  },
  {
    table: 'stats_level_cases',
    source: 'stats_cases',
    keys: [
      ['status', 'text'],
      ['category', 'text'],
      ['severity', 'text'],
      ['found_month', 'date'],
    ],
    rows: `SELECT l, s.status, s.category, s.severity, s.found_month, s.n FROM unnest(stats_levels(s.region_code)) l`,
  },
  {
    table: 'stats_level_due',
    source: 'stats_cases',
    keys: [
      ['status', 'text'],
      ['due_on', 'date'],
    ],
    rows: `SELECT l, s.status, s.due_on, s.n FROM unnest(stats_levels(s.region_code)) l WHERE s.due_on IS NOT NULL`,
  },
  {
    table: 'stats_level_daily',
    source: 'stats_daily',
    keys: [
      ['metric', 'text'],
      ['day', 'date'],
    ],
    rows: `SELECT l, s.metric, s.day, s.n FROM unnest(stats_levels(s.region_code)) l`,
  },
  {
    table: 'stats_level_steps',
    source: 'stats_step_days',
    keys: [
      ['completed_month', 'date'],
      ['step', 'text'],
      ['days', 'integer'],
      ['late', 'boolean'],
    ],
    rows: `SELECT l, s.completed_month, s.step, s.days, s.late, s.n FROM unnest(stats_levels(s.region_code)) l`,
  },
];

const SOURCES = [...new Set(LEVELS.map((l) => l.source))];

export async function up(knex: Knex): Promise<void> {
  // knex.raw reads a bare ? as a binding: none is used below.
  await knex.raw(`
    -- The levels a code counts at: its district, town and village (as far as it goes).
    CREATE FUNCTION stats_levels(code text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN length(code) >= 12 THEN ARRAY[left(code, 6), left(code, 9), left(code, 12)]
                  WHEN length(code) >= 9 THEN ARRAY[left(code, 6), left(code, 9)]
                  ELSE ARRAY[code] END
    $$;
  `);
  for (const level of LEVELS) {
    const keys = level.keys.map(([k]) => k);
    const all = ['region_code', ...keys];
    await knex.raw(`
      CREATE TABLE ${level.table} (
        region_code varchar(12) COLLATE "C" NOT NULL,
        ${level.keys.map(([k, type]) => `${k} ${type} NOT NULL`).join(',\n        ')},
        n integer NOT NULL,
        pending boolean NOT NULL DEFAULT true
      );
      CREATE INDEX ${level.table}_key_idx ON ${level.table} (length(region_code), ${all.join(', ')}) INCLUDE (n);
      CREATE INDEX ${level.table}_pending_idx ON ${level.table} (${all.join(', ')}) WHERE pending;

      CREATE FUNCTION ${level.table}_rows(s ${level.source})
        RETURNS TABLE (region_code text, ${level.keys.map(([k, type]) => `${k} ${type}`).join(', ')}, n integer)
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ ${level.rows} $$;

      CREATE VIEW ${level.table}_expected AS
        SELECT r.region_code, ${keys.map((k) => `r.${k}`).join(', ')}, sum(r.n)::integer AS n
        FROM ${level.source} s, ${level.table}_rows(s) r
        GROUP BY ${all.map((_, i) => i + 1).join(', ')} HAVING sum(r.n) <> 0;
    `);
  }
  for (const source of SOURCES) {
    const inserts = LEVELS.filter((l) => l.source === source).map((level) => {
      const all = ['region_code', ...level.keys.map(([k]) => k)];
      return `
      INSERT INTO ${level.table} (${all.join(', ')}, n)
      SELECT ${all.map((k) => `r.${k}`).join(', ')}, sum(r.n)::integer
      FROM unnest(ARRAY[o, nw]) s, ${level.table}_rows(s) r
      WHERE s.n IS NOT NULL
      GROUP BY ${all.map((_, i) => i + 1).join(', ')} HAVING sum(r.n) <> 0;`;
    });
    await knex.raw(`
      CREATE FUNCTION ${source}_to_levels() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        o ${source};
        nw ${source};
      BEGIN
        IF current_setting('ydym.stats_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP <> 'INSERT' THEN o := OLD; o.n := -OLD.n; END IF;
        IF TG_OP <> 'DELETE' THEN nw := NEW; END IF;
        ${inserts.join('\n')}
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${source}_to_levels AFTER INSERT OR UPDATE OR DELETE ON ${source}
        FOR EACH ROW EXECUTE FUNCTION ${source}_to_levels();
    `);
  }
  // Folding deltas: for each key written since the last run, its rows become one (none when they sum to 0).
  // Rows written while it runs stay pending for the next run; one run at a time.
  const folds = LEVELS.map((level) => {
    const all = ['region_code', ...level.keys.map(([k]) => k)];
    return `
      WITH keys AS (SELECT DISTINCT ${all.join(', ')} FROM ${level.table} WHERE pending),
           gone AS (DELETE FROM ${level.table} t USING keys k WHERE ${all.map((c) => `t.${c} = k.${c}`).join(' AND ')}
                    RETURNING t.*)
      INSERT INTO ${level.table} (${all.join(', ')}, n, pending)
      SELECT ${all.join(', ')}, sum(n)::integer, false FROM gone GROUP BY ${all.map((_, i) => i + 1).join(', ')}
      HAVING sum(n) <> 0;
      GET DIAGNOSTICS written = ROW_COUNT;
      folded := folded + written;`;
  });
  await knex.raw(`
    CREATE FUNCTION stats_compact_levels() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      folded integer := 0;
      written integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('stats_compact_levels'));
      ${folds.join('\n')}
      RETURN folded;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION stats_compact_levels()');
  for (const source of SOURCES) {
    await knex.raw(`DROP TRIGGER ${source}_to_levels ON ${source}; DROP FUNCTION ${source}_to_levels()`);
  }
  for (const level of LEVELS) {
    await knex.raw(`DROP VIEW ${level.table}_expected; DROP FUNCTION ${level.table}_rows(${level.source}); DROP TABLE ${level.table}`);
  }
  await knex.raw('DROP FUNCTION stats_levels(text)');
}
