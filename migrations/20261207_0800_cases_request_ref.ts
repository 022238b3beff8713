import type { Knex } from 'knex';

/**
 * The request that registered a case, when it carried an Idempotency-Key: the key's keyed hash (the
 * idempotency record's lookup, HMAC of the server secret, the caller and the key; never the key). A
 * registration that failed after its row was committed frees its key, and the client's retry with that
 * key finds this row instead of registering a second case.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE cases ADD COLUMN request_ref text');
  await knex.raw('CREATE UNIQUE INDEX cases_request_ref_key ON cases (request_ref) WHERE request_ref IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX cases_request_ref_key');
  await knex.raw('ALTER TABLE cases DROP COLUMN request_ref');
}
