import type { Knex } from 'knex';

/**
 * Sign-in throttling keyed by (account name, client address) plus one row per account name for the
 * account-wide ceiling (client '*'), instead of one counter on the user row that any address could
 * drive to lock the account. Keyed by the lowercased name typed, not the user id, so a name that
 * matches no account is throttled exactly like one that does (the replies must not tell them apart).
 *
 * Users gain `must_change_password`: set when an administrator chooses the password (creation, reset).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_throttles', (t) => {
    t.text('account').notNullable();
    t.text('client').notNullable();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('window_started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_until', { useTz: true }).nullable();
    t.primary(['account', 'client'], { constraintName: 'login_throttles_pkey' });
    t.check('failures >= 0', [], 'login_throttles_failures_check');
    t.index(['window_started_at'], 'login_throttles_window_idx');
  });
  await knex.schema.alterTable('users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.dropColumn('failed_logins');
    t.dropColumn('locked_until');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true }).nullable();
    t.dropColumn('must_change_password');
  });
  await knex.schema.dropTable('login_throttles');
}
