/**
 * The statistics summaries when the worker dies in the middle of a case step (issue 17 §1): the worker
 * runs in a process of its own and is killed (SIGKILL) inside a step's write, before and after its
 * commit, and at random moments while many steps are in flight; restarted, it finishes the cases. The
 * summaries then equal a recount of the raw rows and each case, step and closing is counted once: a
 * step retried after the crash writes nothing twice, so its summary deltas are not applied twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { statisticsDifferences } from '../../domain/statistics/rebuild.ts';
import { Random } from '../../tools/synthetic/random.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, upload } from '../support/cases.ts';
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

/** Each case of `ids` counted once in every summary, and every summary equal to a recount. */
async function countedOnce(ids: string[]): Promise<void> {
  assert.deepEqual(await statisticsDifferences(stack.db), []);
  const raw = (
    await stack.db.raw(
      `SELECT (SELECT count(*) FROM cases)::int AS cases,
              (SELECT count(*) FROM cases WHERE status = 'closed')::int AS closed,
              (SELECT count(*) FROM tasks WHERE status = 'completed')::int AS steps`,
    )
  ).rows[0];
  const summary = (
    await stack.db.raw(
      `SELECT (SELECT sum(n) FROM stats_cases)::int AS cases,
              (SELECT sum(n) FROM stats_daily WHERE metric = 'closed')::int AS closed,
              (SELECT sum(n) FROM stats_step_days)::int AS steps`,
    )
  ).rows[0];
  assert.deepEqual(summary, raw);
  const perCase = await stack
    .db('tasks')
    .whereIn('case_id', ids)
    .where({ status: 'completed' })
    .groupBy('case_id', 'step')
    .select('case_id', 'step')
    .count({ n: '*' });
  for (const row of perCase as { step: string; n: number | string }[]) assert.equal(Number(row.n), 1, `${row.step} completed once`);
  const closed = await stack.db('cases').whereIn('id', ids).where({ status: 'closed' }).count({ n: '*' }).first();
  assert.equal(Number(closed?.n), ids.length, 'every case closed');
}

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  house = await createHouse(officer);
  // From here on the work runs in a worker process of its own.
  worker = new WorkerProcess(stack);
  await worker.replaceStackWorker();
});
after(async () => {
  worker?.stop();
  await recordHistoriesThenStop(stack, 'statistics-recovery');
});

describe('statistics across a killed worker', () => {
  for (const point of ['before the commit', 'after the commit'] as const) {
    test(`killed inside a step's write, ${point}: restarted, the summaries count the case once`, async () => {
      let c = await registerCase(officer, house);
      c = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
      const photo = await upload(inspector, c.id);
      const lock = await stack.db.transaction();
      let pending: Promise<{ status: number; body: CaseInfo }> | undefined;
      try {
        await lock('cases').where({ id: c.id }).forNoKeyUpdate().first('id');
        pending = inspector.post<CaseInfo>(`/api/tasks/${openTask(c, 'rectify').id}/complete`, {
          form: { description: '已加固', fileIds: [photo] },
        });
        const writer = await waitForWriteWaiting(stack, lock);
        await worker.kill();
        if (point === 'before the commit') {
          await stack.db.raw('SELECT pg_terminate_backend(?, 10000)', [writer]);
          await lock.rollback();
        } else {
          await lock.rollback();
          await until(
            async () => (await stack.db('cases').where({ id: c.id }).first('status')).status === 'rechecking',
            'the dead worker’s write to commit',
          );
        }
        // Between the crash and the restart the summaries already agree with the raw rows.
        assert.deepEqual(await statisticsDifferences(stack.db), []);
      } finally {
        if (!lock.isCompleted()) await lock.rollback();
      }
      await worker.start();
      assert.ok(pending);
      const done = await within(pending, 60_000, 'the step’s completion after the restart');
      assert.equal(done.status, 200, JSON.stringify(done.body));
      c = await complete(town, openTask(done.body, 'recheck').id, { result: 'pass' });
      c = await complete(town, openTask(c, 'close').id, { signRemoved: true });
      assert.equal(c.status, 'closed');
      await countedOnce([c.id]);
    });
  }

  test('killed at random moments while many steps are in flight: the summaries count every case once', async () => {
    const seed = Number(process.env.STATS_SEED ?? Date.now() % 1_000_000);
    console.log(`statistics recovery: STATS_SEED=${seed}`);
    const r = new Random(seed);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await registerCase(officer, house, r.chance(0.5) ? 'serious' : 'general');
      ids.push(c.id);
    }
    // Rounds of one step for every open case, all in flight at once, the worker killed during each.
    for (let round = 0; round < 8; round++) {
      const cases = await Promise.all(ids.map(async (id) => (await officer.get<CaseInfo>(`/api/cases/${id}`)).body));
      const open = cases.filter((c) => c.openTasks.length > 0);
      if (!open.length) break;
      const steps = await Promise.all(
        open.map(async (c) => {
          const task = c.openTasks[0] as CaseInfo['openTasks'][number];
          const form: Record<string, unknown> =
            task.step === 'assign'
              ? ASSIGN_FORM
              : task.step === 'control'
                ? { measuresTaken: ['stopped_use', 'warning_sign'], fileIds: [await upload(inspector, c.id)] }
                : task.step === 'rectify'
                  ? { description: '已整改', fileIds: [await upload(inspector, c.id)] }
                  : task.step === 'recheck'
                    ? { result: 'pass' }
                    : { signRemoved: true, appraisalGrade: 'A' };
          const client = task.step === 'control' || task.step === 'rectify' ? inspector : town;
          return () => client.post<CaseInfo>(`/api/tasks/${task.id}/complete`, { form });
        }),
      );
      const pending = steps.map((send) => send());
      await sleep(r.int(0, 250));
      await worker.kill();
      await sleep(r.int(0, 500));
      assert.deepEqual(await statisticsDifferences(stack.db), [], `with the worker dead (round ${round}, STATS_SEED=${seed})`);
      await worker.start();
      const answers = await within(Promise.all(pending), 90_000, 'the steps after the restart');
      for (const a of answers) assert.ok(a.status === 200 || a.status === 409, JSON.stringify(a.body));
    }
    await countedOnce(ids);
  });
});
