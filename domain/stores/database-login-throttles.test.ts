/**
 * The sign-in throttle store against PostgreSQL, as the application role: attempts counted per address
 * and per account, locks, parallel guesses counted one after another, release, unlock and housekeeping.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseLoginThrottleStore } from './database-login-throttles.ts';
import { ANY_CLIENT } from './login-throttles.ts';

const LIMITS = { perClient: 3, perAccount: 5, minutes: 15 };

let database: TestDatabase;
let store: DatabaseLoginThrottleStore;

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseLoginThrottleStore(database.appDb);
});
after(() => database.drop());

const failures = async (account: string, client: string) =>
  ((await database.db('login_throttles').where({ account, client }).first('failures')) as { failures: number } | undefined)?.failures;

test('the third failure from one address locks that address, not the account’s other addresses', async () => {
  const first = await store.reserve('a1', '10.0.0.1', LIMITS);
  assert.deepEqual(first, { granted: true, locks: [] });
  await store.reserve('a1', '10.0.0.1', LIMITS);
  const third = await store.reserve('a1', '10.0.0.1', LIMITS);
  assert.equal(third.granted, true);
  assert.deepEqual(third.granted && third.locks.map((l) => l.scope), ['client']);
  const refused = await store.reserve('a1', '10.0.0.1', LIMITS);
  assert.equal(refused.granted, false);
  assert.ok(!refused.granted && refused.until.getTime() > Date.now() + 14 * 60_000);
  assert.equal(await failures('a1', '10.0.0.1'), 3, 'a refused attempt counts nowhere');
  assert.equal(await failures('a1', ANY_CLIENT), 3);
  assert.equal((await store.reserve('a1', '10.0.0.2', LIMITS)).granted, true);
});

test('failures from many addresses together lock the whole account', async () => {
  for (const n of [1, 2, 3, 4]) assert.deepEqual(await store.reserve('a2', `10.0.1.${n}`, LIMITS), { granted: true, locks: [] });
  const fifth = await store.reserve('a2', '10.0.1.5', LIMITS);
  assert.deepEqual(fifth.granted && fifth.locks.map((l) => l.scope), ['account']);
  assert.equal((await store.reserve('a2', '10.0.1.6', LIMITS)).granted, false);
});

test('parallel guesses are counted one after another: no more than the limit get through', async () => {
  // The counters exist already, so only their row locks (not the insert of new rows) order the guesses.
  assert.equal((await store.reserve('a3', '10.0.2.1', LIMITS)).granted, true);
  const results = await Promise.all(Array.from({ length: 8 }, () => store.reserve('a3', '10.0.2.1', LIMITS)));
  assert.equal(results.filter((r) => r.granted).length, LIMITS.perClient - 1);
  assert.equal(await failures('a3', '10.0.2.1'), LIMITS.perClient);
});

test('a right password releases its reservation: the address starts afresh, the account count drops by one', async () => {
  await store.reserve('a4', '10.0.3.1', LIMITS);
  await store.reserve('a4', '10.0.3.2', LIMITS);
  await store.reserve('a4', '10.0.3.1', LIMITS);
  await store.release('a4', '10.0.3.1', LIMITS);
  assert.equal(await failures('a4', '10.0.3.1'), undefined);
  assert.equal(await failures('a4', ANY_CLIENT), 2);
  // Released at the account's ceiling, the account lock ends too.
  for (const n of [3, 4, 5]) await store.reserve('a4', `10.0.3.${n}`, LIMITS);
  assert.equal((await store.reserve('a4', '10.0.3.9', LIMITS)).granted, false);
  await store.release('a4', '10.0.3.5', LIMITS);
  assert.equal((await store.reserve('a4', '10.0.3.9', LIMITS)).granted, true);
});

test('a count whose window or lock has run out starts afresh', async () => {
  for (let i = 0; i < 3; i++) await store.reserve('a5', '10.0.4.1', LIMITS);
  await database
    .db('login_throttles')
    .where({ account: 'a5' })
    .update({
      locked_until: database.db.raw(`now() - interval '1 second'`),
      window_started_at: database.db.raw(`now() - interval '20 minutes'`),
    });
  assert.deepEqual(await store.reserve('a5', '10.0.4.1', LIMITS), { granted: true, locks: [] });
  assert.equal(await failures('a5', '10.0.4.1'), 1);
});

test('an administrator’s unlock ends every count of the account and says how many locks it ended', async () => {
  for (let i = 0; i < 3; i++) await store.reserve('a6', '10.0.5.1', LIMITS);
  await store.reserve('a6', '10.0.5.2', LIMITS);
  assert.equal(await store.clear('a6'), 1);
  assert.equal((await store.reserve('a6', '10.0.5.1', LIMITS)).granted, true);
  assert.equal(await store.clear('nobody'), 0);
});

test('housekeeping deletes counts whose window and lock ended more than a day ago', async () => {
  await store.reserve('a7', '10.0.6.1', LIMITS);
  await store.reserve('a8', '10.0.6.1', LIMITS);
  await database
    .db('login_throttles')
    .where({ account: 'a7' })
    .update({ window_started_at: database.db.raw(`now() - interval '2 days'`) });
  await database
    .db('login_throttles')
    .where({ account: 'a8' })
    .update({
      window_started_at: database.db.raw(`now() - interval '2 days'`),
      locked_until: database.db.raw(`now() - interval '1 hour'`),
    });
  assert.equal(await store.purge(), 2, 'a7: the pair and the account row');
  assert.equal(await failures('a7', '10.0.6.1'), undefined);
  assert.equal(await failures('a8', '10.0.6.1'), 1, 'its lock ended an hour ago only');
});
