import type { Knex } from 'knex';

/**
 * The audit log (append-only: the database refuses UPDATE and DELETE) and the stored responses of
 * mutating requests, keyed by the client's Idempotency-Key.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id', { primaryKey: false });
    t.primary(['id'], { constraintName: 'audit_log_pkey' });
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('actor_id').nullable();
    t.text('actor_name').nullable();
    t.text('actor_role').nullable();
    t.text('action').notNullable();
    t.text('subject_type').nullable();
    t.text('subject_id').nullable();
    t.string('region_code', 12).nullable();
    t.text('ip').nullable();
    t.text('user_agent').nullable();
    t.text('request_id').nullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.index(['at'], 'audit_log_at_idx');
    t.index(['actor_id', 'at'], 'audit_log_actor_idx');
    t.index(['action', 'at'], 'audit_log_action_idx');
  });
  await knex.raw('CREATE INDEX audit_log_region_idx ON audit_log (region_code text_pattern_ops)');
  await knex.raw(`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await knex.raw(`
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  await knex.raw(`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

  await knex.schema.createTable('idempotency_keys', (t) => {
    t.text('actor').notNullable();
    t.text('key').notNullable();
    t.primary(['actor', 'key'], { constraintName: 'idempotency_keys_pkey' });
    t.text('method').notNullable();
    t.text('path').notNullable();
    t.text('request_hash').notNullable();
    t.integer('status').nullable();
    t.jsonb('response').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at'], 'idempotency_keys_created_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
  await knex.schema.dropTable('audit_log');
  await knex.raw('DROP FUNCTION audit_log_append_only()');
}
