import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;

/**
 * Upward reports (数据上报): each export of a region's houses in the national five-group layout, full
 * or as the changes since the region's previous report, with its files (name, size, SHA-256) and counts.
 * `data_report_rows` is the snapshot of a finished report: each house's exported cells, from which the
 * next change report says what was added, which fields changed, and what was removed. A report's rows
 * are written in the transaction that marks it done, so a crashed run leaves none behind.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('data_reports', (t) => {
    t.uuid('id').primary({ constraintName: 'data_reports_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.string('region_code', 12).notNullable();
    t.foreign('region_code', 'data_reports_region_fk').references('regions.code');
    t.text('kind').notNullable();
    // The report the changes are counted from (a change report's; null for a full one or a first report).
    t.uuid('base_report_id').nullable();
    t.foreign('base_report_id', 'data_reports_base_fk').references('data_reports.id');
    t.integer('layout_version').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    // { total, added, changed, removed, unchanged }: filled when done.
    t.jsonb('counts').nullable();
    // [{ name, key, size, sha256, contentType }]: filled when done.
    t.jsonb('files').nullable();
    // SHA-256 of the manifest: the report's digest.
    t.text('digest').nullable();
    t.uuid('created_by').nullable();
    t.foreign('created_by', 'data_reports_created_by_fk').references('users.id');
    t.text('created_by_name').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.text('error').nullable();
    t.check(`kind IN ('full', 'changes')`, [], 'data_reports_kind_check');
    t.check(`status IN ('queued', 'running', 'done', 'failed')`, [], 'data_reports_status_check');
    t.check(`status <> 'done' OR (counts IS NOT NULL AND files IS NOT NULL AND digest IS NOT NULL)`, [], 'data_reports_done_check');
  });
  await knex.raw('CREATE INDEX data_reports_region_idx ON data_reports (region_code text_pattern_ops, created_at DESC)');
  // The previous report of a region: its newest finished one.
  await knex.raw(`CREATE INDEX data_reports_region_done_idx ON data_reports (region_code, finished_at DESC) WHERE status = 'done'`);

  await knex.schema.createTable('data_report_rows', (t) => {
    t.uuid('report_id').notNullable();
    t.foreign('report_id', 'data_report_rows_report_fk').references('data_reports.id').onDelete('CASCADE');
    t.string('building_code', 18).notNullable();
    t.primary(['report_id', 'building_code'], { constraintName: 'data_report_rows_pkey' });
    // The row's cells in layout order, as exported (JSON array of strings), and their SHA-256.
    t.jsonb('cells').notNullable();
    t.text('row_hash').notNullable();
  });
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON data_reports, data_report_rows TO ${APP}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('data_report_rows');
  await knex.schema.dropTable('data_reports');
}
