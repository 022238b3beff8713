import type { Knex } from 'knex';

/**
 * The request that filed a complaint, when it carried an Idempotency-Key: the key's keyed hash (the
 * idempotency record's lookup; never the key), as for cases (0800). A filing that failed after its row
 * was committed (Temporal or the pool gone before the answer) frees its key; the citizen's retry with
 * that key finds this row instead of filing a second complaint.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE complaints ADD COLUMN request_ref text');
  await knex.raw('CREATE UNIQUE INDEX complaints_request_ref_key ON complaints (request_ref) WHERE request_ref IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX complaints_request_ref_key');
  await knex.raw('ALTER TABLE complaints DROP COLUMN request_ref');
}
