/**
 * API clients and the change feed on PostgreSQL: the secret kept only as its hash, revocation, and the
 * feed: every house once in change order, an edit moving just that house behind the cursor, a no-op
 * update or a change of what the platform derives for a house (its open cases) moving nothing, scope by
 * region, and a change of a transaction still open held back until it commits (the cursor never passes
 * it).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { hashSecret, newCredential, parseToken, secretMatches } from './credential.ts';
import { START, decodeCursor, encodeCursor } from './cursor.ts';
import type { ChangePosition } from './cursor.ts';
import { DatabaseApiClientStore } from './database-store.ts';
import { DERIVED_COLUMNS, FEED_COLUMNS } from '../../migrations/20261207_1000_house_trigger_costs.ts';

let database: TestDatabase;
let store: DatabaseApiClientStore;
let houses: DatabaseBuildingStore;
let admin: string;
const codes: string[] = [];

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseApiClientStore(database.appDb);
  houses = new DatabaseBuildingStore(database.appDb);
  admin = ((await database.db('users').where({ username: 'admin' }).first('id')) as { id: string }).id;
  for (const [i, h] of [...housesIn('441802006001', 3, 1), ...housesIn('441802007', 2, 2)].entries()) {
    codes.push(await houses.create({ ...h, externalId: null, address: `测试路${String(i)}号` }));
  }
});
after(() => database.drop());

/** The whole feed from `from`, page by page. */
async function drain(region: string, from: ChangePosition, pageSize = 2): Promise<{ codes: string[]; last: ChangePosition }> {
  const out: string[] = [];
  let at = from;
  for (;;) {
    const page = await store.changedHouses(region, at, pageSize);
    out.push(...page.map((h) => h.building.code));
    if (page.length) at = page.at(-1)!.position;
    if (page.length < pageSize) return { codes: out, last: at };
  }
}

/**
 * The feed from `from` once it holds `expected` houses (in order): it serves only changes of transactions
 * older than every transaction still running on the server, and other tests' transactions run beside
 * these, so what was just written may come a moment later. Polls up to 30 s.
 */
async function drainWhen(
  region: string,
  from: ChangePosition,
  expected: string[],
  inOrder = true,
): Promise<{ codes: string[]; last: ChangePosition }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const got = await drain(region, from);
    if (got.codes.length >= expected.length || Date.now() > deadline) {
      if (inOrder) assert.deepEqual(got.codes, expected);
      else assert.deepEqual([...got.codes].sort(), [...expected].sort());
      return got;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a client’s secret is stored as its hash only; revoked, it has no live hash', async () => {
  const c = newCredential();
  const client = await store.create({
    id: c.id,
    name: '省平台',
    regionCode: '441802',
    personalData: false,
    secretHash: c.secretHash,
    createdBy: admin,
  });
  assert.equal(client.regionName !== null, true);
  const row = (await database.db('api_clients').where({ id: c.id }).first()) as Record<string, unknown>;
  assert.ok(!JSON.stringify(row).includes(c.secret), 'the secret itself is nowhere in the row');
  assert.equal(row.secret_hash, hashSecret(c.secret));
  assert.deepEqual(parseToken(c.token), { id: c.id, secret: c.secret });
  assert.ok(secretMatches(c.secret, (await store.liveSecretHash(c.id))!));
  const wrong = `${c.secret.slice(0, -1)}${c.secret.endsWith('A') ? 'B' : 'A'}`;
  assert.ok(!secretMatches(wrong, row.secret_hash as string), 'one character off does not match');
  assert.equal(await store.revoke(c.id, admin), true);
  assert.equal(await store.revoke(c.id, admin), false, 'once');
  assert.equal(await store.liveSecretHash(c.id), undefined);
  assert.ok((await store.find(c.id))?.revokedAt);
});

test('the feed serves each house of the region once; after an edit, only the edited house', async () => {
  const all = await drainWhen('441802', START, codes);
  const town = await drain('441802006', START);
  assert.deepEqual(town.codes, codes.slice(0, 3), 'scoped to the region, in change order');
  const before = await houses.find(null, codes[1]!);
  await houses.update(codes[1]!, { floorsAbove: 5 }, before!, { actorId: null, actorName: 't', source: 'api' });
  // An update that changes nothing moves nothing.
  await database.appDb('buildings').where({ code: codes[2] }).update({ address: '测试路2号' });
  const next = await drainWhen('441802', all.last, [codes[1]!]);
  assert.deepEqual((await drain('441802', next.last)).codes, []);
});

test('figures the platform derives for a house (open cases, when its tier was computed) are no change of it', async () => {
  const start = (await drainWhen('441802', START, codes, false)).last;
  await database.appDb('buildings').where({ code: codes[0] }).update({
    open_cases: 2,
    open_case_due_at: new Date(),
    risk_computed_at: new Date(),
  });
  await database.appDb('buildings').where({ code: codes[1] }).update({ open_cases: 1, occupants: 9 });
  await drainWhen('441802', start, [codes[1]!]);
});

test('every column of a house is either served by the feed or derived, so a new column is not left out', async () => {
  const { rows } = (await database.db.raw(
    `SELECT attname FROM pg_attribute WHERE attrelid = 'buildings'::regclass AND attnum > 0 AND NOT attisdropped`,
  )) as { rows: { attname: string }[] };
  assert.deepEqual(rows.map((r) => r.attname).sort(), [...FEED_COLUMNS, ...DERIVED_COLUMNS].sort());
});

test('a change still uncommitted is held back, and the cursor never passes it', async () => {
  // Every house once (the last test's edits moved two of them to the end of the order).
  const start = (await drainWhen('441802', START, codes, false)).last;
  const trx = await database.appDb.transaction();
  try {
    await trx('buildings').where({ code: codes[0] }).update({ floors_above: 7 });
    // Committed after the open transaction began: behind it in xid order, so also held back.
    const b = await houses.find(null, codes[3]!);
    await houses.update(codes[3]!, { floorsAbove: 6 }, b!, { actorId: null, actorName: 't', source: 'api' });
    assert.deepEqual((await drain('441802', start)).codes, []);
    await trx.commit();
  } catch (e) {
    await trx.rollback();
    throw e;
  }
  await drainWhen('441802', start, [codes[0]!, codes[3]!]);
});

test('cursors round-trip; anything else is refused', () => {
  const p = { xid: '123456', seq: '42' };
  assert.deepEqual(decodeCursor(encodeCursor(p)), p);
  for (const bad of ['', 'abc', encodeCursor({ xid: '-1', seq: '1' }), Buffer.from('v2:1:1').toString('base64url'), 'a'.repeat(81)]) {
    assert.equal(decodeCursor(bad), undefined, bad);
  }
});
