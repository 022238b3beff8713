import type { Knex } from 'knex';

const GRADES = `'A', 'B', 'C', 'D'`;
const CHECKS = `'listed', 'unlisted', 'qualification_mismatch'`;

/**
 * The complete house file (issue 20 §1).
 *
 * `building_files`: scans kept with the house file (an approval's scanned certificate, an appraisal
 * report), stored like the inspections' photos (row first with storage key `pending`, then the bytes,
 * then the key). An approval in `buildings.approvals` names its scan by id (jsonb, so no foreign key;
 * the service checks the id belongs to the house).
 *
 * `building_appraisals`: the appraisal history (鉴定记录). The house's `appraisal_grade`/`appraisal_date`
 * stay those of its latest appraisal, written in the same transaction. `agency_check` is the result of
 * checking the agency against the district's list of qualified agencies (definitions/appraisal-agencies)
 * in force when the report was recorded, and `agencies_version` that list's version: a report is judged
 * against the list of its day, and a later list does not silently rewrite what was flagged then.
 * `region_code` is the house's village (copied: a house never changes village), so the district's list
 * of appraisals is filtered by area without a join.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('building_files', (t) => {
    t.uuid('id').primary({ constraintName: 'building_files_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'building_files_building_fk').references('buildings.code');
    t.text('purpose').notNullable();
    t.text('name').notNullable();
    t.text('mime').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('storage_key').notNullable();
    t.uuid('uploaded_by').notNullable();
    t.foreign('uploaded_by', 'building_files_uploaded_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`purpose IN ('approval', 'appraisal')`, [], 'building_files_purpose_check');
    t.index(['building_code'], 'building_files_building_idx');
  });

  await knex.schema.createTable('building_appraisals', (t) => {
    t.uuid('id').primary({ constraintName: 'building_appraisals_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'building_appraisals_building_fk').references('buildings.code');
    t.string('region_code', 12).notNullable();
    t.text('agency_name').notNullable();
    t.text('agency_qualification_no').notNullable();
    t.text('report_no').notNullable();
    t.date('appraised_on').notNullable();
    t.text('grade').notNullable();
    t.text('scope').nullable();
    t.uuid('report_file_id').nullable();
    t.foreign('report_file_id', 'building_appraisals_report_file_fk').references('building_files.id');
    t.date('next_due_on').nullable();
    t.text('agency_check').notNullable();
    t.integer('agencies_version').notNullable();
    t.uuid('recorded_by').notNullable();
    t.foreign('recorded_by', 'building_appraisals_recorded_by_fk').references('users.id');
    t.text('recorded_by_name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`grade IN (${GRADES})`, [], 'building_appraisals_grade_check');
    t.check(`agency_check IN (${CHECKS})`, [], 'building_appraisals_agency_check_check');
    t.check('next_due_on IS NULL OR next_due_on > appraised_on', [], 'building_appraisals_next_due_check');
    // One report is recorded once (a second POST of the same report is a conflict, not a second row).
    t.unique(['agency_qualification_no', 'report_no'], { indexName: 'building_appraisals_report_key' });
    t.index(['building_code', 'appraised_on'], 'building_appraisals_building_idx');
  });
  await knex.raw('CREATE INDEX building_appraisals_region_idx ON building_appraisals (region_code text_pattern_ops, appraised_on DESC)');
  await knex.raw(
    `CREATE INDEX building_appraisals_flagged_idx ON building_appraisals (region_code text_pattern_ops, appraised_on DESC) WHERE agency_check <> 'listed'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('building_appraisals');
  await knex.schema.dropTable('building_files');
}
