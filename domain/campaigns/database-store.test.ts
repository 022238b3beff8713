import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseInspectionStore } from '../inspections/database-store.ts';
import { DatabaseCampaignStore } from './database-store.ts';
import type { NewCampaign } from './store.ts';

const TOWN = '441802006';
let database: TestDatabase;
let store: DatabaseCampaignStore;
let officer: { id: string; name: string };
let houses: string[];

const campaign = (over: Partial<NewCampaign> = {}): NewCampaign => ({
  name: '汛期专项排查',
  regionCode: TOWN,
  filters: {},
  assigneeRole: 'inspector',
  dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  remindDaysBefore: 2,
  createdBy: officer,
  ...over,
});

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseCampaignStore(database.appDb);
  const buildings = new DatabaseBuildingStore(database.db);
  houses = [];
  for (const input of [...housesIn('441802006001', 2, 5), ...housesIn('441802006002', 1, 6)])
    houses.push(await buildings.create(input, database.db));
  officer = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
});
after(() => database.drop());

test('a campaign takes the houses of its area, counted per village and visible over and within its area only', async () => {
  const { id, total } = await store.create(campaign());
  assert.equal(total, 3);
  assert.equal((await store.find('441802', id))?.progress.total, 3);
  // A village's inspector sees the campaign, counted over their village only.
  assert.equal((await store.find('441802006001', id))?.progress.total, 2);
  assert.equal(await store.find('441802100', id), undefined);
  assert.deepEqual(
    (await store.progress('441802', id)).map((v) => [v.villageCode, v.total]),
    [
      ['441802006001', 2],
      ['441802006002', 1],
    ],
  );
  assert.equal(
    (await store.list('441802006002', { page: 1, perPage: 10 })).data.some((c) => c.id === id),
    true,
  );
  assert.equal((await store.items('441802006002', id, { page: 1, perPage: 10 })).total, 1);
});

test('an inspection fulfils a house once; the tasks and the remaining count follow', async () => {
  const { id } = await store.create(campaign({ name: '第二次' }));
  const inspector = { role: 'inspector', regionCode: '441802006001' };
  const before = (await store.tasks(inspector, { page: 1, perPage: 50 })).data.filter((t) => t.campaignId === id);
  assert.equal(before.length, 2);
  const inspectionId = randomUUID();
  await new DatabaseInspectionStore(database.db).insert({
    id: inspectionId,
    buildingCode: houses[0]!,
    regionCode: '441802006001',
    inspector: officer,
    judgement: 'some',
    hazards: [],
    notes: null,
    position: null,
    distanceM: null,
    presence: 'unverifiable',
    inspectedAt: new Date().toISOString(),
  });
  assert.ok((await store.fulfil(houses[0]!, { id: inspectionId, hazardsFound: 2 })).includes(id));
  assert.deepEqual(await store.fulfil(houses[0]!, { id: inspectionId, hazardsFound: 2 }), []);
  assert.equal(await store.remaining(id), 2);
  const found = await store.find('441802', id);
  assert.equal(found?.progress.done, 1);
  assert.equal(found?.progress.withHazards, 1);
  assert.equal((await store.items('441802', id, { page: 1, perPage: 10, status: 'done' })).data[0]?.hazardsFound, 2);
});

test('the workflow’s writes happen once: started, reminded, closed with what is left overdue', async () => {
  const { id } = await store.create(campaign({ name: '第三次' }));
  await store.markStarted(id);
  await store.markReminded(id);
  const reminded = (await store.find('441802', id))?.remindedAt;
  assert.ok(reminded);
  await store.markReminded(id);
  assert.equal((await store.find('441802', id))?.remindedAt, reminded);
  await store.finish(id, 'closed');
  await store.finish(id, 'cancelled', 'too late');
  const closed = await store.find('441802', id);
  assert.equal(closed?.status, 'closed');
  assert.equal(closed?.cancelReason, null);
  assert.equal(closed?.progress.overdue, 3);
  assert.equal(await store.remaining(id), 0);
});
