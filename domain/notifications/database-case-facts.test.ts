/** The reads a case's notifications are written from, against PostgreSQL as the application role: the case with its house and responsible person, a task with its assignee. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import { DatabaseCaseFacts } from './database-case-facts.ts';

let database: TestDatabase;
let facts: DatabaseCaseFacts;
const caseId = randomUUID();
const taskId = randomUUID();
let inspector: { id: string; name: string; phone: string };

before(async () => {
  database = await createTestDatabase();
  facts = new DatabaseCaseFacts(database.appDb);
  await seedSyntheticBuildings(database.db, { count: 1, district: '441802' });
  const house = (await database.db('buildings').first('code', 'village_code', 'address')) as { code: string; village_code: string };
  inspector = (await database.db('users').where({ username: 'inspector' }).first('id', 'name', 'phone')) as typeof inspector;
  await database.db('cases').insert({
    id: caseId,
    number: 'YH-FACTS-0001',
    definition_version: 2,
    building_code: house.code,
    region_code: house.village_code,
    category: 'structure_damage',
    severity: 'general',
    description: '墙体开裂',
    responsible: JSON.stringify({ name: '张三', phone: '13812345678', relation: 'owner' }),
    measures: ['repair_reinforce'],
  });
  await database.db('tasks').insert({
    id: taskId,
    case_id: caseId,
    task_no: 1,
    step: 'rectify',
    element_id: 'Task_rectify',
    roles: ['inspector'],
    region_code: house.village_code,
    case_region_code: house.village_code,
    status: 'claimed',
    assignee_id: inspector.id,
    due_at: new Date('2027-03-07T15:59:59Z'),
    created_at: new Date(),
  });
});
after(() => database.drop());

test('a case reads with its house address, measures and responsible person; an unknown one not at all', async () => {
  const c = await facts.caseFacts(caseId);
  assert.equal(c?.number, 'YH-FACTS-0001');
  assert.ok(c?.address);
  assert.deepEqual(c?.measures, ['repair_reinforce']);
  assert.deepEqual(c?.responsible, { name: '张三', phone: '13812345678', relation: 'owner' });
  assert.equal(await facts.caseFacts(randomUUID()), undefined);
});

test('a task reads with its pool, deadline and assignee with their phone', async () => {
  const t = await facts.taskFacts(taskId);
  assert.deepEqual(
    [t?.step, t?.roles, t?.status, t?.dueAt?.toISOString()],
    ['rectify', ['inspector'], 'claimed', '2027-03-07T15:59:59.000Z'],
  );
  assert.deepEqual(t?.assignee, inspector);
  assert.equal(await facts.taskFacts(randomUUID()), undefined);
});
