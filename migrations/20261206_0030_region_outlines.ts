import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;

/**
 * Town and village outlines for the map (issue 18 §2). With no official boundary data offline, an
 * outline is a concave hull drawn around the region's houses (`source` 'hull', approximate), kept with
 * the fingerprint of the points it was drawn from so that a moved or added house makes it stale;
 * a boundary an operator imports (`npm run import:boundaries`, `source` 'import') replaces it and is
 * never recomputed. The geometry is a GeoJSON Polygon or MultiPolygon in WGS-84.
 *
 * The index on the houses' village and position lets the fingerprint query (count and sums of the
 * coordinates per village, domain/map/database-outlines-store.ts) read the index alone, in village order.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('region_outlines', (t) => {
    t.string('code', 12).primary({ constraintName: 'region_outlines_pkey' });
    t.foreign('code', 'region_outlines_region_fk').references('regions.code');
    t.text('level').notNullable();
    t.jsonb('geometry').notNullable();
    t.boolean('approximate').notNullable();
    t.text('source').notNullable();
    /** How many house positions the hull was drawn around (0 for an imported boundary). */
    t.integer('house_count').notNullable();
    /** Of the points (hull) or of the geometry (import); see domain/map/region-outlines.ts. */
    t.text('fingerprint').notNullable();
    t.timestamp('computed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`(level = 'town' AND length(code) = 9) OR (level = 'village' AND length(code) = 12)`, [], 'region_outlines_level_check');
    t.check(`source IN ('hull', 'import')`, [], 'region_outlines_source_check');
    t.check(`source = 'hull' OR NOT approximate`, [], 'region_outlines_import_exact_check');
    t.check(`jsonb_typeof(geometry) = 'object' AND geometry->>'type' IN ('Polygon', 'MultiPolygon')`, [], 'region_outlines_geometry_check');
    t.check('house_count >= 0', [], 'region_outlines_house_count_check');
  });
  await knex.raw('CREATE INDEX region_outlines_code_prefix_idx ON region_outlines (code text_pattern_ops)');
  await knex.raw('CREATE INDEX buildings_village_position_idx ON buildings (village_code text_pattern_ops) INCLUDE (longitude, latitude)');
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON region_outlines TO ${APP}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX buildings_village_position_idx');
  await knex.schema.dropTable('region_outlines');
}
