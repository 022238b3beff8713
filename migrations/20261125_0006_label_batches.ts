import type { Knex } from 'knex';

/**
 * Label batches: printing the labels of a region (or of a selection) as a Temporal workflow. Each
 * finished chunk is a row, so a resumed run knows which chunks it must not render again.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('label_batches', (t) => {
    t.uuid('id').primary({ constraintName: 'label_batches_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    // The region printed, or for a selection the narrowest region holding it (the scope of the batch).
    t.string('region_code', 12).notNullable();
    t.foreign('region_code', 'label_batches_region_fk').references('regions.code');
    t.jsonb('codes').nullable();
    t.text('status').notNullable().defaultTo('queued');
    t.integer('total').notNullable();
    t.integer('done_count').notNullable().defaultTo(0);
    t.integer('chunk_size').notNullable();
    t.text('file_key').nullable();
    t.uuid('created_by').nullable();
    t.foreign('created_by', 'label_batches_created_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.text('error').nullable();
    t.check(`status IN ('queued', 'running', 'done', 'failed')`, [], 'label_batches_status_check');
    t.check('total >= 0 AND done_count >= 0 AND chunk_size > 0', [], 'label_batches_counts_check');
    t.index(['created_at'], 'label_batches_created_idx');
  });
  await knex.raw('CREATE INDEX label_batches_region_prefix_idx ON label_batches (region_code text_pattern_ops)');

  await knex.schema.createTable('label_batch_chunks', (t) => {
    t.uuid('batch_id').notNullable();
    t.foreign('batch_id', 'label_batch_chunks_batch_fk').references('label_batches.id').onDelete('CASCADE');
    t.integer('chunk_no').notNullable();
    t.primary(['batch_id', 'chunk_no'], { constraintName: 'label_batch_chunks_pkey' });
    t.text('file_key').notNullable();
    t.integer('label_count').notNullable();
    // Where the next chunk of a region batch starts.
    t.string('last_code', 18).notNullable();
    t.timestamp('done_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('chunk_no >= 0 AND label_count > 0', [], 'label_batch_chunks_counts_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('label_batch_chunks');
  await knex.schema.dropTable('label_batches');
}
