/** The SMS store against PostgreSQL, as the application role: one row per key, held or queued, sent, receipts in any order, a case's messages. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import { DatabaseSmsStore } from './database-store.ts';
import type { NewSms } from './store.ts';

let database: TestDatabase;
let store: DatabaseSmsStore;
let caseId: string;

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseSmsStore(database.appDb);
  await seedSyntheticBuildings(database.db, { count: 1, district: '441802' });
  const house = (await database.db('buildings').first('code', 'village_code')) as { code: string; village_code: string };
  caseId = randomUUID();
  await database.db('cases').insert({
    id: caseId,
    number: 'YH-SMS-0001',
    definition_version: 2,
    building_code: house.code,
    region_code: house.village_code,
    category: 'structure_damage',
    severity: 'general',
    description: '墙体开裂',
  });
});
after(() => database.drop());

const sms = (over: Partial<NewSms> = {}): NewSms => ({
  key: `k-${randomUUID()}`,
  caseId,
  kind: 'rectification_notice',
  audience: 'owner',
  userId: null,
  recipientName: '张三',
  phone: '13812345678',
  template: 'rectification_notice',
  text: '【清城区自建房安全】张三您好：请整改',
  sendAfter: new Date(),
  ...over,
});

test('a key is queued once, however often; a message due later is held', async () => {
  const now = sms();
  const later = sms({ sendAfter: new Date(Date.now() + 3_600_000) });
  const first = await store.queue([now, later]);
  const again = await store.queue([now, later]);
  assert.deepEqual(again.map((m) => m.id).sort(), first.map((m) => m.id).sort());
  assert.equal(first.find((m) => m.key === now.key)?.status, 'queued');
  assert.equal(first.find((m) => m.key === later.key)?.status, 'held');
  assert.equal(await store.find('not-a-uuid'), undefined);
});

test('attempts are counted; sent records the provider id; a receipt then marks it delivered, and a repeated receipt changes nothing', async () => {
  const [m] = await store.queue([sms({ sendAfter: new Date(Date.now() + 60_000) })]);
  await store.attempt(m!.id);
  await store.attempt(m!.id);
  assert.deepEqual([(await store.find(m!.id))?.status, (await store.find(m!.id))?.attempts], ['queued', 2]);
  await store.sent(m!.id, 'p-1');
  assert.equal((await store.find(m!.id))?.status, 'sent');
  const at = new Date();
  assert.equal(await store.receipt('p-1', m!.key, 'delivered', null, at), true);
  assert.equal(await store.receipt('p-1', m!.key, 'delivered', null, at), true);
  const done = await store.find(m!.id);
  assert.deepEqual([done?.status, done?.deliveredAt?.toISOString()], ['delivered', at.toISOString()]);
  // Another provider id for the key, or an unknown key, is not this message's receipt.
  assert.equal(await store.receipt('p-other', m!.key, 'failed', 'x', at), false);
  assert.equal(await store.receipt('p-1', 'no-such-key', 'failed', 'x', at), false);
});

test("a receipt that overtakes the send's answer is kept: the later answer does not set it back to sent", async () => {
  const [m] = await store.queue([sms()]);
  assert.equal(await store.receipt('p-2', m!.key, 'failed', '空号', new Date()), true);
  await store.sent(m!.id, 'p-2');
  const found = await store.find(m!.id);
  assert.deepEqual([found?.status, found?.error, found?.providerId], ['failed', '空号', 'p-2']);
});

test("a refused message is failed with its reason; a case's messages come in the order queued", async () => {
  const [m] = await store.queue([sms({ key: `z-${randomUUID()}` })]);
  await store.refused(m!.id, '号码无效');
  assert.deepEqual([(await store.find(m!.id))?.status, (await store.find(m!.id))?.error], ['failed', '号码无效']);
  const list = await store.ofCase(caseId);
  assert.ok(list.length >= 5);
  assert.equal(list.at(-1)?.id, m!.id);
  assert.deepEqual(await store.ofCase('nonsense'), []);
});
