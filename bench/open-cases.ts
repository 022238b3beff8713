/**
 * `npm run bench:open-cases [-- --cases N --concurrency C --max-cached M --sample K --burst B]`: the
 * platform with many cases open at once (issue 21 §3), on a scratch database, a Temporal dev server and
 * a supervision simulator of its own, the API and the worker in processes of their own:
 *  1. N cases registered through the API and left waiting for assignment (their deadline timers
 *     pending, the inbox full), the worker's sticky cache set to M (`WORKER_MAX_CACHED_WORKFLOWS`):
 *     the worker's resident memory after each tenth, to show where it levels off;
 *  2. completion p95 of the assignment on the K cases registered last (still in the worker's cache)
 *     against the K registered first (evicted: each is replayed from its history);
 *  3. a burst of B deadlines: B more cases registered with a short definition day, the worker stopped
 *     before their first reminder, started again once every deadline has passed, so all B cases'
 *     timers (reminders, the overdue step and its escalation) fire on it at once: the seconds until
 *     every escalation reached the supervision system, and a check that none was lost or doubled (each
 *     case overdue once, escalated once, its escalation delivered once, no reminder recorded twice).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../domain/run-main.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort } from '../test/support/stack.ts';
import { startTestTemporal } from '../test/support/temporal.ts';
import { startSupervisionSimulator } from '../tools/supervision-sim/simulator.ts';
import { login, pool, postCase, seedBenchHouses, serviceEnv, taskOf } from './case-api.ts';
import { closeSend } from './http.ts';
import { arg, p95, percentile, say } from './cli.ts';
import { spawnService } from './processes.ts';
import type { Service } from './processes.ts';

const SECRET = 'whsec_YmVuY2gtb3Blbi1jYXNlcy1zZWNyZXQta2V5';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

runMain('bench:open-cases', async () => {
  const cases = arg('cases', 20_000);
  const concurrency = arg('concurrency', 10);
  const maxCached = arg('max-cached', 2000);
  const sample = arg('sample', 100);
  const burst = arg('burst', 10_000);
  say(
    `bench:open-cases: ${cases} open cases, worker cache ${maxCached}; ${sample} cached and evicted completions; ${burst} deadlines at once`,
  );
  const database = await createTestDatabase();
  const temporal = await startTestTemporal();
  const escalationRequests = new Map<string, number>();
  const sim = await startSupervisionSimulator({
    port: 0,
    secret: SECRET,
    autoAcknowledgeMs: 0,
    onEscalationRequest: (r) =>
      void escalationRequests.set(r.idempotencyKey ?? '', (escalationRequests.get(r.idempotencyKey ?? '') ?? 0) + 1),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'ydym-bench-open-'));
  const port = await freePort();
  const env = serviceEnv(database.appUrl, temporal.address, dataDir, port, {
    SUPERVISION_URL: sim.url,
    SUPERVISION_SECRET: SECRET,
    WORKER_MAX_CACHED_WORKFLOWS: String(maxCached),
  });
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const { codes } = await seedBenchHouses(database.db);
    let worker: Service = await spawnService('workers/main.ts', env, 'worker running');
    stops.push(() => worker.stop());
    const api = await spawnService('api/main.ts', env, 'api listening');
    stops.push(() => api.stop());
    const base = `http://127.0.0.1:${port}`;
    const [officer, town] = await Promise.all(['officer', 'town'].map((u) => login(base, u)));
    const register = (baseUrl: string, i: number, description: string) =>
      postCase(baseUrl, officer as string, '/api/cases', {
        buildingCode: codes[i % codes.length],
        category: 'other',
        severity: 'general',
        description,
      });

    // 1. Open cases, the worker's memory after each tenth.
    const assignTasks: string[] = new Array<string>(cases);
    const memory: string[] = [`0: ${worker.rssMb().toFixed(0)} MB`];
    const tenth = Math.max(1, Math.ceil(cases / 10));
    let registeredSeconds = 0;
    for (let from = 0; from < cases; from += tenth) {
      const count = Math.min(tenth, cases - from);
      registeredSeconds += await pool(count, concurrency, async (i) => {
        assignTasks[from + i] = taskOf(await register(base, from + i, '开放案件规模测试'), 'assign');
      });
      memory.push(`${from + count}: ${worker.rssMb().toFixed(0)} MB`);
      say(`  ${from + count} open cases, worker RSS ${worker.rssMb().toFixed(0)} MB`);
    }
    const registrationRate = cases / registeredSeconds;

    // 2. Cached against evicted: the last ones first, so completing the evicted ones evicts nothing measured.
    const complete = async (taskId: string) => {
      const t = performance.now();
      await postCase(base, town as string, `/api/tasks/${taskId}/complete`, {
        form: { responsibleParty: { name: '户主', relation: 'owner' }, measures: ['repair_reinforce'] },
      });
      return performance.now() - t;
    };
    const cachedMs: number[] = [];
    const evictedMs: number[] = [];
    const k = Math.min(sample, Math.floor(cases / 2));
    await pool(k, 4, async (i) => void cachedMs.push(await complete(assignTasks[cases - 1 - i] as string)));
    await pool(k, 4, async (i) => void evictedMs.push(await complete(assignTasks[i] as string)));

    // 3. The burst: a second API process whose definition day is short; the worker stopped in between.
    let burstLine = 'not run';
    if (burst > 0) {
      const expectSeconds = burst / registrationRate;
      // The first reminder falls half a day before the deadline: after the last registration.
      const daySeconds = Math.ceil(2 * (expectSeconds * 1.5 + 30));
      const burstPort = await freePort();
      const burstApi = await spawnService(
        'api/main.ts',
        { ...env, PORT: String(burstPort), CASE_DAY_SECONDS: String(daySeconds) },
        'api listening',
      );
      stops.push(() => burstApi.stop());
      const burstBase = `http://127.0.0.1:${burstPort}`;
      say(`burst: ${burst} cases with a definition day of ${daySeconds} s…`);
      const started = Date.now();
      const ids: string[] = [];
      await pool(burst, concurrency, async (i) => void ids.push((await register(burstBase, i, '期限集中到期测试')).id));
      const registeredAt = Date.now();
      if ((registeredAt - started) / 1000 > daySeconds / 2)
        throw new Error('the burst took longer to register than half a definition day: run again');
      await worker.stop();
      // Every deadline passed: the last registered case's day is over.
      await sleep(registeredAt + daySeconds * 1000 + 2000 - Date.now());
      worker = await spawnService('workers/main.ts', env, 'worker running');
      // From when it polls: its start (bundling the workflows) is not the burst's.
      const resumed = performance.now();
      const burstIds = new Set(ids);
      const escalated = () => [...sim.state.escalations.values()].filter((e) => burstIds.has(e.payload.caseId)).length;
      const deadline = performance.now() + 30 * 60_000;
      while (escalated() < burst && performance.now() < deadline) await sleep(500);
      const handledSeconds = (performance.now() - resumed) / 1000;
      const got = escalated();
      await sleep(5000); // anything doubled would arrive now
      const events = (await database.db.raw(
        `SELECT e.type, e.case_id, e.data->>'daysBefore' AS before, count(*)::int AS n
         FROM case_events e WHERE e.case_id = ANY(?::uuid[]) AND e.type IN ('task.reminded', 'task.overdue', 'escalation.requested')
         GROUP BY 1, 2, 3`,
        [ids],
      )) as { rows: { type: string; case_id: string; before: string | null; n: number }[] };
      const doubled = events.rows.filter((r) => r.n > 1).length;
      const overdue = new Set(events.rows.filter((r) => r.type === 'task.overdue').map((r) => r.case_id)).size;
      const reminders = events.rows.filter((r) => r.type === 'task.reminded').reduce((a, r) => a + r.n, 0);
      const deliveries = [...escalationRequests.entries()].filter(([key]) => burstIds.has(key.split(':')[0] as string));
      const delivered = deliveries.filter(([, n]) => n >= 1).length;
      const lost = burst - got;
      burstLine = `${burst} deadlines handled in ${handledSeconds.toFixed(1)} s after the worker came back (${(burst / handledSeconds).toFixed(0)}/s); overdue ${overdue}, escalations received ${got} (lost ${lost}), delivered once ${deliveries.filter(([, n]) => n === 1).length} of ${delivered}, reminders ${reminders}, events recorded twice ${doubled}`;
      if (lost > 0 || doubled > 0 || overdue !== burst) process.exitCode = 1;
    }

    say('');
    say('| figure | value |');
    say('| --- | --- |');
    say(`| ${cases} cases registered and left open, concurrency ${concurrency} | ${registrationRate.toFixed(1)} cases/s |`);
    say(`| worker RSS by open cases (cache ${maxCached}) | ${memory.join(', ')} |`);
    say(`| assignment completion, ${k} cached cases: p50 / p95 | ${percentile(cachedMs, 0.5)} / ${p95(cachedMs)} ms |`);
    say(`| assignment completion, ${k} evicted cases (replayed): p50 / p95 | ${percentile(evictedMs, 0.5)} / ${p95(evictedMs)} ms |`);
    say(`| deadline burst | ${burstLine} |`);
  } finally {
    closeSend();
    for (const stop of stops.reverse()) await stop();
    await sim.close();
    await temporal.teardown();
    await database.drop();
  }
});
