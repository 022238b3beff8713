/**
 * The case's read-model write on its own, against PostgreSQL: one step per call, keyed by (case, seq),
 * so a retry writes nothing twice and a step out of order is refused; the event chain it writes (its
 * hashes computed by the database) is the one the verifier recomputes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import type { Config } from '../../domain/config.ts';
import { verifyCaseChain } from '../../domain/cases/chain.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import { CaseNotifier } from '../../domain/notifications/case-notices.ts';
import { DatabaseCaseFacts } from '../../domain/notifications/database-case-facts.ts';
import { DatabaseNotificationStore } from '../../domain/notifications/database-store.ts';
import { DatabaseSmsStore } from '../../domain/sms/database-store.ts';
import { DatabaseSupervisionStore } from '../../domain/supervision/database-store.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import type { Actor } from '../../workflows/hazard-case/messages.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';
import type { SupervisionClient } from '../../domain/supervision/client.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import { createCaseActivities } from '../../workers/activities/cases.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let activities: ReturnType<typeof createCaseActivities>;
let caseId: string;
let buildingCode: string;
let officer: Actor;
const assignTask = randomUUID();
const rectifyTask = randomUUID();

before(async () => {
  database = await createTestDatabase();
  const user = (await database.db('users').where({ username: 'officer' }).first()) as {
    id: string;
    name: string;
    role: string;
    region_code: string;
  };
  officer = { id: user.id, name: user.name, role: user.role, regionCode: user.region_code } as Actor;
  await seedSyntheticBuildings(database.db, { count: 3, district: '441802' });
  const house = (await database.db('buildings').first('code', 'village_code')) as { code: string; village_code: string };
  buildingCode = house.code;
  caseId = randomUUID();
  await database.db('cases').insert({
    id: caseId,
    number: 'YH-TEST-0001',
    definition_version: 1,
    building_code: house.code,
    region_code: house.village_code,
    category: 'structure_damage',
    severity: 'general',
    description: '墙体开裂',
  });
  activities = createCaseActivities({
    db: database.appDb,
    config: {} as Config,
    supervision: {} as SupervisionClient,
    cases: new DatabaseCaseStore(database.appDb),
    supervisionStore: new DatabaseSupervisionStore(database.appDb),
    // The step's notices are written for real; text messages are queued, not delivered (no workflow here).
    notifier: new CaseNotifier({
      facts: new DatabaseCaseFacts(database.appDb),
      notifications: new DatabaseNotificationStore(database.appDb),
      sms: new DatabaseSmsStore(database.appDb),
      quietHours: null,
      deliver: async () => undefined,
    }),
  });
});

after(async () => {
  await database.drop();
});

const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 8, 0, s)).toISOString();

function registered(): Transition {
  return {
    caseId,
    seq: 1,
    occurredAt: at(1),
    event: { type: 'case.registered', elementId: 'StartEvent_hazard', taskId: null, actor: officer, data: { severity: 'general' } },
    case: { status: 'assigning', activeElements: ['Task_assign'], dueAt: at(50) },
    openTasks: [
      {
        id: assignTask,
        taskNo: 1,
        step: 'assign',
        elementId: 'Task_assign',
        roles: ['town_officer'],
        regionCode: '441802006000',
        dueAt: at(50),
        assigneeId: null,
      },
    ],
  };
}

test('a step is written once: the same step again writes nothing; a step out of order is refused', async () => {
  assert.deepEqual(await activities.applyCaseTransition(registered()), { applied: true });
  assert.deepEqual(await activities.applyCaseTransition(registered()), { applied: false });
  await assert.rejects(activities.applyCaseTransition({ ...registered(), seq: 3 }), /step 3 after 1/);

  const c = await database.db('cases').where({ id: caseId }).first();
  assert.equal(c.last_seq, 1);
  assert.equal(c.status, 'assigning');
  assert.deepEqual(c.active_elements, ['Task_assign']);
  assert.ok(c.workflow_started_at);
  const tasks = await database.db('tasks').where({ case_id: caseId });
  assert.equal(tasks.length, 1);
  assert.equal(tasks[0].status, 'open');
  assert.equal(tasks[0].case_region_code, c.region_code);
  assert.equal((await database.db('case_events').where({ case_id: caseId })).length, 1);
});

test('a completion closes its task with the form, opens the next, changes the case; the chain verifies', async () => {
  const form = { responsibleParty: { name: '户主', relation: 'owner' }, measures: ['repair_reinforce'], 说明: '“加固”后复查' };
  const applied = await activities.applyCaseTransition({
    caseId,
    seq: 2,
    occurredAt: at(2),
    event: { type: 'task.completed', elementId: 'Task_assign', taskId: assignTask, actor: officer, data: { step: 'assign', form } },
    taskChanges: [{ id: assignTask, status: 'completed', completedBy: officer.id, outcome: 'assigned', form }],
    openTasks: [
      {
        id: rectifyTask,
        taskNo: 2,
        step: 'rectify',
        elementId: 'Task_rectify',
        roles: ['village_inspector'],
        regionCode: '441802006001',
        dueAt: null,
        assigneeId: null,
      },
    ],
    case: {
      status: 'rectifying',
      activeElements: ['Task_rectify'],
      dueAt: null,
      responsible: form.responsibleParty,
      measures: form.measures,
      rectifyDeadline: '2026-12-31',
    },
  });
  assert.deepEqual(applied, { applied: true });
  const done = await database.db('tasks').where({ id: assignTask }).first();
  assert.equal(done.status, 'completed');
  assert.equal(done.completed_by, officer.id);
  assert.equal(done.assignee_id, officer.id);
  assert.deepEqual(done.form, form);
  const c = await database.db('cases').where({ id: caseId }).first();
  assert.equal(c.status, 'rectifying');
  assert.equal(c.due_at, null);
  assert.deepEqual(c.measures, ['repair_reinforce']);
  assert.deepEqual(c.responsible, form.responsibleParty);
  assert.equal(c.closed_at, null);

  const verdict = await verifyCaseChain(database.db, caseId);
  assert.equal(verdict.ok, true, JSON.stringify(verdict));
  assert.equal(verdict.events, 2);
});

test('an escalation is recorded, then its answer merged into it', async () => {
  const step = (seq: number, escalation: Transition['escalation']) =>
    activities.applyCaseTransition({
      caseId,
      seq,
      occurredAt: at(seq),
      event: { type: 'escalation', elementId: 'Task_escalate', taskId: null, actor: null, data: { no: 1 } },
      ...(seq === 3 ? { case: { escalationCount: 1 } } : {}),
      escalation,
    });
  await step(3, { no: 1, reason: 'overdue', reasonText: '整改超期', elementId: 'Task_escalate', status: 'sending' });
  await step(4, { no: 1, status: 'accepted', receiptId: 'R-1', error: null });
  const e = await database.db('case_escalations').where({ case_id: caseId, no: 1 }).first();
  assert.equal(e.status, 'accepted');
  assert.equal(e.receipt_id, 'R-1');
  assert.equal(e.reason_text, '整改超期');
  assert.ok(e.answered_at);
  assert.equal((await database.db('cases').where({ id: caseId }).first()).escalation_count, 1);
});

test('closing records the house’s new state and appraisal grade with its change history in the same transaction', async () => {
  const close = (appraisalGrade = 'B'): Transition => ({
    caseId,
    seq: 5,
    occurredAt: at(5),
    event: { type: 'task.completed', elementId: 'Task_close', taskId: rectifyTask, actor: officer, data: {} },
    taskChanges: [{ id: rectifyTask, status: 'completed', completedBy: officer.id, outcome: 'closed', form: {} }],
    case: { status: 'closed', activeElements: [], dueAt: null, closed: true, appraisalGrade },
    building: { code: buildingCode, latestJudgement: 'none', rectificationStatus: 'done', appraisalGrade },
  });
  // The house refuses the change (a grade it does not know): the step is not written either.
  await assert.rejects(activities.applyCaseTransition(close('Z')), /buildings_appraisal_check|check constraint/);
  assert.equal((await database.db('cases').where({ id: caseId }).first()).last_seq, 4);
  assert.equal((await database.db('tasks').where({ id: rectifyTask }).first()).status, 'open');

  const changesBefore = (await database.db('building_changes').where({ building_code: buildingCode, source: `case:${caseId}` })).length;
  assert.deepEqual(await activities.applyCaseTransition(close()), { applied: true });
  assert.deepEqual(await activities.applyCaseTransition(close()), { applied: false });
  const house = await database.db('buildings').where({ code: buildingCode }).first();
  assert.equal(house.rectification_status, 'done');
  assert.equal(house.latest_judgement, 'none');
  assert.equal(house.appraisal_grade, 'B');
  const changes = await database
    .db('building_changes')
    .where({ building_code: buildingCode, source: `case:${caseId}` })
    .orderBy('id');
  assert.equal(changes.length, changesBefore + 1, 'one recorded change for the closing, written once');
  assert.ok((await database.db('cases').where({ id: caseId }).first()).closed_at);
  assert.equal((await verifyCaseChain(database.db, caseId)).ok, true);
});

test('an unknown case is refused for good (no retry can make it appear)', async () => {
  await assert.rejects(
    activities.applyCaseTransition({ ...registered(), caseId: randomUUID() }),
    (error: unknown) => error instanceof ApplicationFailure && error.type === FAILURE.caseMissing && error.nonRetryable,
  );
});

test('two cases of one house closing at the same moment: the house ends safe, whichever commits first', async () => {
  for (let round = 0; round < 5; round++) {
    const house = (await database
      .db('buildings')
      .whereNot({ code: buildingCode })
      .offset(round % 2)
      .first('code', 'village_code')) as {
      code: string;
      village_code: string;
    };
    const ids = [randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries())
      await database.db('cases').insert({
        id,
        number: `YH-TEST-R${round}${i}`,
        definition_version: 1,
        building_code: house.code,
        region_code: house.village_code,
        category: i ? 'surroundings' : 'ancillary',
        severity: 'general',
        description: '同一栋房屋的两个隐患',
        status: 'closing',
      });
    const closeOf = (id: string): Transition => ({
      caseId: id,
      seq: 1,
      occurredAt: at(10 + round),
      event: { type: 'task.completed', elementId: 'Task_close', taskId: null, actor: officer, data: {} },
      case: { status: 'closed', activeElements: [], dueAt: null, closed: true },
    });
    await Promise.all(ids.map((id) => activities.applyCaseTransition(closeOf(id))));
    const after = await database.db('buildings').where({ code: house.code }).first('latest_judgement', 'rectification_status');
    assert.deepEqual(after, { latest_judgement: 'none', rectification_status: 'done' }, `round ${round}`);
  }
});
