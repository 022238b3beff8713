/** The idempotency store against PostgreSQL, as the application role: one claim wins, a repeat replays, a different request is refused, a failure frees the key. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseIdempotencyStore } from './database-idempotency.ts';

let database: TestDatabase;
let store: DatabaseIdempotencyStore;

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseIdempotencyStore(database.appDb);
});
after(() => database.drop());

const key = (n: number) => n.toString(16).padStart(64, '0');
const claim = (actor: string, n: number, requestHash = 'h1', path = '/api/cases') => store.claim(actor, key(n), 'POST', path, requestHash);

test('the first claim of a key is new; while it runs a repeat is told so; once done a repeat gets the sealed answer', async () => {
  assert.deepEqual(await claim('u1', 1), { kind: 'new' });
  assert.deepEqual(await claim('u1', 1), { kind: 'in-progress' });
  const sealed = Buffer.from([1, 2, 3, 250]);
  await store.complete('u1', key(1), 201, sealed);
  assert.deepEqual(await claim('u1', 1), { kind: 'replay', status: 201, sealed });
});

test('the same key with another request, method or path is a mismatch; another actor’s key is their own', async () => {
  assert.deepEqual(await claim('u2', 2), { kind: 'new' });
  assert.deepEqual(await claim('u2', 2, 'h2'), { kind: 'mismatch' });
  assert.deepEqual(await claim('u2', 2, 'h1', '/api/complaints'), { kind: 'mismatch' });
  assert.deepEqual(await store.claim('u2', key(2), 'PATCH', '/api/cases', 'h1'), { kind: 'mismatch' });
  assert.deepEqual(await claim('u3', 2), { kind: 'new' });
});

test('parallel claims of one key: exactly one wins', async () => {
  const claims = await Promise.all(Array.from({ length: 6 }, () => claim('u4', 4)));
  assert.equal(claims.filter((c) => c.kind === 'new').length, 1);
  assert.equal(claims.filter((c) => c.kind === 'in-progress').length, 5);
});

test('a failed request frees its key for a retry; a completed one keeps it', async () => {
  await claim('u5', 5);
  await store.release('u5', key(5));
  assert.deepEqual(await claim('u5', 5), { kind: 'new' });
  await store.complete('u5', key(5), 200, Buffer.from('x'));
  await store.release('u5', key(5));
  assert.equal((await claim('u5', 5)).kind, 'replay');
});

test('a claim whose request never answered (its process died) is free to the same request after the claim time, to one retry only', async () => {
  assert.deepEqual(await claim('u7', 8), { kind: 'new' });
  assert.deepEqual(await claim('u7', 8), { kind: 'in-progress' }, 'a live claim holds');
  await database
    .db('idempotency_keys')
    .where({ actor: 'u7', key_hash: key(8) })
    .update({ created_at: database.db.raw(`now() - interval '301 seconds'`) });
  assert.deepEqual(await claim('u7', 8, 'h2'), { kind: 'mismatch' }, 'still not another request’s');
  const retries = await Promise.all(Array.from({ length: 4 }, () => claim('u7', 8)));
  assert.deepEqual(retries.map((c) => c.kind).sort(), ['in-progress', 'in-progress', 'in-progress', 'new']);
  await store.complete('u7', key(8), 201, Buffer.from('y'));
  assert.equal((await claim('u7', 8)).kind, 'replay');
});

test('housekeeping deletes keys older than asked, and only those', async () => {
  await claim('u6', 6);
  await claim('u6', 7);
  await database
    .db('idempotency_keys')
    .where({ actor: 'u6', key_hash: key(6) })
    .update({ created_at: database.db.raw(`now() - interval '25 hours'`) });
  assert.equal(await store.purge(24), 1);
  assert.deepEqual(await claim('u6', 6), { kind: 'new' });
  assert.deepEqual(await claim('u6', 7), { kind: 'in-progress' });
});
