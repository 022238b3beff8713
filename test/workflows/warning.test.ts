/**
 * The warning workflow alone, with its activities mocked (like hazard-case.test.ts): a real Worker
 * bundles `workflows/warning/workflow.ts` on a Temporal dev server; `handleWarning` and
 * `escalateWarning` record what they were asked in memory. Deadlines are made short through the
 * input's `acknowledgeDueAt`. No database, no API.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WARNING_WORKFLOW, handleWarningUpdate, warningStateQuery, warningWorkflowId } from '../../workflows/warning/messages.ts';
import type { HandleWarningArgs, WarningHandling, WarningInput, WarningWorkflowStatus } from '../../workflows/warning/messages.ts';
import type { Actor } from '../../workflows/shared/messages.ts';
import { startTestTemporal } from '../support/temporal.ts';

const TASK_QUEUE = 'warning-mocks';
const WORKFLOW = fileURLToPath(new URL('../../workflows/warning/workflow.ts', import.meta.url));
const TOWN = '441802006';

const people = {
  town: { id: 'u-town', name: '镇街干部', role: 'town_officer', regionCode: TOWN },
  otherTown: { id: 'u-town-7', name: '别镇干部', role: 'town_officer', regionCode: '441802007' },
  inspector: { id: 'u-inspector', name: '网格员', role: 'inspector', regionCode: `${TOWN}001` },
  district: { id: 'u-district', name: '区住建局', role: 'district_officer', regionCode: '441802' },
} satisfies Record<string, Actor>;

const handled: { warningId: string; action: string }[] = [];
const escalated: string[] = [];

const activities = {
  async handleWarning(args: HandleWarningArgs & { warningId: string }): Promise<WarningWorkflowStatus> {
    handled.push({ warningId: args.warningId, action: args.action });
    return args.action === 'acknowledge' ? 'acknowledged' : args.action === 'dismiss' ? 'dismissed' : 'dispatched';
  },
  async escalateWarning({ warningId }: { warningId: string }): Promise<boolean> {
    escalated.push(warningId);
    return true;
  },
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let n = 0;

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

async function start(dueInMs: number) {
  const warningId = `w-${++n}`;
  const input: WarningInput = { warningId, regionCode: TOWN, acknowledgeDueAt: new Date(Date.now() + dueInMs).toISOString() };
  const handle = await env.client.workflow.start(WARNING_WORKFLOW, {
    taskQueue: TASK_QUEUE,
    workflowId: warningWorkflowId(warningId),
    args: [input],
  });
  const act = (actor: Actor, what: WarningHandling) => handle.executeUpdate(handleWarningUpdate, { args: [{ ...what, actor }] });
  return { warningId, handle, act, state: () => handle.query(warningStateQuery) };
}

const refused = (message: RegExp) => (error: unknown) =>
  error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && message.test(error.cause.message);

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('warning workflow', () => {
  it('not acknowledged by its deadline: escalated once, and still handled afterwards', async () => {
    const w = await start(500);
    await until('escalation', async () => (await w.state()).status === 'escalated');
    assert.deepEqual(
      escalated.filter((id) => id === w.warningId),
      [w.warningId],
    );
    assert.equal((await w.act(people.town, { action: 'acknowledge' })).status, 'acknowledged');
    assert.equal((await w.act(people.district, { action: 'dismiss', reason: '已核实无风险' })).status, 'dismissed');
    assert.equal((await w.handle.result()).status, 'dismissed');
  });

  it('acknowledged in time: never escalated; dispatched ends it; a second handling is refused', async () => {
    const w = await start(1500);
    assert.equal((await w.act(people.town, { action: 'acknowledge' })).status, 'acknowledged');
    await assert.rejects(w.act(people.town, { action: 'acknowledge' }), refused(/已签收/));
    await new Promise((r) => setTimeout(r, 2000));
    assert.ok(!escalated.includes(w.warningId), 'acknowledged before the deadline: not escalated');
    assert.equal(
      (await w.act(people.town, { action: 'dispatch', dispatch: { kind: 'inspection', dueAt: new Date().toISOString() } })).status,
      'dispatched',
    );
    assert.equal((await w.handle.result()).status, 'dispatched');
  });

  it('only a handler of its area may act, and a dismissal needs a reason; refusals record nothing', async () => {
    const w = await start(60_000);
    const before = handled.length;
    await assert.rejects(w.act(people.otherTown, { action: 'acknowledge' }), refused(/本辖区/));
    await assert.rejects(w.act(people.inspector, { action: 'acknowledge' }), refused(/本辖区/));
    await assert.rejects(w.act(people.town, { action: 'dismiss', reason: ' ' }), refused(/理由/));
    assert.equal(handled.length, before);
    assert.equal((await w.act(people.town, { action: 'dismiss', reason: '重复预警' })).status, 'dismissed');
  });
});
