import type { Knex } from 'knex';

/**
 * Building imports: one job per uploaded file, one row per applied chunk (written in the chunk's own
 * transaction, so a retried or re-delivered chunk is never applied twice), and the problems found
 * per line, from which the downloadable error report is written.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('import_jobs', (t) => {
    t.uuid('id').primary({ constraintName: 'import_jobs_pkey' });
    t.text('file_key').notNullable();
    t.text('file_name').notNullable();
    t.text('file_kind').notNullable();
    t.text('encoding').notNullable().defaultTo('utf-8');
    t.bigInteger('file_size').notNullable().defaultTo(0);
    // The importer's scope, for list filters; rows outside it are refused line by line.
    t.string('region_code', 12).notNullable();
    t.uuid('created_by').nullable();
    t.foreign('created_by', 'import_jobs_created_by_fk').references('users.id');
    t.text('actor_name').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    t.integer('chunk_size').notNullable();
    t.jsonb('plan').nullable();
    t.integer('total_rows').nullable();
    t.integer('processed_rows').notNullable().defaultTo(0);
    t.integer('inserted').notNullable().defaultTo(0);
    t.integer('updated').notNullable().defaultTo(0);
    t.integer('unchanged').notNullable().defaultTo(0);
    t.integer('failed_rows').notNullable().defaultTo(0);
    t.text('error').nullable();
    t.text('error_report_key').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true }).nullable();
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.check(`status IN ('queued', 'running', 'done', 'failed')`, [], 'import_jobs_status_check');
    t.check(`file_kind IN ('csv', 'xlsx')`, [], 'import_jobs_kind_check');
    t.index(['created_at'], 'import_jobs_created_idx');
  });
  await knex.raw('CREATE INDEX import_jobs_region_idx ON import_jobs (region_code text_pattern_ops, created_at)');

  await knex.schema.createTable('import_job_chunks', (t) => {
    t.uuid('job_id').notNullable();
    t.foreign('job_id', 'import_job_chunks_job_fk').references('import_jobs.id').onDelete('CASCADE');
    t.integer('chunk_no').notNullable();
    t.primary(['job_id', 'chunk_no'], { constraintName: 'import_job_chunks_pkey' });
    t.integer('rows').notNullable();
    t.integer('inserted').notNullable().defaultTo(0);
    t.integer('updated').notNullable().defaultTo(0);
    t.integer('unchanged').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    t.timestamp('done_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('import_problems', (t) => {
    t.bigIncrements('id', { primaryKey: false });
    t.primary(['id'], { constraintName: 'import_problems_pkey' });
    t.uuid('job_id').notNullable();
    t.foreign('job_id', 'import_problems_job_fk').references('import_jobs.id').onDelete('CASCADE');
    t.integer('line').notNullable();
    t.text('column').notNullable();
    t.text('value').notNullable().defaultTo('');
    t.text('reason').notNullable();
    t.index(['job_id', 'line', 'id'], 'import_problems_job_line_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('import_problems');
  await knex.schema.dropTable('import_job_chunks');
  await knex.schema.dropTable('import_jobs');
}
