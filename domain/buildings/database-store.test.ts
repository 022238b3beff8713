/** The building store against PostgreSQL, as the application role: codes, scoped reads, owner masking and search, changes. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { buildingCode } from './code.ts';
import { DatabaseBuildingStore } from './database-store.ts';
import type { BuildingCreateInput } from './schema.ts';

const VILLAGE = '441802006001';
const OTHER_VILLAGE = '441802007001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));
/** Reads houses but may not see their owners in full. */
const auditor = createAppAbility(rulesFor({ id: randomUUID(), role: 'auditor', regionCode: '441802' }));
const who = { actorId: null, actorName: '测试', source: 'api' };

let database: TestDatabase;
let store: DatabaseBuildingStore;
let first: string;
let second: string;
let elsewhere: string;

/** A synthetic house of the village, far from the position `near` is asked about unless placed there. */
const house = (village: string, over: Partial<BuildingCreateInput> = {}): BuildingCreateInput => ({
  ...housesIn(village, 1, 7)[0]!,
  externalId: null,
  latitude: 23.5,
  longitude: 113.3,
  ...over,
});

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseBuildingStore(database.appDb);
  first = await store.create(house(VILLAGE, { ownerName: '欧阳明', ownerPhone: '13912345678', address: '东街1号', externalId: 'EXT-1' }));
  second = await store.create(house(VILLAGE, { ownerName: '李四', address: '东街2号', floorsAbove: 6, latitude: 23.7, longitude: 113.03 }));
  elsewhere = await store.create(house(OTHER_VILLAGE, { ownerName: '欧阳红', address: '西街9号', latitude: 23.7001, longitude: 113.0301 }));
});
after(() => database.drop());

test('codes come from the village’s own sequence, never reused, and reserved in runs', async () => {
  assert.equal(first, buildingCode(VILLAGE, 1));
  assert.equal(second, buildingCode(VILLAGE, 2));
  assert.equal(elsewhere, buildingCode(OTHER_VILLAGE, 1));
  assert.equal(await store.reserveSequences(VILLAGE, 10), 3);
  assert.equal(await store.create(house(VILLAGE)), buildingCode(VILLAGE, 13));
});

test('a house is found by whoever may read its village; another town’s reader and an unknown code get nothing', async () => {
  const found = await store.find(town, first);
  assert.equal(found?.code, first);
  assert.equal(found?.ownerName, '欧阳明', 'find gives full data; callers mask');
  assert.equal(found?.townCode, '441802006');
  assert.equal(found?.version, 1);
  assert.equal(found?.riskTier, 'green');
  assert.equal(await store.find(otherTown, first), undefined);
  assert.equal((await store.find(null, elsewhere))?.villageCode, OTHER_VILLAGE);
  assert.equal(await store.find(town, buildingCode(VILLAGE, 9999)), undefined);
});

test('lists are scoped to the reader’s towns, owner details masked, filtered and paged', async () => {
  const page = await store.list(town, { page: 1, perPage: 50 });
  assert.ok(page.data.every((b) => b.villageCode?.startsWith('441802006')));
  assert.ok(page.data.some((b) => b.code === first));
  assert.ok(!page.data.some((b) => b.code === elsewhere));
  const mine = page.data.find((b) => b.code === first);
  assert.notEqual(mine?.ownerName, '欧阳明');
  assert.notEqual(mine?.ownerPhone, '13912345678');
  assert.equal((await store.list(otherTown, { page: 1, perPage: 50, ids: [first, second] })).total, 0);
  const tall = await store.list(town, { page: 1, perPage: 50, minFloors: 6, ids: [first, second] });
  assert.deepEqual(
    tall.data.map((b) => b.code),
    [second],
  );
  const one = await store.list(town, { page: 2, perPage: 1, ids: [first, second], sort: 'code', order: 'asc' });
  assert.deepEqual([one.total, one.data.map((b) => b.code)], [2, [second]]);
});

test('a search finds owners by name only where the reader may see owners in full', async () => {
  const byName = await store.list(town, { page: 1, perPage: 10, q: '欧阳' });
  assert.deepEqual(
    byName.data.map((b) => b.code),
    [first],
  );
  assert.equal(await store.ownerNameMatches(town, { q: '欧阳' }), 1);
  assert.equal((await store.list(auditor, { page: 1, perPage: 10, q: '欧阳' })).total, 0);
  assert.equal(await store.ownerNameMatches(auditor, { q: '欧阳' }), 0);
  assert.equal((await store.list(auditor, { page: 1, perPage: 10, q: '东街2' })).total, 1, 'addresses are searched for everyone');
  // LIKE's own characters are taken literally.
  assert.equal((await store.list(town, { page: 1, perPage: 10, q: '%' })).total, 0);
});

test('an update bumps the version under the row lock and records before and after', async () => {
  const before = (await store.find(null, second))!;
  await database.appDb.transaction(async (trx) => {
    assert.equal(await store.lockVersion(second, trx), 1);
    await store.update(second, { floorsAbove: 7, address: '东街2号之一' }, before, who, trx);
  });
  const after = await store.find(null, second);
  assert.deepEqual([after?.version, after?.floorsAbove, after?.address], [2, 7, '东街2号之一']);
  await database.appDb.transaction(async (trx) => assert.equal(await store.lockVersion(second, trx), 2));
  await database.appDb.transaction(async (trx) => assert.equal(await store.lockVersion(buildingCode(VILLAGE, 9999), trx), undefined));
  const [change] = await store.changes(second);
  assert.equal(change?.actorName, '测试');
  assert.equal(change?.source, 'api');
  assert.deepEqual(change?.changes.floorsAbove, { before: 6, after: 7 });
  assert.deepEqual(await store.changes(first), []);
});

test('an update inside a transaction that rolls back leaves the house and its history as they were', async () => {
  const before = (await store.find(null, first))!;
  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      await store.update(first, { floorsAbove: 9 }, before, who, trx);
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal((await store.find(null, first))?.version, before.version);
  assert.deepEqual(await store.changes(first), []);
});

test('an external id is taken by another house, not by the house that carries it', async () => {
  assert.equal(await store.externalIdTaken('EXT-1'), true);
  assert.equal(await store.externalIdTaken('EXT-1', first), false);
  assert.equal(await store.externalIdTaken('EXT-1', second), true);
  assert.equal(await store.externalIdTaken('EXT-none'), false);
  await assert.rejects(store.create(house(OTHER_VILLAGE, { externalId: 'EXT-1' })), /buildings_external_id_key/);
});

test('houses near a position, nearest first, within the radius only', async () => {
  const near = await store.near({ latitude: 23.7, longitude: 113.03 }, 50, 10);
  assert.deepEqual(
    near.map((h) => h.code),
    [second, elsewhere],
  );
  assert.equal(near[0]?.distanceM, 0);
  assert.ok((near[1]?.distanceM ?? 0) > 0 && (near[1]?.distanceM ?? 99) <= 50);
  assert.deepEqual(
    (await store.near({ latitude: 23.7, longitude: 113.03 }, 5, 10)).map((h) => h.code),
    [second],
  );
  assert.equal((await store.near({ latitude: 23.7, longitude: 113.03 }, 50, 1)).length, 1);
});

test('the house file comes in one read with its changes, and only to a reader of its village', async () => {
  const record = await store.withChanges(town, second);
  assert.equal(record?.building.code, second);
  assert.equal(record?.changes.length, 1);
  assert.deepEqual([record?.cases, record?.inspections, record?.complaints], [[], [], []]);
  assert.equal(await store.withChanges(otherTown, second), undefined);
  assert.equal(await store.withChanges(town, buildingCode(VILLAGE, 9999)), undefined);
});
