/**
 * The case store against PostgreSQL, as the application role: reads scoped by the reader's ability,
 * the owner masked, lists paged and filtered, a step written once, the trail and its files.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { demoUser, houseIn, seedHouses, registration, someone, newCase as fixtureCase } from '../../test/support/case-store.ts';
import type { StoreUser } from '../../test/support/case-store.ts';
import { DatabaseCaseStore } from './database-store.ts';
import type { NewCase } from './store.ts';

let database: TestDatabase;
let store: DatabaseCaseStore;
let officer: StoreUser;
let town: StoreUser;
let house: { code: string; villageCode: string };

const newCase = (over: Partial<NewCase> = {}): NewCase => fixtureCase(house, officer, { severity: 'general', ...over });

before(async () => {
  database = await createTestDatabase();
  await seedHouses(database.db, 60);
  store = new DatabaseCaseStore(database.appDb);
  officer = await demoUser(database.db, 'officer');
  town = await demoUser(database.db, 'town');
  house = await houseIn(database.db, '441802006');
});

after(async () => {
  await database?.drop();
});

test('a registered case is found by a reader of its region and by the workflow side, not by a reader elsewhere', async () => {
  const { id, number } = await store.create(newCase());
  assert.match(number, /^YH\d{8}\d{6}$/);
  const found = await store.find(town.ability, id);
  assert.equal(found?.number, number);
  assert.equal(found?.createdByName, officer.name);
  assert.equal(found?.createdByUsername, 'officer');
  assert.equal(found?.workflowStarted, false);
  assert.equal((await store.find(null, id))?.id, id);
  assert.equal(await store.find(someone('town_officer', '441802003').ability, id), undefined);
  assert.equal(await store.find(town.ability, 'not-a-uuid'), undefined);
});

test('the responsible party is masked on the record', async () => {
  const { id } = await store.create(newCase());
  await database
    .db('cases')
    .where({ id })
    .update({ responsible: { name: '张三丰', phone: '13812345678', relation: 'owner' } });
  const found = await store.find(officer.ability, id);
  assert.notEqual(found?.responsible?.name, '张三丰');
  assert.notEqual(found?.responsible?.phone, '13812345678');
  assert.equal(found?.responsible?.relation, 'owner');
});

test('the list is scoped, filtered and paged; a search text is matched literally', async () => {
  const serious = await store.create(newCase({ severity: 'serious' }));
  const all = await store.list(officer.ability, { page: 1, perPage: 2 });
  assert.equal(all.data.length, 2);
  assert.ok(all.total >= 3);
  const filtered = await store.list(officer.ability, { page: 1, perPage: 50, severity: 'serious' });
  assert.ok(filtered.data.some((c) => c.id === serious.id));
  assert.ok(filtered.data.every((c) => c.severity === 'serious'));
  assert.equal((await store.list(someone('town_officer', '441802003').ability, { page: 1, perPage: 50 })).total, 0);
  assert.equal((await store.list(officer.ability, { page: 1, perPage: 50, q: '%' })).total, 0);
  assert.equal((await store.list(officer.ability, { page: 1, perPage: 50, q: serious.number.slice(2) })).total, 1);
});

test('a step is applied once; its task shows on the case page for the reader; an unknown case is refused', async () => {
  const { id } = await store.create(newCase());
  const step = registration(id, officer);
  assert.equal(await store.applyTransition(step), true);
  assert.equal(await store.applyTransition(step), false);
  await assert.rejects(store.applyTransition(registration(randomUUID(), officer)), (e: { code?: string }) => e.code === 'YD001');

  const state = await store.findWithState(town.ability, town, id);
  assert.equal(state?.record.status, 'assigning');
  assert.deepEqual(
    state?.openTasks.map((t) => [t.id, t.step, t.canClaim]),
    [[step.taskId, 'assign', true]],
  );
  assert.deepEqual(state?.visits, { StartEvent_hazard: 1, Task_assign: 1 });
  assert.equal(await store.findWithState(someone('town_officer', '441802003').ability, town, id), undefined);
  assert.equal(await store.buildingCodeOf(id), house.code);
  assert.equal((await store.verifyChain(id)).ok, true);
  const trail = await store.trail(id);
  assert.deepEqual(
    trail.map((e) => [e.seq, e.type, e.actorUsername]),
    [[1, 'case.registered', 'officer']],
  );
});

test('the workflow started is marked once; the sweeper lists only the unstarted', async () => {
  const { id } = await store.create(newCase());
  await database
    .db('cases')
    .where({ id })
    .update({ created_at: database.db.raw(`now() - interval '1 hour'`) });
  assert.ok((await store.unstarted(60_000, 1000)).some((c) => c.id === id));
  await store.markStarted(id);
  const started = (await database.db('cases').where({ id }).first('workflow_started_at')) as { workflow_started_at: Date };
  await store.markStarted(id);
  assert.deepEqual(await database.db('cases').where({ id }).first('workflow_started_at'), started);
  assert.ok(!(await store.unstarted(60_000, 1000)).some((c) => c.id === id));
});

test("a case's files: step files with their step, known ids, and a pending upload never served", async () => {
  const { id } = await store.create(newCase());
  const step = registration(id, officer);
  await store.applyTransition(step);
  const file = (over: Record<string, unknown>) => ({
    case_id: id,
    name: 'a.jpg',
    mime: 'image/jpeg',
    size: 3,
    sha256: 'a'.repeat(64),
    storage_key: `cases/${id}/x.jpg`,
    ...over,
  });
  const [named, loose, pending] = (await database
    .db('case_files')
    .insert([file({ task_id: step.taskId }), file({}), file({ storage_key: 'pending' })])
    .returning('id')) as { id: string }[];
  assert.deepEqual(
    (await store.stepFiles(id)).map((f) => [f.id, f.step]),
    [[named?.id, 'assign']],
  );
  assert.deepEqual((await store.knownFiles(id, [named?.id ?? '', loose?.id ?? '', randomUUID()])).sort(), [named?.id, loose?.id].sort());
  assert.deepEqual(await store.knownFiles(id, []), []);
  assert.equal((await store.file(id, loose?.id ?? ''))?.storageKey, `cases/${id}/x.jpg`);
  assert.equal(await store.file(id, pending?.id ?? ''), undefined);
  assert.equal(await store.file(randomUUID(), loose?.id ?? ''), undefined);
});

test("the house in brief has its owner masked; the house's other open cases are scoped and carry their assign task", async () => {
  await database.db('buildings').where({ code: house.code }).update({ owner_name: '李四光' });
  const brief = await store.houseBrief(house.code);
  assert.equal(brief?.code, house.code);
  assert.notEqual(brief?.ownerName, '李四光');
  assert.equal(await store.houseBrief('000000000000000000'), null);

  const one = await store.create(newCase({ category: 'illegal_addition' }));
  const other = await store.create(newCase({ category: 'ancillary' }));
  const step = registration(other.id, officer);
  await store.applyTransition(step);
  const others = await store.otherOpenCases(town.ability, { id: one.id, buildingCode: house.code });
  assert.ok(!others.some((c) => c.id === one.id));
  assert.equal(others.find((c) => c.id === other.id)?.assignTaskId, step.taskId);
  assert.deepEqual(await store.otherOpenCases(someone('town_officer', '441802003').ability, { id: one.id, buildingCode: house.code }), []);
});

test('a case reported by nothing has no discoveries', async () => {
  const { id } = await store.create(newCase());
  assert.deepEqual(await store.discoveries({ id, source: 'officer', sourceRef: null }), []);
});
