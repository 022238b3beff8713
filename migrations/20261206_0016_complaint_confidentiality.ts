import type { Knex } from 'knex';

/**
 * Confidentiality of complaints (issue 14, items 9 and 13):
 * - Stored idempotent answers are sealed: the row is found by a keyed hash of the actor and the client's
 *   Idempotency-Key (`key_hash`), and the answer is AES-256-GCM ciphertext under a key derived from the
 *   Idempotency-Key itself (`sealed_response`), so the table holds neither the key nor a complaint's
 *   secret. Rows written before hold both in plain text: they are dropped (they only serve replays
 *   within a day, and a client retrying one gets a fresh answer).
 * - Progress lookups are counted per address and per tracking number in fixed windows
 *   (`complaint_lookup_throttle`), one atomic upsert per lookup, shared by every API process.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('idempotency_keys').delete();
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.dropPrimary('idempotency_keys_pkey');
    t.dropColumn('key');
    t.dropColumn('response');
  });
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.string('key_hash', 64).notNullable();
    t.binary('sealed_response').nullable();
    t.primary(['actor', 'key_hash'], { constraintName: 'idempotency_keys_pkey' });
  });

  await knex.schema.createTable('complaint_lookup_throttle', (t) => {
    // `addr:<keyed hash of the address or its IPv6 /64>` or `no:<tracking number>`.
    t.text('key').notNullable();
    t.timestamp('window_start', { useTz: true }).notNullable();
    t.integer('hits').notNullable().defaultTo(0);
    t.primary(['key', 'window_start'], { constraintName: 'complaint_lookup_throttle_pkey' });
    t.index(['window_start'], 'complaint_lookup_throttle_window_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('complaint_lookup_throttle');
  await knex('idempotency_keys').delete();
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.dropPrimary('idempotency_keys_pkey');
    t.dropColumn('key_hash');
    t.dropColumn('sealed_response');
  });
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.text('key').notNullable();
    t.jsonb('response').nullable();
    t.primary(['actor', 'key'], { constraintName: 'idempotency_keys_pkey' });
  });
}
