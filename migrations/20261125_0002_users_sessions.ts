import type { Knex } from 'knex';

const ROLES = ['district_admin', 'district_officer', 'town_officer', 'inspector', 'auditor'];

/** Accounts and their sessions. Sessions are stored by token hash only. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary({ constraintName: 'users_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.text('username').notNullable();
    t.text('name').notNullable();
    t.text('phone').nullable();
    t.text('role').notNullable();
    t.string('region_code', 12).notNullable();
    t.foreign('region_code', 'users_region_fk').references('regions.code');
    t.text('password_hash').notNullable();
    t.boolean('disabled').notNullable().defaultTo(false);
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true }).nullable();
    t.timestamp('last_login_at', { useTz: true }).nullable();
    t.timestamp('password_changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamps(true, true);
    t.check(`role IN (${ROLES.map((r) => `'${r}'`).join(', ')})`, [], 'users_role_check');
    t.index(['region_code'], 'users_region_idx');
  });
  await knex.raw('CREATE UNIQUE INDEX users_username_key ON users (lower(username))');

  await knex.schema.createTable('sessions', (t) => {
    t.uuid('id').primary({ constraintName: 'sessions_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.specificType('token_hash', 'bytea').notNullable().unique({ indexName: 'sessions_token_hash_key' });
    t.uuid('user_id').notNullable();
    t.foreign('user_id', 'sessions_user_fk').references('users.id').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.text('ip').nullable();
    t.text('user_agent').nullable();
    t.index(['user_id'], 'sessions_user_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
}
