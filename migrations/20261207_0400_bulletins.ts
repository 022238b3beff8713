import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;

/**
 * Monthly bulletins (通报, issue 20 §4): one row per region and month, written before its workflow
 * starts (the unique key makes a repeated schedule run or a second request find the first row), then
 * filled in by the generating activity with the two files' keys and SHA-256 digests. `created_by` is
 * null for the ones the monthly schedule made.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('bulletins', (t) => {
    t.uuid('id').primary({ constraintName: 'bulletins_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.string('region_code', 12).notNullable();
    t.foreign('region_code', 'bulletins_region_fk').references('regions.code');
    // The first day of the month reported on.
    t.date('month').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    t.uuid('created_by').nullable();
    t.foreign('created_by', 'bulletins_created_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.text('pdf_key').nullable();
    t.text('pdf_sha256').nullable();
    t.text('xlsx_key').nullable();
    t.text('xlsx_sha256').nullable();
    // The figures the files show (the bulletin's data), so the page and tests read them without the files.
    t.jsonb('figures').nullable();
    t.text('error').nullable();
    t.unique(['region_code', 'month'], { indexName: 'bulletins_region_month_key' });
    t.check(`status IN ('queued', 'running', 'done', 'failed')`, [], 'bulletins_status_check');
    t.check(`month = date_trunc('month', month)::date`, [], 'bulletins_month_check');
    t.check(`status <> 'done' OR (pdf_key IS NOT NULL AND xlsx_key IS NOT NULL)`, [], 'bulletins_done_files_check');
  });
  await knex.raw('CREATE INDEX bulletins_region_prefix_idx ON bulletins (region_code text_pattern_ops, month DESC)');
  await knex.raw(`GRANT SELECT, INSERT, UPDATE ON bulletins TO ${APP}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('bulletins');
}
