import type { Knex } from 'knex';

/**
 * Each house carries its open cases' count and the earliest deadline among them (`open_cases`,
 * `open_case_due_at`), kept by a trigger of `cases`, and the Mercator index (0032) includes both. A
 * close-up map tile (zoom 16 and on, some 1,500 houses) showed each house's open cases and whether one is
 * overdue by probing `cases` once per house: half of the tile's query (bench:map, 1.7 of 3.4 ms on the
 * densest tile). Now it is one index-only scan. A house's row is already locked by every case step that
 * touches it (the risk tier is recomputed in the same transaction), so the trigger adds no new wait.
 * Rebuilt from the cases by `npm run stats:rebuild` (`map_rebuild_open_cases()`), like the map's cells.
 */
const OPEN = `status NOT IN ('closed', 'cancelled')`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE buildings
      ADD COLUMN open_cases integer NOT NULL DEFAULT 0,
      ADD COLUMN open_case_due_at timestamptz;

    -- The open cases of these houses counted again from \`cases\`; a house whose figures did not change is not written.
    CREATE FUNCTION map_sync_open_cases(codes text[]) RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      written integer;
    BEGIN
      UPDATE buildings b SET open_cases = x.n, open_case_due_at = x.due
        FROM (SELECT k.code, count(c.id)::int AS n, min(c.due_at) AS due
                FROM (SELECT DISTINCT unnest(codes) AS code) AS k
                LEFT JOIN cases c ON c.building_code = k.code AND c.${OPEN}
               GROUP BY k.code) AS x
       WHERE b.code = x.code AND (b.open_cases, b.open_case_due_at) IS DISTINCT FROM (x.n, x.due);
      GET DIAGNOSTICS written = ROW_COUNT;
      RETURN written;
    END $$;

    CREATE FUNCTION cases_to_open_cases() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM map_sync_open_cases(ARRAY[NEW.building_code::text]);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM map_sync_open_cases(ARRAY[OLD.building_code::text]);
      ELSE
        PERFORM map_sync_open_cases(ARRAY[OLD.building_code::text, NEW.building_code::text]);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER cases_to_open_cases AFTER INSERT OR DELETE ON cases
      FOR EACH ROW EXECUTE FUNCTION cases_to_open_cases();
    CREATE TRIGGER cases_to_open_cases_update AFTER UPDATE OF status, due_at, building_code ON cases
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at
                         OR OLD.building_code IS DISTINCT FROM NEW.building_code)
      EXECUTE FUNCTION cases_to_open_cases();

    -- Every house's figures from the cases (after a load with the triggers off, or to repair); returns the houses written.
    CREATE FUNCTION map_rebuild_open_cases() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      written integer;
    BEGIN
      UPDATE buildings b SET open_cases = coalesce(x.n, 0), open_case_due_at = x.due
        FROM buildings b2
        LEFT JOIN (SELECT building_code, count(*)::int AS n, min(due_at) AS due FROM cases WHERE ${OPEN} GROUP BY 1) AS x
          ON x.building_code = b2.code
       WHERE b.code = b2.code AND (b.open_cases, b.open_case_due_at) IS DISTINCT FROM (coalesce(x.n, 0), x.due);
      GET DIAGNOSTICS written = ROW_COUNT;
      RETURN written;
    END $$;
    SELECT map_rebuild_open_cases();

    CREATE INDEX buildings_merc_open_idx ON buildings (merc_x, merc_y)
      INCLUDE (code, village_code, risk_tier, floors_above, latest_judgement_at, open_cases, open_case_due_at) WHERE merc_x IS NOT NULL;
    DROP INDEX buildings_merc_cover_idx;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX buildings_merc_cover_idx ON buildings (merc_x, merc_y)
      INCLUDE (code, village_code, risk_tier, floors_above, latest_judgement_at) WHERE merc_x IS NOT NULL;
    DROP INDEX buildings_merc_open_idx;
    DROP TRIGGER cases_to_open_cases ON cases;
    DROP TRIGGER cases_to_open_cases_update ON cases;
    DROP FUNCTION cases_to_open_cases();
    DROP FUNCTION map_sync_open_cases(text[]);
    DROP FUNCTION map_rebuild_open_cases();
    ALTER TABLE buildings DROP COLUMN open_cases, DROP COLUMN open_case_due_at;
  `);
}
