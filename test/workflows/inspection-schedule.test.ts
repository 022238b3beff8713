/**
 * The 定期巡查 pass alone, with its activities mocked: a real Worker bundles
 * `workflows/inspection-schedule/workflow.ts` on a dev server from the provisioned CLI. It walks every
 * house with the cursor the activity answers, hands out villages in calls of 40, keeps the definition
 * version it started with in every call, and a call that fails once is retried and counted once.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { CURRENT_SCHEDULE_VERSION } from '../../definitions/inspection-schedule/index.ts';
import { INSPECTION_SCHEDULE_WORKFLOW } from '../../workflows/inspection-schedule/messages.ts';
import type { InspectionScheduleResult } from '../../workflows/inspection-schedule/messages.ts';
import { startTestTemporal } from '../support/temporal.ts';

const TASK_QUEUE = 'inspection-schedule-mocks';
const WORKFLOW = fileURLToPath(new URL('../../workflows/inspection-schedule/workflow.ts', import.meta.url));
const VILLAGES = Array.from({ length: 85 }, (_, i) => `441802006${String(i + 1).padStart(3, '0')}`);

const calls = { write: [] as { version: number; after: string }[], assign: [] as { version: number; villageCodes: string[] }[] };
let failNextAssign = false;

const activities = {
  async writeMissingDueItems(input: { version: number; after: string; batchSize: number; batches: number }) {
    calls.write.push({ version: input.version, after: input.after });
    // Three calls' worth of houses: cursors '' → 'A' → 'B' → done.
    const next: Record<string, string | null> = { '': 'A', A: 'B', B: null };
    return { created: 10, last: next[input.after] ?? null };
  },
  async villagesToAssign({ version }: { version: number }) {
    assert.equal(version, CURRENT_SCHEDULE_VERSION);
    return VILLAGES;
  },
  async assignDueVillages(input: { version: number; villageCodes: string[] }) {
    if (failNextAssign) {
      failNextAssign = false;
      throw new Error('database went away');
    }
    calls.assign.push(input);
    return input.villageCodes.length * 2;
  },
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

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

describe('the 定期巡查 pass', () => {
  it('walks every house by cursor, then hands out the villages 40 at a time, once each', async () => {
    calls.write = [];
    calls.assign = [];
    failNextAssign = true;
    const result = (await env.client.workflow.execute(INSPECTION_SCHEDULE_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: 'inspection-schedule-mock-1',
    })) as InspectionScheduleResult;
    assert.deepEqual(
      calls.write.map((c) => c.after),
      ['', 'A', 'B'],
    );
    assert.deepEqual(
      calls.assign.map((c) => c.villageCodes.length),
      [40, 40, 5],
      'the failed first call retried, each village once',
    );
    assert.deepEqual(
      calls.assign.flatMap((c) => c.villageCodes),
      VILLAGES,
    );
    assert.ok([...calls.write, ...calls.assign].every((c) => c.version === CURRENT_SCHEDULE_VERSION));
    assert.deepEqual(result, { version: CURRENT_SCHEDULE_VERSION, created: 30, villages: 85, assigned: 170 });
  });
});
