import type { Knex } from 'knex';

/**
 * Inspections (排查): what an inspector found at a house, with the phone's position as proof of
 * presence. The id is made on the phone when the form opens, so a form sent twice (a retry on a weak
 * network, or a queued form sent again) is recorded once. Each hazard found opens a case or joins
 * the open case of the same house and category (`inspection_cases`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inspections', (t) => {
    t.uuid('id').primary({ constraintName: 'inspections_pkey' });
    t.text('kind').notNullable().defaultTo('daily');
    t.uuid('campaign_id').nullable();
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'inspections_building_fk').references('buildings.code');
    // The village of the house: the scope column.
    t.string('region_code', 12).notNullable();
    t.uuid('inspector_id').notNullable();
    t.foreign('inspector_id', 'inspections_inspector_fk').references('users.id');
    t.text('inspector_name').notNullable();
    t.text('judgement').notNullable();
    t.jsonb('hazards').notNullable().defaultTo('[]');
    t.text('notes').nullable();
    t.double('latitude').nullable();
    t.double('longitude').nullable();
    t.double('accuracy_m').nullable();
    t.integer('distance_m').nullable();
    t.text('presence').notNullable();
    t.timestamp('inspected_at', { useTz: true }).notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`kind IN ('daily', 'special')`, [], 'inspections_kind_check');
    t.check(`judgement IN ('serious', 'some', 'none')`, [], 'inspections_judgement_check');
    t.check(`presence IN ('near', 'far', 'missing', 'unverifiable')`, [], 'inspections_presence_check');
    t.check('longitude IS NULL OR (longitude BETWEEN -180 AND 180 AND latitude BETWEEN -90 AND 90)', [], 'inspections_coordinates_check');
    t.index(['building_code', 'inspected_at'], 'inspections_building_idx');
    t.index(['inspector_id', 'inspected_at'], 'inspections_inspector_idx');
  });
  await knex.raw('CREATE INDEX inspections_region_prefix_idx ON inspections (region_code text_pattern_ops, inspected_at)');
  // The town officer's question: which inspections were sent from away from the house, or from nowhere?
  await knex.raw(
    `CREATE INDEX inspections_flagged_idx ON inspections (region_code text_pattern_ops, inspected_at) WHERE presence IN ('far', 'missing')`,
  );

  await knex.schema.createTable('inspection_files', (t) => {
    t.uuid('id').primary({ constraintName: 'inspection_files_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'inspection_files_building_fk').references('buildings.code');
    // Null until the inspection that names the photo is recorded.
    t.uuid('inspection_id').nullable();
    t.foreign('inspection_id', 'inspection_files_inspection_fk').references('inspections.id');
    t.text('name').notNullable();
    t.text('mime').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('storage_key').notNullable();
    t.uuid('uploaded_by').notNullable();
    t.foreign('uploaded_by', 'inspection_files_uploaded_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['inspection_id'], 'inspection_files_inspection_idx');
  });

  await knex.schema.createTable('inspection_cases', (t) => {
    t.uuid('inspection_id').notNullable();
    t.foreign('inspection_id', 'inspection_cases_inspection_fk').references('inspections.id');
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'inspection_cases_case_fk').references('cases.id');
    t.text('category').notNullable();
    // True when the case was already open and this inspection joined it.
    t.boolean('joined').notNullable();
    t.primary(['inspection_id', 'category'], { constraintName: 'inspection_cases_pkey' });
    t.index(['case_id'], 'inspection_cases_case_idx');
  });
  // Finding the open case of a house and category, to join it instead of opening a second.
  await knex.raw(`CREATE INDEX cases_open_by_building_idx ON cases (building_code, category) WHERE status NOT IN ('closed', 'cancelled')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS cases_open_by_building_idx');
  await knex.schema.dropTable('inspection_cases');
  await knex.schema.dropTable('inspection_files');
  await knex.schema.dropTable('inspections');
}
