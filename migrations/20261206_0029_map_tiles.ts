import type { Knex } from 'knex';

/**
 * The map's tiles (issue 18) are cut from the houses by plain SQL, without PostGIS (the embedded
 * PostgreSQL of `npm start` has none): each house carries its Web Mercator position as two integers on a
 * world 2^30 units wide (`merc_x`, `merc_y`, generated from the stored WGS-84 coordinates, so they never
 * disagree). A tile at zoom z is the range of 2^(30-z) units; a cluster is a 2^(26-z)-unit cell (256 of a
 * tile's 4096 pixels), so cells never straddle tiles and the counts of a zoom's tiles add up exactly.
 *
 * Every statement that changes what a tile shows (houses, cases, complaints, campaign items, inspections)
 * notifies `map_version` (one notification per transaction: PostgreSQL folds equal ones) and bumps the
 * `map_version` sequence: the API caches tiles under the count of notifications it has heard
 * (domain/map/version-watch.ts), or under the sequence while it is not listening, so a change is seen by
 * the next request. A sequence rather than a counter row: no row lock for writers to queue on.
 */
const WATCHED = ['buildings', 'cases', 'complaints', 'campaign_items', 'inspections'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION map_merc_x(longitude double precision) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN floor((longitude + 180) / 360 * 1073741824)::integer;
    CREATE FUNCTION map_merc_y(latitude double precision) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN floor((1 - ln(tan(radians(greatest(-85.0511, least(85.0511, latitude))))
                         + 1 / cos(radians(greatest(-85.0511, least(85.0511, latitude))))) / pi()) / 2 * 1073741824)::integer;
    ALTER TABLE buildings
      ADD COLUMN merc_x integer GENERATED ALWAYS AS (map_merc_x(longitude)) STORED,
      ADD COLUMN merc_y integer GENERATED ALWAYS AS (map_merc_y(latitude)) STORED;
    CREATE INDEX buildings_merc_idx ON buildings (merc_x, merc_y) WHERE merc_x IS NOT NULL;
    CREATE SEQUENCE map_version;
    CREATE FUNCTION map_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('map_version');
      PERFORM pg_notify('map_version', '');
      RETURN NULL;
    END $$;
  `);
  for (const table of WATCHED) {
    await knex.raw(
      `CREATE TRIGGER ${table}_map_version AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION map_version_bump()`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of WATCHED) await knex.raw(`DROP TRIGGER ${table}_map_version ON ${table}`);
  await knex.raw(`
    DROP FUNCTION map_version_bump();
    DROP SEQUENCE map_version;
    DROP INDEX buildings_merc_idx;
    ALTER TABLE buildings DROP COLUMN merc_x, DROP COLUMN merc_y;
    DROP FUNCTION map_merc_y(double precision);
    DROP FUNCTION map_merc_x(double precision);
  `);
}
