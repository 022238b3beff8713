import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { ensureAppRole, excessPrivilege } from '../../domain/db-roles.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase({ demoUsers: false });
});
after(async () => {
  await database?.drop();
});

/** The statement's error as the application role: its SQLSTATE and message. */
async function refusal(sql: string): Promise<{ code?: string; message: string }> {
  try {
    await database.appDb.raw(sql);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  assert.fail(`the application role was allowed: ${sql}`);
}

test('the application role may add and read audit rows but not change, remove or truncate them', async () => {
  await database.appDb('audit_log').insert({ action: 'test.append', details: {} });
  const [row] = (await database.appDb('audit_log').where({ action: 'test.append' })) as { id: number }[];
  assert.ok(row);
  for (const table of ['case_events', 'audit_log', 'audit_anchors', 'audit_anchor_heads']) {
    for (const sql of [
      `UPDATE ${table} SET ${{ audit_log: 'action', audit_anchors: 'root' }[table] ?? 'hash'} = 'x'`,
      `DELETE FROM ${table}`,
      `TRUNCATE ${table}`,
    ]) {
      const error = await refusal(sql);
      // Refused by the rights themselves, not only by the append-only trigger (which the owner may disable).
      assert.equal(error.code, '42501', sql);
      assert.match(error.message, new RegExp(`permission denied for table ${table}`), sql);
    }
  }
  assert.equal((await database.appDb('audit_log').count({ n: '*' }).first())?.n, 1);
});

test('the application role cannot switch off the append-only triggers, nor alter, create or drop tables', async () => {
  for (const sql of [
    'SET session_replication_role = replica',
    'ALTER TABLE case_events DISABLE TRIGGER case_events_no_update',
    'DROP TRIGGER audit_log_append_only ON audit_log',
    'CREATE TABLE public.shadow (id int)',
    'DROP TABLE audit_anchors',
  ]) {
    const error = await refusal(sql);
    assert.equal(error.code, '42501', `${sql}: ${error.message}`);
  }
  assert.equal(await excessPrivilege(database.appDb), undefined);
  assert.match((await excessPrivilege(database.db)) ?? '', /superuser/);
});

test('the application role reads and writes the other tables and their sequences', async () => {
  const key = { actor: 'test', key_hash: 'k1' };
  await database.appDb('idempotency_keys').insert({ ...key, method: 'POST', path: '/x', request_hash: 'h' });
  await database.appDb('idempotency_keys').where(key).update({ status: 200 });
  assert.equal(await database.appDb('idempotency_keys').where(key).delete(), 1);
  await database.appDb.raw(`SELECT nextval('case_number_seq')`);
  const refused = await refusal('DELETE FROM knex_migrations');
  assert.equal(refused.code, '42501');
});

test('creating the application role from many processes at once creates it once and fails none', async () => {
  const name = `ydym_test_race_${randomBytes(4).toString('hex')}`;
  const app = new URL(database.url);
  app.username = name;
  app.password = 'race-pass';
  try {
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureAppRole(database.url, app.toString())));
    assert.equal(results.filter((r) => r.created).length, 1);
    const client = new pg.Client({ connectionString: app.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
      assert.equal(typeof rows[0]?.n, 'number');
    } finally {
      await client.end();
    }
    await assert.rejects(ensureAppRole(database.url, database.url), /both name the role "postgres"/);
  } finally {
    await database.db.raw(`DROP ROLE IF EXISTS "${name}"`);
  }
});
