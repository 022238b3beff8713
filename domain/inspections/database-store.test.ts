import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseCampaignStore } from '../campaigns/database-store.ts';
import { DatabaseInspectionStore } from './database-store.ts';
import type { NewInspection } from './store.ts';

const VILLAGE = '441802006001';
let database: TestDatabase;
let store: DatabaseInspectionStore;
let house: string;
let inspectorId: string;
const own = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const other = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802100' }));

const inspection = (over: Partial<NewInspection> = {}): NewInspection => ({
  id: randomUUID(),
  buildingCode: house,
  regionCode: VILLAGE,
  inspector: { id: inspectorId, name: '李排查' },
  judgement: 'some',
  hazards: [{ category: 'foundation', description: '地基下沉' }],
  notes: null,
  position: { latitude: 23.7, longitude: 113.03, accuracy: 8 },
  distanceM: 12,
  presence: 'near',
  inspectedAt: new Date().toISOString(),
  ...over,
});

const upload = async (over: Record<string, unknown> = {}) => {
  const [row] = (await database
    .db('inspection_files')
    .insert({
      building_code: house,
      uploaded_by: inspectorId,
      name: 'p.jpg',
      mime: 'image/jpeg',
      size: 1,
      sha256: 'a'.repeat(64),
      storage_key: 'k',
      ...over,
    })
    .returning('id')) as { id: string }[];
  return row!.id;
};

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseInspectionStore(database.appDb);
  house = await new DatabaseBuildingStore(database.db).create(housesIn(VILLAGE, 1, 3)[0]!, database.db);
  inspectorId = ((await database.db('users').where({ username: 'inspector' }).first('id')) as { id: string }).id;
});
after(() => database.drop());

test('an inspection is written once however often it is sent, and read back with its hazards and position', async () => {
  const input = inspection();
  assert.equal(await store.insert(input), true);
  assert.equal(await store.insert(input), false);
  const found = await store.find(null, input.id);
  assert.equal(found?.inspectorName, '李排查');
  assert.deepEqual(found?.hazards, [{ category: 'foundation', description: '地基下沉', caseId: null, caseNumber: null, joined: false }]);
  assert.deepEqual(found?.position, { latitude: 23.7, longitude: 113.03, accuracy: 8 });
  assert.equal(found?.flagged, false);
  assert.equal(found?.kind, 'daily');
  assert.equal(await store.find(null, 'not-a-uuid'), undefined);
});

test('reads are scoped by the reader’s area; lists are paged and filtered', async () => {
  const input = inspection({ judgement: 'serious', presence: 'far' });
  await store.insert(input);
  assert.ok(await store.find(own, input.id));
  assert.equal(await store.find(other, input.id), undefined);
  assert.equal((await store.list(other, { page: 1, perPage: 10 })).total, 0);
  const page = await store.list(own, { page: 1, perPage: 1 });
  assert.ok(page.total >= 2);
  assert.equal(page.data.length, 1);
  const flagged = await store.list(own, { page: 1, perPage: 10, flagged: true });
  assert.deepEqual(
    flagged.data.map((i) => i.id),
    [input.id],
  );
});

test('photos: only the uploader’s stored uploads for the house count, and attach to one inspection', async () => {
  const mine = await upload();
  const pending = await upload({ storage_key: 'pending' });
  const input = inspection();
  assert.deepEqual(await store.uploadsFor(inspectorId, house, input.id, [mine, pending]), [mine]);
  assert.deepEqual(await store.uploadsFor(randomUUID(), house, input.id, [mine]), []);
  await store.insert(input);
  await store.attachFiles(input.id, [mine]);
  // Still valid for the same inspection (a re-send), no longer for another.
  assert.deepEqual(await store.uploadsFor(inspectorId, house, input.id, [mine]), [mine]);
  assert.deepEqual(await store.uploadsFor(inspectorId, house, randomUUID(), [mine]), []);
  assert.equal((await store.find(null, input.id))?.files.length, 1);
  assert.equal((await store.photo(mine))?.regionCode, VILLAGE);
  assert.equal(await store.photo(pending), undefined);
});

test('an inspection of a house waiting in a running campaign is recorded as its special inspection', async () => {
  const campaigns = new DatabaseCampaignStore(database.appDb);
  const officer = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
  const { id: campaignId } = await campaigns.create({
    name: '专项',
    regionCode: VILLAGE,
    filters: {},
    assigneeRole: 'inspector',
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    remindDaysBefore: 1,
    createdBy: officer,
  });
  const input = inspection();
  await database.appDb.transaction(async (trx) => {
    await store.insert(input, trx);
    const [named] = await campaigns.fulfil(house, { id: input.id, hazardsFound: 1 }, trx);
    assert.equal(named, campaignId);
    await store.markSpecial(input.id, campaignId, trx);
  });
  const found = await store.find(own, input.id);
  assert.equal(found?.kind, 'special');
  assert.equal(found?.campaignName, '专项');
});
