/**
 * The task store against PostgreSQL, as the application role: the inbox's views of one user, their
 * counts, one task with its case's region, the candidates for a reassignment (never the evidence's
 * submitter for a recheck), and the last rectify task's due time.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { demoUser, houseIn, seedHouses, registration, newCase } from '../../test/support/case-store.ts';
import type { StoreUser } from '../../test/support/case-store.ts';
import { DatabaseCaseStore } from './database-store.ts';
import { DatabaseTaskStore } from './database-task-store.ts';

let database: TestDatabase;
let cases: DatabaseCaseStore;
let tasks: DatabaseTaskStore;
let officer: StoreUser;
let town: StoreUser;
let inspector: StoreUser;
let caseId: string;
let assignTask: string;

before(async () => {
  database = await createTestDatabase();
  await seedHouses(database.db, 30);
  cases = new DatabaseCaseStore(database.appDb);
  tasks = new DatabaseTaskStore(database.appDb);
  officer = await demoUser(database.db, 'officer');
  town = await demoUser(database.db, 'town');
  inspector = await demoUser(database.db, 'inspector');
  const house = await houseIn(database.db, '441802006');
  ({ id: caseId } = await cases.create(newCase(house, officer)));
  // Due in the past: the task is overdue as well as claimable.
  const step = registration(caseId, officer, new Date(Date.now() - 60_000).toISOString());
  assignTask = step.taskId;
  await cases.applyTransition(step);
});

after(async () => {
  await database?.drop();
});

const page = { page: 1, perPage: 25 };

test("an open task is in its role's claimable and overdue views, not in anyone's mine or done; counts agree", async () => {
  const claimable = await tasks.list(town, 'claimable', page);
  assert.deepEqual(
    claimable.data.map((t) => [t.id, t.canClaim, t.canComplete, t.overdue]),
    [[assignTask, true, true, true]],
  );
  assert.equal((await tasks.list(town, 'mine', page)).total, 0);
  assert.equal((await tasks.list(inspector, 'claimable', page)).total, 0);
  assert.deepEqual(await tasks.counts(town), { mine: 0, claimable: 1, done: 0, overdue: 1 });
  // Officers oversee every late task of their area.
  assert.equal((await tasks.counts(officer)).overdue, 1);
});

test('the inbox filters by step, severity and a literal search text', async () => {
  assert.equal((await tasks.list(town, 'claimable', { ...page, step: 'rectify' })).total, 0);
  assert.equal((await tasks.list(town, 'claimable', { ...page, severity: 'general' })).total, 0);
  assert.equal((await tasks.list(town, 'claimable', { ...page, severity: 'serious' })).total, 1);
  assert.equal((await tasks.list(town, 'claimable', { ...page, q: '_' })).total, 0);
});

test('one task carries its case region and definition version; a malformed or unknown id finds nothing', async () => {
  const found = await tasks.find(assignTask, town);
  assert.equal(found?.task.step, 'assign');
  assert.equal(found?.definitionVersion, 1);
  assert.match(found?.caseRegionCode ?? '', /^441802006/);
  assert.equal(await tasks.find('nope', town), undefined);
  assert.equal(await tasks.find(randomUUID(), town), undefined);
});

test("the candidates are the task's roles in a region meeting it; a recheck never goes to the evidence's submitter", async () => {
  const found = await tasks.find(assignTask, town);
  assert.ok(found);
  const candidates = await tasks.candidates(found.task, found.caseRegionCode, null);
  assert.ok(candidates.some((u) => u.id === town.id));
  assert.ok(candidates.every((u) => u.role === 'town_officer'));
  const asRecheck = await tasks.candidates({ ...found.task, step: 'recheck' }, found.caseRegionCode, town.id);
  assert.ok(!asRecheck.some((u) => u.id === town.id));
});

test("the last rectify task's due time, or null without one", async () => {
  assert.equal(await tasks.lastRectifyDue(caseId), null);
  const due = new Date('2026-12-31T15:59:59.000Z');
  await database.db('tasks').insert({
    id: randomUUID(),
    case_id: caseId,
    task_no: 2,
    step: 'rectify',
    element_id: 'Task_rectify',
    roles: ['village_inspector'],
    region_code: '441802006001',
    case_region_code: (await tasks.find(assignTask, town))?.caseRegionCode,
    status: 'cancelled',
    due_at: due,
    created_at: new Date(),
  });
  assert.deepEqual(await tasks.lastRectifyDue(caseId), due);
});

test("a four-eyes step (the recheck) is not in its evidence submitter's claimable view, but in another inspector's", async () => {
  const inspector2 = await demoUser(database.db, 'inspector2');
  const house = await houseIn(database.db, '441802006');
  const { id } = await cases.create(
    newCase(house, officer, { regionCode: inspector.regionCode, severity: 'general', description: '整改后复核' }),
  );
  const first = registration(id, officer);
  await cases.applyTransition(first);
  const recheckId = randomUUID();
  await cases.applyTransition({
    caseId: id,
    seq: 2,
    occurredAt: new Date().toISOString(),
    event: { type: 'task.completed', elementId: 'Task_rectify', taskId: first.taskId, actor: inspector, data: { step: 'rectify' } },
    taskChanges: [{ id: first.taskId, status: 'completed', completedBy: inspector.id, outcome: 'done', form: {}, fileIds: [] }],
    case: { status: 'rechecking', evidenceSubmitterId: inspector.id, activeElements: ['Task_recheck'], dueAt: null },
    openTasks: [
      {
        id: recheckId,
        taskNo: 2,
        step: 'recheck',
        elementId: 'Task_recheck',
        roles: ['town_officer', 'inspector'],
        regionCode: '441802006',
        dueAt: null,
        assigneeId: null,
      },
    ],
  });
  const ids = async (user: StoreUser) => (await tasks.list(user, 'claimable', page)).data.map((t) => t.id);
  assert.ok(!(await ids(inspector)).includes(recheckId), 'the submitter does not get the recheck');
  assert.ok((await ids(inspector2)).includes(recheckId), 'another inspector of the village gets it');
});
