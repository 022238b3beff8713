import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;
/** Append-only: the application role may only add and read rows of these. */
const APPEND_ONLY = ['case_events', 'audit_log', 'audit_anchors', 'audit_anchor_heads'];

/**
 * The application's own database role, and the anchors of the audit chain.
 *
 * Rights: the migrations run as the owner; the API and the workers connect as a login role that is a
 * member of the group role ydym_application (see domain/db-roles.ts), which gets DML on the tables
 * (and, by default privileges, on every table the owner creates later) but only INSERT and SELECT on
 * the append-only tables, and no TRUNCATE, no DDL, no superuser rights anywhere. The group role is
 * cluster-wide: created here when the owner may and it is missing, and never dropped (other databases
 * of the cluster may use it).
 *
 * Anchors: a periodic workflow records the head (last sequence number and hash) of every case chain
 * and a Merkle root over all of them; each anchor keeps the heads that changed since the previous one.
 * Both tables are append-only like the trail.
 */
export async function up(knex: Knex): Promise<void> {
  // Created by `npm start`/`npm run migrate` beforehand; here for an owner running the migrations alone.
  // Another database's migration may create it at the same moment: that counts as created.
  await knex.raw(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
        BEGIN
          CREATE ROLE ${APP} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
    END $$`);

  await knex.schema.createTable('audit_anchors', (t) => {
    t.integer('no').notNullable();
    t.primary(['no'], { constraintName: 'audit_anchors_pkey' });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Cases whose head the root covers, and how many heads changed since the previous anchor.
    t.integer('cases').notNullable();
    t.integer('changed').notNullable();
    t.string('root', 64).notNullable();
    t.check('no > 0', [], 'audit_anchors_no_check');
  });
  await knex.schema.createTable('audit_anchor_heads', (t) => {
    t.integer('anchor_no').notNullable();
    t.foreign('anchor_no', 'audit_anchor_heads_anchor_fk').references('audit_anchors.no');
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'audit_anchor_heads_case_fk').references('cases.id');
    t.primary(['anchor_no', 'case_id'], { constraintName: 'audit_anchor_heads_pkey' });
    t.integer('seq').notNullable();
    t.string('hash', 64).notNullable();
    t.check('seq > 0', [], 'audit_anchor_heads_seq_check');
    // The latest anchored head of a case: what the next anchor compares with.
    t.index(['case_id', 'anchor_no'], 'audit_anchor_heads_case_idx');
  });
  await knex.raw(`
    CREATE FUNCTION audit_anchors_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`);
  for (const table of ['audit_anchors', 'audit_anchor_heads']) {
    await knex.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION audit_anchors_append_only()`);
    await knex.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION audit_anchors_append_only()`);
  }

  await knex.raw(`GRANT USAGE ON SCHEMA public TO ${APP}`);
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP}`);
  await knex.raw(`REVOKE UPDATE, DELETE ON ${APPEND_ONLY.join(', ')} FROM ${APP}`);
  // The migration bookkeeping is the owner's alone.
  await knex.raw(`REVOKE ALL ON knex_migrations, knex_migrations_lock FROM ${APP}`);
  await knex.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP}`);
  // Tables and sequences the owner creates later get the same DML rights; a later append-only table
  // must revoke UPDATE and DELETE in its own migration, as this one does.
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP}`);
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP}`);
  await knex.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP}`);
  await knex.raw(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP}`);
  await knex.raw(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP}`);
  await knex.raw(`REVOKE USAGE ON SCHEMA public FROM ${APP}`);
  await knex.schema.dropTable('audit_anchor_heads');
  await knex.schema.dropTable('audit_anchors');
  await knex.raw('DROP FUNCTION audit_anchors_append_only()');
}
