/** The session store against PostgreSQL, as the application role: tokens kept only as digests, both lifetimes, revocation through the cache, housekeeping. */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseSessionStore } from './database-sessions.ts';

const LIMITS = { idleMinutes: 30, maxHours: 12 };
const meta = { ip: '203.0.113.7', userAgent: 'test' };

let database: TestDatabase;
let store: DatabaseSessionStore;
let userId: string;

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseSessionStore(database.appDb);
  userId = ((await database.db('users').where({ username: 'inspector' }).first('id')) as { id: string }).id;
});
after(() => database.drop());

/** Moves a session's timestamps into the past by the owner's hand. */
const age = (id: string, columns: Record<string, string>) =>
  database
    .db('sessions')
    .where({ id })
    .update(Object.fromEntries(Object.entries(columns).map(([c, ago]) => [c, database.db.raw(`now() - interval '${ago}'`)])));

test('a token opens its live session with the user; only its digest is stored, and an unknown token opens nothing', async () => {
  const { token, session } = await store.open(userId, meta);
  const live = await store.findLive(token, LIMITS);
  assert.deepEqual(
    [live.session?.id, live.session?.csrfToken, live.user?.username, live.expired],
    [session.id, session.csrfToken, 'inspector', false],
  );
  const row = (await database.db('sessions').where({ id: session.id }).first('token_hash', 'ip')) as { token_hash: Buffer; ip: string };
  assert.deepEqual(row.token_hash, createHash('sha256').update(token).digest());
  assert.equal(row.ip, '203.0.113.7');
  assert.deepEqual(await store.findLive('not-a-token', LIMITS), { session: undefined, user: undefined, expired: false });
  await assert.rejects(store.open(randomUUID(), meta), /sessions_user_fk/);
});

test('a session idle too long, or older than the absolute lifetime however active, has expired', async () => {
  const idle = await store.open(userId, meta);
  await age(idle.session.id, { last_seen_at: '31 minutes' });
  assert.deepEqual(await store.findLive(idle.token, LIMITS), { session: undefined, user: undefined, expired: true });
  const old = await store.open(userId, meta);
  await age(old.session.id, { created_at: '13 hours' });
  assert.equal((await store.findLive(old.token, LIMITS)).expired, true);
  assert.equal((await store.findLive(old.token, { idleMinutes: 30, maxHours: 14 })).expired, false);
});

test('activity is marked at most once a minute', async () => {
  const { token, session } = await store.open(userId, meta);
  await age(session.id, { last_seen_at: '10 minutes' });
  const live = (await store.findLive(token, LIMITS)).session!;
  const seen = async () =>
    ((await database.db('sessions').where({ id: session.id }).first('last_seen_at')) as { last_seen_at: Date }).last_seen_at;
  const stale = await seen();
  await store.touch(live);
  const marked = await seen();
  assert.ok(marked > stale);
  await age(session.id, { last_seen_at: '10 seconds' });
  const recent = await seen();
  await store.touch((await store.findLive(token, LIMITS)).session!);
  assert.deepEqual(await seen(), recent, 'under a minute: no write');
});

test('a revoked session is gone at once, even from the cache; revoking all of a user’s can keep one', async () => {
  const cached = new DatabaseSessionStore(database.appDb, 60_000);
  const first = await cached.open(userId, meta);
  assert.ok((await cached.findLive(first.token, LIMITS)).session);
  await cached.revoke(first.session.id);
  assert.equal((await cached.findLive(first.token, LIMITS)).session, undefined);

  // Another process's cache keeps a revoked session for up to its cacheMs: this one was filled before.
  const other = new DatabaseSessionStore(database.appDb, 60_000);
  const kept = await cached.open(userId, meta);
  const ended = await cached.open(userId, meta);
  assert.ok((await other.findLive(ended.token, LIMITS)).session);
  const before = (await database.db('sessions').where({ user_id: userId }).whereNull('revoked_at').count({ n: '*' }).first()) as {
    n: number;
  };
  assert.equal(await cached.revokeAllOf(userId, kept.session.id), Number(before.n) - 1);
  assert.ok((await cached.findLive(kept.token, LIMITS)).session);
  assert.equal((await cached.findLive(ended.token, LIMITS)).session, undefined);
  assert.ok((await other.findLive(ended.token, LIMITS)).session, 'until its cache runs out');
  assert.equal((await store.findLive(ended.token, LIMITS)).session, undefined);
  assert.equal(await cached.revokeAllOf(userId, kept.session.id), 0, 'nothing left to revoke');
});

test('a session opened inside a transaction that rolls back does not exist', async () => {
  let token = '';
  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      token = (await store.open(userId, meta, trx)).token;
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal((await store.findLive(token, LIMITS)).session, undefined);
});

test('housekeeping deletes sessions revoked or idle for more than a day, and only those', async () => {
  const revoked = await store.open(userId, meta);
  await store.revoke(revoked.session.id);
  await age(revoked.session.id, { revoked_at: '25 hours' });
  const idle = await store.open(userId, meta);
  await age(idle.session.id, { last_seen_at: '2 days' });
  const live = await store.open(userId, meta);
  const recentlyRevoked = await store.open(userId, meta);
  await store.revoke(recentlyRevoked.session.id);
  const purged = await store.purge(LIMITS.idleMinutes);
  assert.ok(purged >= 2);
  const left = ((await database.db('sessions').select('id')) as { id: string }[]).map((r) => r.id);
  assert.ok(!left.includes(revoked.session.id));
  assert.ok(!left.includes(idle.session.id));
  assert.ok(left.includes(live.session.id));
  assert.ok(left.includes(recentlyRevoked.session.id));
});
