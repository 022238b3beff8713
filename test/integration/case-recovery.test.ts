/**
 * Crashes: the API dying between the case row and the workflow start (the sweeper starts it), and the
 * worker process killed (SIGKILL) inside a step's write, before or after its commit, and restarted:
 * the case goes on with nothing lost and nothing doubled, and its history replays.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, upload, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import { WorkerProcess, until, waitForWriteWaiting, within } from '../support/worker-process.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let house: string;
let worker: WorkerProcess;

/** How many times the case's trail records a completion of `step`. */
async function stepsWritten(caseId: string, step: string): Promise<number> {
  const row = await stack
    .db('case_events')
    .where({ case_id: caseId, type: 'task.completed' })
    .whereRaw(`data->>'step' = ?`, [step])
    .count({ n: '*' })
    .first();
  return Number(row?.n);
}

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  house = await createHouse(officer);
  worker = new WorkerProcess(stack);
});
after(async () => {
  worker?.stop();
  await recordHistoriesThenStop(stack, 'case-recovery');
});

describe('crash safety', () => {
  test('a case row whose workflow never started (API crash after the commit) is started by the sweeper', async () => {
    const cases = new DatabaseCaseStore(stack.db);
    const row = await stack.db.transaction((trx) =>
      cases.create(
        {
          buildingCode: house,
          regionCode: '441802006001',
          category: 'foundation',
          severity: 'general',
          description: '地基下沉',
          source: 'officer',
          sourceRef: null,
          definitionVersion: LATEST_HAZARD_CASE_VERSION,
          createdBy: null,
        },
        trx,
      ),
    );
    // Backdate it past the sweeper's grace period, then run the sweep the schedule runs every minute.
    await stack
      .db('cases')
      .where({ id: row.id })
      .update({ created_at: stack.db.raw(`now() - interval '5 minutes'`) });
    const swept = await stack.temporal.client.workflow.execute('sweepWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: `sweep-test-${row.id}`,
    });
    assert.deepEqual(swept, {
      cases: 1,
      labelBatches: 0,
      imports: 0,
      dataReports: 0,
      complaints: 0,
      campaigns: 0,
      warnings: 0,
      bulletins: 0,
    });
    const c = await waitForCase(officer, row.id, (x) => x.openTasks.some((t) => t.step === 'assign'));
    assert.equal(c.status, 'assigning');
    const again = await stack.temporal.client.workflow.execute('sweepWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: `sweep-test-again-${row.id}`,
    });
    assert.deepEqual(
      again,
      { cases: 0, labelBatches: 0, imports: 0, dataReports: 0, complaints: 0, campaigns: 0, warnings: 0, bulletins: 0 },
      'a started case is not swept again',
    );
  });

  test('a label batch left queued by a crash before its workflow started is started by the sweeper and finishes', async () => {
    const store = new DatabaseLabelBatchStore(stack.db);
    const id = await stack.db.transaction((trx) =>
      store.create({ regionCode: '441802006001', codes: [house], total: 1, chunkSize: 10, createdBy: null, createdAt: new Date() }, trx),
    );
    await stack
      .db('label_batches')
      .where({ id })
      .update({ created_at: stack.db.raw(`now() - interval '5 minutes'`) });
    const swept = await stack.temporal.client.workflow.execute('sweepWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: `sweep-test-batch-${id}`,
    });
    assert.equal((swept as { labelBatches: number }).labelBatches, 1);
    const until = Date.now() + 30_000;
    let status = 'queued';
    while (Date.now() < until && status !== 'done') {
      status = ((await stack.db('label_batches').where({ id }).first('status')) as { status: string }).status;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status, 'done');
  });

  test('a complaint and a campaign whose workflows never started are started by the sweeper and work', async () => {
    const [complaint] = (await stack
      .db('complaints')
      .insert({
        tracking_no: 'TS20261125900001',
        secret_hash: '0'.repeat(64),
        building_code: house,
        region_code: '441802006001',
        category: 'other',
        description: '楼道堆放杂物',
        verify_due_at: stack.db.raw(`now() + interval '3 days'`),
        client_hash: 'x',
        created_at: stack.db.raw(`now() - interval '5 minutes'`),
      })
      .returning('id')) as { id: string }[];
    const officerUser = (await stack.db('users').where({ username: 'officer' }).first('id')) as { id: string };
    const [campaign] = (await stack
      .db('campaigns')
      .insert({
        name: '恢复测试',
        region_code: '441802006',
        filters: '{}',
        assignee_role: 'inspector',
        due_at: stack.db.raw(`now() + interval '1 day'`),
        remind_days_before: 0,
        total: 1,
        created_by: officerUser.id,
        created_by_name: '区住建局业务人员',
        created_at: stack.db.raw(`now() - interval '5 minutes'`),
      })
      .returning('id')) as { id: string }[];
    await stack.db('campaign_items').insert({ campaign_id: campaign?.id, building_code: house, village_code: '441802006001' });
    const swept = await stack.temporal.client.workflow.execute('sweepWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: `sweep-test-intake-${complaint?.id}`,
    });
    assert.deepEqual(swept, {
      cases: 0,
      labelBatches: 0,
      imports: 0,
      dataReports: 0,
      complaints: 1,
      campaigns: 1,
      warnings: 0,
      bulletins: 0,
    });
    // Both workflows run: the complaint can be verified, the campaign cancelled.
    const verified = await inspector.post<{ status: string }>(`/api/complaints/${complaint?.id}/verify`, {
      result: 'unfounded',
      reply: '已清理',
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.status, 'unfounded');
    const cancelled = await officer.post<{ status: string }>(`/api/campaigns/${campaign?.id}/cancel`, { reason: '恢复测试结束' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
  });

  test('the worker killed while the step it was writing waited (nothing committed): restarted, the step is written once', async () => {
    await killedMidStep('before the commit');
  });

  test('the worker killed after the step was committed but before Temporal heard of it: restarted, nothing is written twice', async () => {
    await killedMidStep('after the commit');
  });
});

/**
 * Drives a case to its rectify step, then completes it in a worker process of its own, killed (SIGKILL)
 * at a known point: while the step's local activity is inside its write. The test holds the case row's
 * lock, which the write (apply_case_transition) takes first, and kills the worker once the write waits
 * on it. The dead worker's database session is then either ended (nothing of the step committed) or let
 * go on to commit (the read model has the step, Temporal's history does not). Either way, after a
 * restart the case goes on with every step recorded once and the chain whole.
 */
async function killedMidStep(point: 'before the commit' | 'after the commit'): Promise<void> {
  const c0 = await officer.post<CaseInfo>('/api/cases', {
    buildingCode: house,
    category: point === 'before the commit' ? 'ancillary' : 'use_change',
    severity: 'general',
    description: '阳台栏杆松动',
  });
  assert.equal(c0.status, 201, JSON.stringify(c0.body));
  let c = await complete(town, openTask(c0.body, 'assign').id, ASSIGN_FORM);

  // From here the work runs in a worker process of its own.
  await worker.replaceStackWorker();
  const photo = await upload(inspector, c.id);
  const rectified = () => stepsWritten(c.id, 'rectify');
  const lock = await stack.db.transaction();
  let pending: Promise<{ status: number; body: CaseInfo }> | undefined;
  try {
    await lock('cases').where({ id: c.id }).forNoKeyUpdate().first('id');
    pending = inspector.post<CaseInfo>(`/api/tasks/${openTask(c, 'rectify').id}/complete`, {
      form: { description: '已更换栏杆', fileIds: [photo] },
    });
    const writer = await waitForWriteWaiting(stack, lock);
    await worker.kill();
    assert.equal(await rectified(), 0, 'killed before the step was written');
    if (point === 'before the commit') {
      const ended = await stack.db.raw('SELECT pg_terminate_backend(?, 10000) AS ended', [writer]);
      assert.equal((ended.rows as { ended: boolean }[])[0]?.ended, true);
      await lock.rollback();
      assert.equal(await rectified(), 0, 'the dead worker’s write never committed');
    } else {
      // The dead worker's session already holds the whole statement; released, it commits on its own.
      await lock.rollback();
      await until(async () => (await rectified()) === 1, 'the dead worker’s write to commit');
    }
  } finally {
    if (!lock.isCompleted()) await lock.rollback();
  }
  await worker.start();
  // Bounded: a step the restarted worker cannot write is retried for ever, and the request would wait as long.
  assert.ok(pending);
  const done = await within(pending, 60_000, 'the step’s completion after the restart');
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(await rectified(), 1);
  c = await complete(town, openTask(done.body, 'recheck').id, { result: 'pass' });
  c = await complete(town, openTask(c, 'close').id, { signRemoved: true });
  assert.equal(c.status, 'closed');

  const trail = await officer.get<{ data: { seq: number; type: string; data: { step?: string } }[]; chain: { ok: boolean } }>(
    `/api/cases/${c.id}/events`,
  );
  assert.equal(trail.body.chain.ok, true);
  assert.deepEqual(
    trail.body.data.map((e) => e.seq),
    trail.body.data.map((_, i) => i + 1),
    'no gaps',
  );
  const completed = trail.body.data.filter((e) => e.type === 'task.completed').map((e) => e.data.step);
  assert.deepEqual(completed, ['assign', 'rectify', 'recheck', 'close'], 'each step recorded once');
  const tasks = await stack.db('tasks').where({ case_id: c.id }).orderBy('task_no');
  assert.deepEqual(
    tasks.map((t: { step: string; status: string }) => `${t.step}:${t.status}`),
    ['assign:completed', 'rectify:completed', 'recheck:completed', 'close:completed'],
  );
}
