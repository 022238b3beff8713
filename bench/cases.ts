/**
 * `npm run bench:cases [-- --cases N --concurrency C --open-tasks T --memory-cases M --warmup W]`: the hazard case's
 * speed figures on this machine, on a scratch database and a Temporal dev server of its own:
 *  1. N cases driven end to end through the API (register, assign, rectify with a photo, recheck, close),
 *     C at a time: cases per second and p95 per completion, beside a bare workflow taking the same
 *     four updates on the same server, as a ratio;
 *  2. the inbox with T open tasks (rows written directly: the read model the workflows would write);
 *  3. the worker's resident memory per 1,000 open cases (M cases registered and left waiting).
 * The API and the worker run in their own processes, as in production.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../domain/config.ts';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { runMain } from '../domain/run-main.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort } from '../test/support/stack.ts';
import { withStackTraceLimit } from '../workers/stack-traces.ts';
import { startTestTemporal } from '../test/support/temporal.ts';
import { tinyPng } from '../test/support/cases.ts';
import { bareStepUpdate } from './bare/workflow.ts';
import { closeSend, latencyRun, send } from './http.ts';
import { seedOpenTasks } from './open-tasks.ts';
import { cpuSecondsOf, spawnService } from './processes.ts';
import { arg, say, p95 } from './cli.ts';

/** Runs `count` jobs, `concurrency` at a time; returns the elapsed seconds. */
async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

runMain('bench:cases', async () => {
  const cases = arg('cases', 200);
  const concurrency = arg('concurrency', 10);
  const openTasks = arg('open-tasks', 100_000);
  const memoryCases = arg('memory-cases', 1000);
  const warmup = arg('warmup', 100);
  say(
    `bench:cases: ${cases} cases at concurrency ${concurrency}; inbox with ${openTasks} open tasks; memory with ${memoryCases} open cases`,
  );
  const database = await createTestDatabase();
  const temporal = await startTestTemporal();
  const dataDir = mkdtempSync(join(tmpdir(), 'ydym-bench-cases-'));
  const port = await freePort();
  const env = {
    DATABASE_URL: database.appUrl,
    TEMPORAL_ADDRESS: temporal.address,
    DATA_DIR: dataDir,
    PORT: String(port),
    // info: the processes announce readiness at info; production logs there too.
    LOG_LEVEL: 'info',
    SUPERVISION_URL: 'http://127.0.0.1:9',
  };
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const houses = (await seedSyntheticBuildings(database.db, { count: 2000, district: '441802' })) as number;
    const codes = (
      (await database.db('buildings').where('village_code', 'like', '441802006001%').select('code').limit(500)) as { code: string }[]
    ).map((r) => r.code);
    say(`  ${houses} houses; ${codes.length} in the demo users' community`);
    const worker = await spawnService('workers/main.ts', env, 'worker running');
    stops.push(() => worker.stop());
    const api = await spawnService('api/main.ts', env, 'api listening');
    stops.push(() => api.stop());
    const base = `http://127.0.0.1:${port}`;
    const token = async (username: string) => {
      const r = await fetch(`${base}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Ydym@2026' }),
      });
      return `Bearer ${((await r.json()) as { token: string }).token}`;
    };
    const [officer, town, inspector, inspector2] = await Promise.all(['officer', 'town', 'inspector', 'inspector2'].map(token));
    const call = async (auth: string, path: string, body: unknown) => {
      const r = await send(base + path, {
        method: 'POST',
        headers: { authorization: auth as string, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
      if (r.status >= 400) throw new Error(`${path}: ${r.status} ${r.text}`);
      return JSON.parse(r.text) as { id: string; openTasks: { id: string; step: string }[] };
    };
    const completions: number[] = [];
    const timed = async <T>(fn: () => Promise<T>) => {
      const t = performance.now();
      const out = await fn();
      completions.push(performance.now() - t);
      return out;
    };
    const photo = tinyPng();
    const task = (c: { openTasks: { id: string; step: string }[] }, step: string) => c.openTasks.find((t) => t.step === step)?.id as string;

    const runOne = async (i: number) => {
      let c = await call(officer as string, '/api/cases', {
        buildingCode: codes[i % codes.length],
        category: 'structure_damage',
        severity: 'general',
        description: '基准测试案件',
      });
      c = await timed(() =>
        call(town as string, `/api/tasks/${task(c, 'assign')}/complete`, {
          form: { responsibleParty: { name: '户主', relation: 'owner' }, measures: ['repair_reinforce'] },
        }),
      );
      const up = await send(`${base}/api/cases/${c.id}/files`, {
        method: 'POST',
        headers: { authorization: inspector as string, 'content-type': 'image/png' },
        body: new Uint8Array(photo),
      });
      const fileId = (JSON.parse(up.text) as { id: string }).id;
      c = await timed(() =>
        call(inspector as string, `/api/tasks/${task(c, 'rectify')}/complete`, { form: { description: '已整改', fileIds: [fileId] } }),
      );
      c = await timed(() => call(inspector2 as string, `/api/tasks/${task(c, 'recheck')}/complete`, { form: { result: 'pass' } }));
      await timed(() => call(town as string, `/api/tasks/${task(c, 'close')}/complete`, { form: { signRemoved: true } }));
    };
    const connection = await NativeConnection.connect({ address: temporal.address });
    // The platform worker's own tuning (its stack trace limit), so the ratio measures the platform's
    // work and not a difference in worker settings.
    const bareWorker = await withStackTraceLimit(loadConfig({ ...process.env, ...env }).workflowStackTraceLimit, () =>
      Worker.create({
        connection,
        taskQueue: 'bench-bare',
        workflowsPath: new URL('./bare/workflow.ts', import.meta.url).pathname,
      }),
    );
    const bareRun = bareWorker.run();
    const bareLatencies: number[] = [];
    const bareOne = async (i: number) => {
      const handle = await temporal.client.workflow.start('bareCaseWorkflow', {
        taskQueue: 'bench-bare',
        workflowId: `bare-${i}-${randomUUID()}`,
        args: [4],
      });
      for (const step of ['assign', 'rectify', 'recheck', 'close']) {
        const t = performance.now();
        await handle.executeUpdate(bareStepUpdate, { args: [step] });
        bareLatencies.push(performance.now() - t);
      }
    };
    // Warm-up, so both are measured as long-running services (the platform's JIT and pools settle over
    // its first cases); these cases are not counted.
    say(`warming up with ${warmup} cases each…`);
    await pool(warmup, concurrency, (i) => runOne(cases + concurrency + i));
    await pool(warmup, concurrency, (i) => bareOne(cases + concurrency + i));
    completions.length = 0;
    bareLatencies.length = 0;

    // This virtual machine's speed drifts by a third within minutes, so the platform and the bare
    // workflow take turns, a slice of cases each, and each total is the sum of its slices.
    const slices = Math.max(1, Math.min(4, Math.floor(cases / (2 * concurrency))));
    const others = () => ({ temporal: cpuSecondsOf('temporal'), postgres: cpuSecondsOf('postgres') });
    const cpu = { api: 0, worker: 0, temporal: 0, postgres: 0, client: 0 };
    const bareCpu = { temporal: 0, self: 0 };
    let platformSeconds = 0;
    let bareSeconds = 0;
    say(`driving cases through the API and bare workflows with the same four updates, in ${slices} turns each…`);
    for (let k = 0; k < slices; k++) {
      const count = Math.floor(cases / slices) + (k < cases % slices ? 1 : 0);
      const offset = concurrency + k * Math.ceil(cases / slices);
      const before = { api: api.cpuSeconds(), worker: worker.cpuSeconds(), ...others(), self: process.cpuUsage() };
      platformSeconds += await pool(count, concurrency, (i) => runOne(offset + i));
      const after = { ...others(), self: process.cpuUsage(before.self) };
      cpu.client += (after.self.user + after.self.system) / 1e6;
      cpu.api += api.cpuSeconds() - before.api;
      cpu.worker += worker.cpuSeconds() - before.worker;
      cpu.temporal += after.temporal - before.temporal;
      cpu.postgres += after.postgres - before.postgres;

      const bareBefore = { temporal: cpuSecondsOf('temporal'), self: process.cpuUsage() };
      bareSeconds += await pool(count, concurrency, (i) => bareOne(offset + i));
      const self = process.cpuUsage(bareBefore.self);
      bareCpu.temporal += cpuSecondsOf('temporal') - bareBefore.temporal;
      bareCpu.self += (self.user + self.system) / 1e6;
    }
    const platformRate = cases / platformSeconds;
    const platformP95 = p95(completions);
    const bareRate = cases / bareSeconds;
    bareWorker.shutdown();
    await bareRun;
    await connection.close();

    say(`worker memory with ${memoryCases} open cases…`);
    const rssBefore = worker.rssMb();
    await pool(memoryCases, concurrency, async (i) => {
      await call(officer as string, '/api/cases', {
        buildingCode: codes[i % codes.length],
        category: 'other',
        severity: 'general',
        description: '内存测试案件',
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssAfter = worker.rssMb();

    say(`inbox with ${openTasks} open tasks…`);
    await seedOpenTasks(database.db, openTasks);
    const inboxPaths = [
      ['town', '/api/tasks?view=claimable'],
      ['town', '/api/tasks?view=overdue'],
      ['inspector', '/api/tasks?view=claimable'],
      ['inspector', '/api/tasks?view=mine'],
      ['officer', '/api/tasks?view=overdue'],
      ['town', '/api/tasks/counts'],
    ] as const;
    const auths: Record<string, string> = { town: town as string, inspector: inspector as string, officer: officer as string };
    const inbox: Record<string, { p95?: number; total?: number }> = {};
    for (const [user, path] of inboxPaths) {
      const urls = Array.from({ length: 200 }, (_, i) => `${base}${path}${path.includes('?') ? '&' : '?'}page=${1 + (i % 4)}`);
      await latencyRun(urls.slice(0, 20), 4, { authorization: auths[user] as string });
      const r = await latencyRun(urls, 4, { authorization: auths[user] as string });
      const body = (await (await fetch(base + path, { headers: { authorization: auths[user] as string } })).json()) as { total?: number };
      inbox[`${user} ${path}`] = { p95: r.p95, total: body.total };
    }

    say('');
    say('| figure | platform | baseline | ratio | target |');
    say('| --- | --- | --- | --- | --- |');
    say(
      `| ${cases} cases end to end, concurrency ${concurrency} | ${platformRate.toFixed(1)} cases/s, completion p95 ${platformP95} ms | ${bareRate.toFixed(1)} bare cases/s (4 updates), update p95 ${p95(bareLatencies)} ms | ${(platformRate / bareRate).toFixed(2)} of bare | ≥ 0.5 of bare |`,
    );
    say(
      `| CPU per case (API / worker / Temporal server / PostgreSQL / HTTP client) | ${[cpu.api, cpu.worker, cpu.temporal, cpu.postgres, cpu.client].map((s) => ((s * 1000) / cases).toFixed(0)).join(' / ')} ms | Temporal server ${((bareCpu.temporal * 1000) / cases).toFixed(0)} ms, bare client and worker ${((bareCpu.self * 1000) / cases).toFixed(0)} ms | — | — |`,
    );
    for (const [name, r] of Object.entries(inbox)) {
      say(`| inbox ${name} (${openTasks} open tasks; ${r.total ?? '—'} match) | ${r.p95} ms p95 | — | — | p95 < 50 ms |`);
    }
    say(
      `| worker memory, ${memoryCases} open cases | ${((rssAfter - rssBefore) / (memoryCases / 1000)).toFixed(0)} MB per 1,000 (RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB) | — | — | — |`,
    );
  } finally {
    closeSend();
    for (const stop of stops.reverse()) await stop();
    await temporal.teardown();
    await database.drop();
  }
});
