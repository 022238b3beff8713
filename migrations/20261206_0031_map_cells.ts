import type { Knex } from 'knex';

/**
 * The houses counted per grid cell, for the map's far zooms (issue 18 §3): a district tile at zoom 10
 * covers 100,000 houses, too many to group per request. `map_cells` holds, per cell of two sizes
 * (level 11: cells of 2^11 Mercator units, about 70 m, serving zooms 13–15; level 14: about 560 m,
 * serving zooms up to 12) and per village, the houses of each risk tier with the sums of their positions,
 * so a tile's clusters (counts per tier, centres) are sums over a few thousand rows, the same as the
 * grouping of the houses themselves would give.
 *
 * Kept as the statistics' level tables are (migration 0027): a row trigger on `buildings` appends a
 * delta (+1 for the house where it is now, −1 where it was) and `map_compact_cells()`, run by the
 * statistics compaction schedule, folds them into one row per key; readers sum, so deltas not yet
 * folded count the same. No writer waits on another's row.
 */
export const MAP_CELL_LEVELS = [11, 14];
const TIERS = ['red', 'orange', 'yellow', 'green'];
const SUMS = TIERS.flatMap((t) => [`n_${t}`, `sx_${t}`, `sy_${t}`]);

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE map_cells (
      level smallint NOT NULL,
      cx integer NOT NULL,
      cy integer NOT NULL,
      village_code varchar(12) COLLATE "C" NOT NULL,
      ${TIERS.map((t) => `n_${t} integer NOT NULL DEFAULT 0, sx_${t} bigint NOT NULL DEFAULT 0, sy_${t} bigint NOT NULL DEFAULT 0`).join(',\n      ')},
      pending boolean NOT NULL DEFAULT true,
      CONSTRAINT map_cells_level_check CHECK (level IN (${MAP_CELL_LEVELS.join(', ')}))
    );
    CREATE INDEX map_cells_key_idx ON map_cells (level, cx, cy, village_code);
    CREATE INDEX map_cells_pending_idx ON map_cells (level, cx, cy, village_code) WHERE pending;

    -- One house's delta rows at every level: sign +1 where it is, −1 where it was.
    CREATE FUNCTION map_cell_rows(sign integer, mx integer, my integer, village varchar, tier text)
      RETURNS TABLE (level smallint, cx integer, cy integer, village_code varchar, ${SUMS.map((c) => `${c} bigint`).join(', ')})
      LANGUAGE sql IMMUTABLE AS $$
      SELECT l::smallint, mx >> l, my >> l, village,
        ${TIERS.map((t) => `CASE WHEN tier = '${t}' THEN sign ELSE 0 END, CASE WHEN tier = '${t}' THEN sign * mx::bigint ELSE 0 END, CASE WHEN tier = '${t}' THEN sign * my::bigint ELSE 0 END`).join(',\n        ')}
      FROM unnest(ARRAY[${MAP_CELL_LEVELS.join(', ')}]) AS l
      WHERE mx IS NOT NULL AND my IS NOT NULL
    $$;

    CREATE FUNCTION buildings_to_map_cells() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO map_cells (level, cx, cy, village_code, ${SUMS.join(', ')})
          SELECT * FROM map_cell_rows(-1, OLD.merc_x, OLD.merc_y, OLD.village_code, OLD.risk_tier);
      END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO map_cells (level, cx, cy, village_code, ${SUMS.join(', ')})
          SELECT * FROM map_cell_rows(1, NEW.merc_x, NEW.merc_y, NEW.village_code, NEW.risk_tier);
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER buildings_to_map_cells AFTER INSERT OR DELETE ON buildings
      FOR EACH ROW EXECUTE FUNCTION buildings_to_map_cells();
    CREATE TRIGGER buildings_to_map_cells_update AFTER UPDATE OF longitude, latitude, village_code, risk_tier ON buildings
      FOR EACH ROW WHEN (OLD.merc_x IS DISTINCT FROM NEW.merc_x OR OLD.merc_y IS DISTINCT FROM NEW.merc_y
                         OR OLD.village_code IS DISTINCT FROM NEW.village_code OR OLD.risk_tier IS DISTINCT FROM NEW.risk_tier)
      EXECUTE FUNCTION buildings_to_map_cells();

    -- Folds the deltas into one row per key (under a lock: one fold at a time; rows written meanwhile wait for the next).
    CREATE FUNCTION map_compact_cells() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      written integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('map_compact_cells'));
      WITH keys AS (SELECT DISTINCT level, cx, cy, village_code FROM map_cells WHERE pending),
           gone AS (DELETE FROM map_cells m USING keys k
                    WHERE m.level = k.level AND m.cx = k.cx AND m.cy = k.cy AND m.village_code = k.village_code
                    RETURNING m.*)
      INSERT INTO map_cells (level, cx, cy, village_code, ${SUMS.join(', ')}, pending)
      SELECT level, cx, cy, village_code, ${SUMS.map((c) => `sum(${c})`).join(', ')}, false
      FROM gone GROUP BY 1, 2, 3, 4
      HAVING ${TIERS.map((t) => `sum(n_${t}) <> 0`).join(' OR ')};
      GET DIAGNOSTICS written = ROW_COUNT;
      RETURN written;
    END $$;

    -- Writes the cells again from the houses (npm run stats:rebuild; after a bulk load with triggers off).
    CREATE FUNCTION map_rebuild_cells() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      written integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('map_compact_cells'));
      DELETE FROM map_cells;
      INSERT INTO map_cells (level, cx, cy, village_code, ${SUMS.join(', ')}, pending)
      SELECT r.level, r.cx, r.cy, r.village_code, ${SUMS.map((c) => `sum(r.${c})`).join(', ')}, false
      FROM buildings b, map_cell_rows(1, b.merc_x, b.merc_y, b.village_code, b.risk_tier) r
      GROUP BY 1, 2, 3, 4;
      GET DIAGNOSTICS written = ROW_COUNT;
      RETURN written;
    END $$;
    SELECT map_rebuild_cells();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER buildings_to_map_cells_update ON buildings;
    DROP TRIGGER buildings_to_map_cells ON buildings;
    DROP FUNCTION map_rebuild_cells();
    DROP FUNCTION map_compact_cells();
    DROP FUNCTION buildings_to_map_cells();
    DROP FUNCTION map_cell_rows(integer, integer, integer, varchar, text);
    DROP TABLE map_cells;
  `);
}
