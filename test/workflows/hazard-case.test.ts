/**
 * The hazard case workflow alone, with its activities mocked (as the samples' `workflows-mocks.test.ts`
 * does): a real Worker bundles `workflows/hazard-case/workflow.ts` and runs it on a Temporal dev server
 * from the provisioned CLI, with `applyCaseTransition` recording each transition in memory and
 * `sendEscalation` accepting or refusing as a case needs. No database, no API.
 *
 * The time-skipping test server cannot be had here (it is downloaded, and there is no network), so
 * deadlines are made short instead through the case input's `daySeconds`: the overdue case lives half a
 * second per definition day; the others a minute per day, so their deadlines never race the test.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Severity, StepId } from '../../definitions/hazard-case/types.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import type { EscalationReceipt } from '../../domain/supervision/types.ts';
import {
  HAZARD_CASE_WORKFLOW,
  cancelCaseUpdate,
  caseStateQuery,
  caseWorkflowId,
  completeTaskUpdate,
  escalateCaseUpdate,
} from '../../workflows/hazard-case/messages.ts';
import type { Actor, CaseState, HazardCaseInput, StartIndex } from '../../workflows/hazard-case/messages.ts';
import { startIndex } from '../../workflows/hazard-case/rules.ts';
import { SA_CASE_STATUS, SA_DUE_AT } from '../../domain/search-attributes.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';
import { startTestTemporal } from '../support/temporal.ts';

const TASK_QUEUE = 'hazard-case-mocks';
const WORKFLOW = fileURLToPath(new URL('../../workflows/hazard-case/workflow.ts', import.meta.url));
const VILLAGE = '441802006001';

const people = {
  town: { id: 'u-town', name: '镇街干部', role: 'town_officer', regionCode: '441802006' },
  inspector: { id: 'u-inspector', name: '网格员甲', role: 'inspector', regionCode: VILLAGE },
  otherInspector: { id: 'u-inspector-2', name: '网格员乙', role: 'inspector', regionCode: VILLAGE },
  district: { id: 'u-district', name: '区住建局', role: 'district_officer', regionCode: '441802' },
} satisfies Record<string, Actor>;

const FORMS: Record<Exclude<StepId, 'recheck' | 'escalationRefused'>, Record<string, unknown>> = {
  assign: { responsibleParty: { name: '张三', phone: '13800138000', relation: 'owner' }, measures: ['repair_reinforce'] },
  control: { measuresTaken: ['stopped_use', 'barrier'], fileIds: [], note: '已封闭' },
  rectify: { description: '已加固', fileIds: [], appraisalGrade: 'B' },
  close: { signRemoved: true },
};

/** What the mocked activities saw, per case. */
const transitions = new Map<string, Transition[]>();
const refusing = new Set<string>();
const sent: { caseId: string; no: number }[] = [];

const activities = {
  async applyCaseTransition(t: Transition): Promise<{ applied: boolean }> {
    transitions.set(t.caseId, [...(transitions.get(t.caseId) ?? []), t]);
    return { applied: true };
  },
  async sendEscalation(args: { caseId: string; no: number }): Promise<EscalationReceipt> {
    sent.push(args);
    if (refusing.has(args.caseId)) throw ApplicationFailure.nonRetryable('材料不全，退回', FAILURE.supervisionRefused);
    return { receiptId: `r-${args.caseId}-${args.no}`, duplicate: false, receivedAt: new Date().toISOString() };
  },
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let caseNo = 0;

before(async () => {
  env = await startTestTemporal();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowsPath: WORKFLOW, activities });
  running = worker.run();
});
after(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
});

/** Starts a case of `severity` and returns its handle, with helpers to work its tasks. */
async function startCase(severity: Severity, daySeconds = 60, index?: StartIndex) {
  const caseId = `mock-${++caseNo}`;
  const input: HazardCaseInput = {
    caseId,
    definitionVersion: 2,
    severity,
    regionCode: VILLAGE,
    buildingCode: '441802006001000123',
    daySeconds,
    registeredBy: people.town,
    ...(index ? { startIndex: index } : {}),
  };
  const handle = await env.client.workflow.start(HAZARD_CASE_WORKFLOW, {
    taskQueue: TASK_QUEUE,
    workflowId: caseWorkflowId(caseId),
    args: [input],
    ...(index
      ? {
          typedSearchAttributes: [
            { key: SA_CASE_STATUS, value: index.status },
            ...(index.dueAt ? [{ key: SA_DUE_AT, value: new Date(index.dueAt) }] : []),
          ],
        }
      : {}),
  });
  const state = () => handle.query(caseStateQuery);
  const taskOf = async (step: StepId) => {
    const task = (await state()).openTasks.find((t) => t.step === step);
    assert.ok(task, `${caseId} has an open ${step} task`);
    return task;
  };
  /** Completes the open task of `step` as `actor` with `form` (the step's usual form by default). */
  const complete = async (step: StepId, actor: Actor, form?: Record<string, unknown>, fileIds: string[] = []) => {
    const task = await taskOf(step);
    const body = form ?? FORMS[step as keyof typeof FORMS];
    return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor, form: body, fileIds }] });
  };
  const events = () => (transitions.get(caseId) ?? []).map((t) => t.event);
  return { caseId, handle, state, taskOf, complete, events };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An update refused by its validator, with a message matching `message`. */
const refusedWith = (message: RegExp) => (error: unknown) =>
  error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && message.test(error.cause.message);

const completed = (events: Transition['event'][]) => events.filter((e) => e.type === 'task.completed');

describe('the hazard case workflow, activities mocked', () => {
  it('a general case goes assign → rectify → recheck → close, along the routing table', async () => {
    const c = await startCase('general');
    await until('registration', () => c.events().length > 0);
    assert.equal((await c.complete('assign', people.town)).status, 'rectifying');
    assert.equal((await c.complete('rectify', people.inspector)).status, 'rechecking');
    assert.equal((await c.complete('recheck', people.otherInspector, { result: 'pass' })).status, 'closing');
    assert.equal((await c.complete('close', people.town)).status, 'closed');
    const result = (await c.handle.result()) as CaseState;
    assert.equal(result.status, 'closed');
    assert.deepEqual(result.openTasks, []);
    const events = c.events();
    assert.deepEqual(events[0]?.data.path, ['StartEvent_registered', 'Task_assign']);
    assert.deepEqual(
      completed(events).map((e) => [e.data.step, e.data.outcome, e.data.path]),
      [
        ['assign', 'assigned', ['Gateway_severity', 'Gateway_to_rectify', 'Task_rectify']],
        ['rectify', 'submitted', ['Task_recheck']],
        ['recheck', 'pass', ['Gateway_recheck', 'Task_close']],
        ['close', 'closed', ['EndEvent_closed']],
      ],
    );
    const last = transitions.get(c.caseId)?.at(-1);
    assert.equal(last?.case?.status, 'closed');
    assert.equal(last?.building?.rectificationStatus, 'done');
    assert.deepEqual(
      transitions.get(c.caseId)?.map((t) => t.seq),
      events.map((_e, i) => i + 1),
    );
  });

  it('a serious case is controlled first, and rectify takes the deadline set at assignment', async () => {
    const c = await startCase('serious');
    await until('registration', () => c.events().length > 0);
    assert.equal((await c.complete('assign', people.town, { ...FORMS.assign, rectifyDeadline: '2099-03-31' })).status, 'controlling');
    assert.equal((await c.complete('control', people.inspector)).status, 'rectifying');
    assert.equal((await c.taskOf('rectify')).dueAt, '2099-03-31T15:59:59.999Z');
    await c.complete('rectify', people.inspector);
    await c.complete('recheck', people.town, { result: 'pass' });
    await assert.rejects(
      c.complete('close', people.town, { signRemoved: true, appraisalGrade: 'C' }),
      refusedWith(/A 级或 B 级/),
      'a serious case closes only with grade A or B',
    );
    await c.complete('close', people.town, { signRemoved: true, appraisalGrade: 'A' });
    assert.equal(((await c.handle.result()) as CaseState).status, 'closed');
    assert.deepEqual(
      completed(c.events())
        .slice(0, 2)
        .map((e) => e.data.path),
      [
        ['Gateway_severity', 'Task_control'],
        ['Gateway_to_rectify', 'Task_rectify'],
      ],
    );
  });

  it('when the recheck fails twice, the case escalates and goes back to rectify', async () => {
    const c = await startCase('general');
    await until('registration', () => c.events().length > 0);
    await c.complete('assign', people.town);
    for (let i = 1; i <= 2; i++) {
      await c.complete('rectify', people.inspector);
      await assert.rejects(
        c.complete('recheck', people.inspector, { result: 'fail', reasons: '未修复' }),
        refusedWith(/复核人不能是整改材料的提交人/),
      );
      assert.equal((await c.complete('recheck', people.town, { result: 'fail', reasons: '未修复' })).status, 'rectifying');
    }
    await until('the escalation accepted', () => c.events().some((e) => e.type === 'escalation.accepted'));
    const requested = c.events().filter((e) => e.type === 'escalation.requested');
    assert.deepEqual(
      requested.map((e) => [e.data.reason, e.data.reasonText]),
      [['recheck_failed_twice', '复核第 2 次不通过']],
    );
    assert.deepEqual(completed(c.events()).at(-1)?.data.path, [
      'Gateway_recheck',
      'Event_recheck_escalation',
      'Gateway_to_rectify',
      'Task_rectify',
    ]);
    const state = await c.state();
    assert.equal(state.recheckFailures, 2);
    assert.deepEqual(
      state.escalations.map((e) => [e.status, e.receiptId]),
      [['accepted', `r-${c.caseId}-1`]],
    );
    await c.handle.executeUpdate(cancelCaseUpdate, { args: [{ actor: people.district, reason: '测试结束' }] });
    await c.handle.result();
  });

  it('an overdue task is reminded, then escalated', async () => {
    const c = await startCase('general', 0.5);
    await until('the overdue escalation accepted', () => c.events().some((e) => e.type === 'escalation.accepted'));
    const types = c.events().map((e) => e.type);
    assert.deepEqual(types.slice(0, 5), [
      'case.registered',
      'task.reminded',
      'task.overdue',
      'escalation.requested',
      'escalation.accepted',
    ]);
    const overdue = c.events().find((e) => e.type === 'task.overdue');
    assert.deepEqual(overdue?.data.path, ['Timer_assign_due', 'EndEvent_assign_overdue']);
    assert.equal(c.events().find((e) => e.type === 'escalation.requested')?.data.reason, 'overdue');
    await c.handle.executeUpdate(cancelCaseUpdate, { args: [{ actor: people.district, reason: '测试结束' }] });
    await c.handle.result();
  });

  it('a refused escalation opens the district task, which can be handled', async () => {
    const c = await startCase('general');
    refusing.add(c.caseId);
    await until('registration', () => c.events().length > 0);
    await c.handle.executeUpdate(escalateCaseUpdate, { args: [{ actor: people.district, reason: '久拖不改' }] });
    await until('the refused-escalation task', async () => (await c.state()).openTasks.some((t) => t.step === 'escalationRefused'));
    const task = await c.taskOf('escalationRefused');
    assert.equal(task.escalationNo, 1);
    assert.equal(task.regionCode, '441802');
    const refused = c.events().find((e) => e.type === 'escalation.refused');
    assert.deepEqual(refused?.data.path, ['Gateway_escalation_result', 'Task_escalation_refused']);
    assert.equal((await c.state()).status, 'assigning', 'the side task leaves the status as it is');
    await c.complete('escalationRefused', people.district, { action: 'handled', note: '已电话沟通' });
    assert.deepEqual(completed(c.events()).at(-1)?.data.path, ['EndEvent_escalation_handled']);
    await c.handle.executeUpdate(cancelCaseUpdate, { args: [{ actor: people.district, reason: '测试结束' }] });
    await c.handle.result();
  });

  it('a case started already indexed by its first task (as the API starts it) registers without an upsert, and later steps upsert', async () => {
    const upserts = async (handle: { fetchHistory(): Promise<{ events?: unknown[] | null }> }) =>
      ((await handle.fetchHistory()).events ?? []).filter(
        (e) => (e as { upsertWorkflowSearchAttributesEventAttributes?: unknown }).upsertWorkflowSearchAttributesEventAttributes,
      ).length;
    const index = startIndex(2, 'general', Date.now(), 60);
    assert.equal(index.status, 'assigning');
    const c = await startCase('general', 60, index);
    await until('registration', () => c.events().length > 0);
    const first = await c.taskOf('assign');
    assert.equal(first.dueAt, index.dueAt, 'the first task is due when the start said');
    assert.equal(await upserts(c.handle), 0, 'no upsert at registration');
    const described = await c.handle.describe();
    assert.equal(described.typedSearchAttributes.get(SA_CASE_STATUS), 'assigning');
    assert.equal(described.typedSearchAttributes.get(SA_DUE_AT)?.toISOString(), index.dueAt);
    assert.equal((await c.complete('assign', people.town)).status, 'rectifying');
    assert.equal(await upserts(c.handle), 1, 'the next step upserts its status and due time');

    // Started as before (no index in the input): registration upserts, as recorded histories did.
    const old = await startCase('general');
    await until('registration', () => old.events().length > 0);
    await until('the upsert', async () => (await upserts(old.handle)) === 1);
  });

  it('cancelling ends the case and cancels its open tasks', async () => {
    const c = await startCase('serious');
    await until('registration', () => c.events().length > 0);
    const assign = await c.taskOf('assign');
    const ack = await c.handle.executeUpdate(cancelCaseUpdate, { args: [{ actor: people.district, reason: '重复登记' }] });
    assert.equal(ack.status, 'cancelled');
    const result = (await c.handle.result()) as CaseState;
    assert.equal(result.status, 'cancelled');
    const last = transitions.get(c.caseId)?.at(-1);
    assert.equal(last?.event.type, 'case.cancelled');
    assert.deepEqual(last?.event.data.path, ['StartEvent_cancel', 'EndEvent_cancelled']);
    assert.deepEqual(last?.taskChanges, [{ id: assign.id, status: 'cancelled' }]);
    assert.deepEqual(last?.case, { status: 'cancelled', cancelReason: '重复登记', activeElements: [], dueAt: null });
  });
});
