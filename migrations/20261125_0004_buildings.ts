import type { Knex } from 'knex';

// The enumerations as of this migration (a later change of domain/buildings/enums.ts needs a new one).
const ALTERATION = ['none', 'added_floors', 'extension', 'load_bearing_change'];
const APPRAISAL_GRADE = ['A', 'B', 'C', 'D'];
const BUILDING_USE = ['own_home', 'rental', 'business', 'mixed', 'other'];
const BUSINESS_CATEGORY = [
  'catering',
  'lodging',
  'education',
  'elderly_care',
  'medical',
  'retail',
  'entertainment',
  'production',
  'warehousing',
  'other',
];
const FOUNDATION_TYPE = ['strip', 'isolated', 'raft', 'pile', 'rubble', 'unknown', 'other'];
const JUDGEMENT = ['serious', 'some', 'none'];
const RECTIFICATION_STATUS = ['not_needed', 'pending', 'in_progress', 'done'];
const STRUCTURE_TYPE = ['timber', 'brick_timber', 'brick_concrete', 'reinforced_concrete', 'steel', 'earth_stone', 'other'];

const inList = (column: string, values: readonly string[]) => `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * The building registry: one row per self-built house, keyed by its 18-character code; per-village
 * sequences that are never reused; and the history of every change.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.schema.createTable('building_sequences', (t) => {
    t.string('village_code', 12).primary({ constraintName: 'building_sequences_pkey' });
    t.foreign('village_code', 'building_sequences_village_fk').references('regions.code');
    t.integer('last_seq').notNullable();
    t.check('last_seq BETWEEN 0 AND 99999', [], 'building_sequences_range_check');
  });

  await knex.schema.createTable('buildings', (t) => {
    t.string('code', 18).primary({ constraintName: 'buildings_pkey' });
    t.string('village_code', 12).notNullable();
    t.foreign('village_code', 'buildings_village_fk').references('regions.code');
    t.integer('seq').notNullable();
    t.unique(['village_code', 'seq'], { indexName: 'buildings_village_seq_key' });
    t.text('external_id').nullable().unique({ indexName: 'buildings_external_id_key' });
    t.text('address').notNullable();
    t.double('longitude').nullable();
    t.double('latitude').nullable();
    t.text('owner_name').nullable();
    t.text('owner_phone').nullable();
    t.smallint('floors_above').notNullable();
    t.smallint('floors_below').notNullable().defaultTo(0);
    t.decimal('floor_area', 10, 2).nullable();
    t.smallint('year_built').nullable();
    t.text('structure_type').notNullable();
    t.text('foundation_type').nullable();
    t.boolean('professionally_designed').nullable();
    t.boolean('qualified_builder').nullable();
    t.text('alteration').notNullable().defaultTo('none');
    t.smallint('alteration_year').nullable();
    t.jsonb('approvals').notNullable().defaultTo('[]');
    t.text('use').notNullable();
    t.text('business_category').nullable();
    t.integer('occupants').nullable();
    t.text('latest_judgement').nullable();
    t.date('latest_judgement_at').nullable();
    t.text('rectification_status').notNullable().defaultTo('not_needed');
    t.text('rectification_measures').nullable();
    t.text('appraisal_grade').nullable();
    t.date('appraisal_date').nullable();
    t.text('appraisal_report').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamps(true, true);
    t.check(inList('structure_type', STRUCTURE_TYPE), [], 'buildings_structure_check');
    t.check(`foundation_type IS NULL OR ${inList('foundation_type', FOUNDATION_TYPE)}`, [], 'buildings_foundation_check');
    t.check(inList('alteration', ALTERATION), [], 'buildings_alteration_check');
    t.check(inList('use', BUILDING_USE), [], 'buildings_use_check');
    t.check(`business_category IS NULL OR ${inList('business_category', BUSINESS_CATEGORY)}`, [], 'buildings_business_check');
    t.check(`latest_judgement IS NULL OR ${inList('latest_judgement', JUDGEMENT)}`, [], 'buildings_judgement_check');
    t.check(`appraisal_grade IS NULL OR ${inList('appraisal_grade', APPRAISAL_GRADE)}`, [], 'buildings_grade_check');
    t.check(inList('rectification_status', RECTIFICATION_STATUS), [], 'buildings_rectification_check');
    t.check('floors_above BETWEEN 1 AND 60 AND floors_below BETWEEN 0 AND 10', [], 'buildings_floors_check');
    t.check('longitude IS NULL OR (longitude BETWEEN -180 AND 180 AND latitude BETWEEN -90 AND 90)', [], 'buildings_coordinates_check');
    t.index(['use'], 'buildings_use_idx');
    t.index(['business_category'], 'buildings_business_idx');
    t.index(['structure_type'], 'buildings_structure_idx');
    t.index(['latest_judgement'], 'buildings_judgement_idx');
    t.index(['appraisal_grade'], 'buildings_grade_idx');
    t.index(['floors_above'], 'buildings_floors_idx');
    t.index(['year_built'], 'buildings_year_idx');
    t.index(['updated_at'], 'buildings_updated_idx');
  });
  await knex.raw('CREATE INDEX buildings_village_prefix_idx ON buildings (village_code text_pattern_ops, code)');
  await knex.raw('CREATE INDEX buildings_address_trgm_idx ON buildings USING gin (address gin_trgm_ops)');
  await knex.raw('CREATE INDEX buildings_owner_trgm_idx ON buildings USING gin (owner_name gin_trgm_ops)');

  await knex.schema.createTable('building_changes', (t) => {
    t.bigIncrements('id', { primaryKey: false });
    t.primary(['id'], { constraintName: 'building_changes_pkey' });
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'building_changes_building_fk').references('buildings.code');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('actor_id').nullable();
    t.text('actor_name').nullable();
    t.text('source').notNullable();
    t.jsonb('changes').notNullable();
    t.index(['building_code', 'at'], 'building_changes_building_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('building_changes');
  await knex.schema.dropTable('buildings');
  await knex.schema.dropTable('building_sequences');
}
