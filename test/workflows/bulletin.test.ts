/**
 * The bulletin workflows alone, with their activities mocked: a real Worker bundles
 * `workflows/bulletin/workflow.ts` on a Temporal dev server. A bulletin whose making fails is recorded
 * failed (and its workflow fails); the monthly run makes every planned bulletin, one failing not
 * stopping the others. No database, no API.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { BULLETIN_WORKFLOW, MONTHLY_BULLETINS_WORKFLOW, bulletinWorkflowId } from '../../workflows/bulletin/messages.ts';
import type { MonthlyBulletinsResult } from '../../workflows/bulletin/messages.ts';
import { startTestTemporal } from '../support/temporal.ts';

const TASK_QUEUE = 'bulletin-mocks';
const WORKFLOW = fileURLToPath(new URL('../../workflows/bulletin/workflow.ts', import.meta.url));

const made: string[] = [];
const failed: { bulletinId: string; message: string }[] = [];
const planned: (string | undefined)[] = [];

const activities = {
  async generateBulletin({ bulletinId }: { bulletinId: string }) {
    if (bulletinId.startsWith('bad')) throw ApplicationFailure.nonRetryable('字体文件缺失', 'Broken');
    made.push(bulletinId);
    return { pdfSha256: 'p', xlsxSha256: 'x' };
  },
  async planMonthlyBulletins({ month }: { month?: string }) {
    planned.push(month);
    return { month: month ?? '2026-11', bulletinIds: ['district', 'bad-town', 'town'] };
  },
  async failBulletin(args: { bulletinId: string; message: string }) {
    failed.push(args);
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

describe('bulletin workflows', () => {
  it('a bulletin that cannot be made is recorded failed with the reason, and its workflow fails', async () => {
    await assert.rejects(
      env.client.workflow.execute(BULLETIN_WORKFLOW, {
        taskQueue: TASK_QUEUE,
        workflowId: bulletinWorkflowId('bad-1'),
        args: [{ bulletinId: 'bad-1' }],
      }),
      WorkflowFailedError,
    );
    assert.deepEqual(failed.at(-1), { bulletinId: 'bad-1', message: '字体文件缺失' });
    await env.client.workflow.execute(BULLETIN_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: bulletinWorkflowId('ok-1'),
      args: [{ bulletinId: 'ok-1' }],
    });
    assert.ok(made.includes('ok-1'));
    assert.equal(failed.filter((f) => f.bulletinId === 'ok-1').length, 0);
  });

  it('the monthly run makes every planned bulletin; one failing is recorded and the others still made', async () => {
    made.length = 0;
    failed.length = 0;
    const result = (await env.client.workflow.execute(MONTHLY_BULLETINS_WORKFLOW, {
      taskQueue: TASK_QUEUE,
      workflowId: 'monthly-test',
      args: [{ month: '2026-10' }],
    })) as MonthlyBulletinsResult;
    assert.deepEqual(result, { month: '2026-10', done: 2, failed: 1 });
    assert.deepEqual(made, ['district', 'town']);
    assert.deepEqual(failed, [{ bulletinId: 'bad-town', message: '字体文件缺失' }]);
    assert.equal(planned.at(-1), '2026-10');
  });
});
