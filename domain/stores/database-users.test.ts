/** The user store against PostgreSQL, as the application role: accounts scoped by region, usernames whatever their case, phones masked in lists, locks shown. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseUserStore } from './database-users.ts';
import type { NewUser } from './users.ts';

const townAdmin = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802006' }));
const otherTownAdmin = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802007' }));
const officer = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_officer', regionCode: '441802' }));

let database: TestDatabase;
let store: DatabaseUserStore;

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseUserStore(database.appDb);
});
after(() => database.drop());

const user = (over: Partial<NewUser> = {}): NewUser => ({
  username: `u${randomUUID().slice(0, 8)}`,
  name: '赵网格',
  phone: '13700001111',
  role: 'inspector',
  regionCode: '441802006002',
  passwordHash: 'hash-1',
  mustChangePassword: true,
  ...over,
});

test('an account is written and read back by id, its credentials by username whatever its case', async () => {
  const input = user({ username: 'Zhao.Wangge' });
  const id = await store.create(input);
  const found = await store.find(null, id);
  assert.deepEqual(
    [found?.username, found?.phone, found?.regionName !== null, found?.disabled, found?.mustChangePassword, found?.lockedUntil],
    ['Zhao.Wangge', '13700001111', true, false, true, null],
  );
  const credentials = await store.credentialsByUsername('zhao.WANGGE');
  assert.deepEqual([credentials?.id, credentials?.passwordHash, credentials?.role], [id, 'hash-1', 'inspector']);
  assert.equal((await store.credentialsById(id))?.username, 'Zhao.Wangge');
  assert.equal(await store.credentialsByUsername('nobody'), undefined);
  assert.equal(await store.credentialsById(randomUUID()), undefined);
  assert.equal(await store.find(null, 'not-a-uuid'), undefined);
  assert.equal(await store.find(null, randomUUID()), undefined);
});

test('a username is taken whatever its case, and a second one with another case is refused', async () => {
  await store.create(user({ username: 'Qian' }));
  assert.equal(await store.usernameTaken('QIAN'), true);
  assert.equal(await store.usernameTaken('qian2'), false);
  await assert.rejects(store.create(user({ username: 'qIAN' })), /users_username_key/);
});

test('an administrator reads the accounts of their region only, phones masked in lists; other roles read none', async () => {
  const id = await store.create(user({ name: '孙排查', phone: '13722223333' }));
  const mine = await store.list(townAdmin, { page: 1, perPage: 100 });
  assert.ok(mine.data.some((u) => u.id === id));
  assert.ok(mine.data.every((u) => u.regionCode.startsWith('441802006')));
  assert.ok(!mine.data.some((u) => u.username === 'officer'), 'the district’s officer is above the town');
  assert.equal(mine.data.find((u) => u.id === id)?.phone, '137****3333');
  assert.equal((await store.find(townAdmin, id))?.phone, '13722223333');
  assert.equal(await store.find(otherTownAdmin, id), undefined);
  assert.equal((await store.list(otherTownAdmin, { page: 1, perPage: 100 })).total, 0);
  assert.equal((await store.list(officer, { page: 1, perPage: 100 })).total, 0);
  assert.equal(await store.find(officer, id), undefined);
});

test('lists filter by name or username, role, region, state and ids', async () => {
  const id = await store.create(user({ username: 'li_100%', name: '周立新', role: 'town_officer', regionCode: '441802006' }));
  const ids = (params: object) => store.list(townAdmin, { page: 1, perPage: 100, ...params }).then((r) => r.data.map((u) => u.id));
  assert.deepEqual(await ids({ q: '立新' }), [id]);
  assert.deepEqual(await ids({ q: '100%' }), [id]);
  assert.ok(!(await ids({ q: '10_' })).includes(id), 'LIKE’s own characters are literal');
  assert.ok((await ids({ role: 'town_officer' })).includes(id));
  assert.ok(!(await ids({ role: 'inspector' })).includes(id));
  assert.ok(!(await ids({ regionCode: '441802006001' })).includes(id));
  assert.ok(!(await ids({ disabled: true })).includes(id));
  assert.deepEqual(await ids({ ids: [id] }), [id]);
});

test('updates, a new password and a sign-in are written; inside a transaction that rolls back, nothing stays', async () => {
  const id = await store.create(user());
  const before = (await store.find(null, id))!;
  await store.update(id, { name: '钱新名', disabled: true, phone: null });
  await store.setPassword(id, 'hash-2', false);
  await store.recordLoginSuccess(id);
  const after = (await store.find(null, id))!;
  assert.deepEqual([after.name, after.disabled, after.phone, after.mustChangePassword], ['钱新名', true, null, false]);
  assert.ok(after.lastLoginAt && after.updatedAt >= before.updatedAt);
  assert.equal((await store.credentialsById(id))?.passwordHash, 'hash-2');

  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      await store.update(id, { name: '回滚' }, trx);
      await store.create(user({ username: 'rolled-back' }), trx);
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal((await store.find(null, id))?.name, '钱新名');
  assert.equal(await store.usernameTaken('rolled-back'), false);
});

test('an account locked by failed sign-ins shows until when; an expired lock shows nothing', async () => {
  const id = await store.create(user({ username: 'Locked.One' }));
  const until = new Date(Date.now() + 15 * 60_000);
  await database.db('login_throttles').insert({ account: 'locked.one', client: '*', failures: 20, locked_until: until });
  assert.equal((await store.find(null, id))?.lockedUntil, until.toISOString());
  await database
    .db('login_throttles')
    .where({ account: 'locked.one' })
    .update({ locked_until: new Date(Date.now() - 60_000) });
  assert.equal((await store.find(null, id))?.lockedUntil, null);
});

test('the count covers every account', async () => {
  const before = await store.count();
  await store.create(user());
  assert.equal(await store.count(), before + 1);
  const rows = (await database.db('users').count({ n: '*' }).first()) as { n: string | number };
  assert.equal(Number(rows.n), before + 1);
});
