/**
 * `npm run bench:cases [-- --cases N --concurrency C --rate R --open-tasks T --memory-cases M --warmup W]`: the
 * hazard case's speed figures on this machine, on a scratch database and a Temporal dev server of its own:
 *  1. N cases driven end to end through the API (register, assign, rectify with a photo, recheck, close),
 *     C at a time: cases per second, completion p95 and CPU per case by process, beside the like-for-like
 *     baseline: a workflow doing per step only what a case cannot avoid (a no-op local activity, one
 *     search-attribute upsert, one timer), driven through a plain node:http + pg handler, both in
 *     processes of their own as the API and the worker are;
 *  2. the same two under open-loop load: R cases a second started on schedule, each stepped to its end,
 *     completion p95 counted from when each step was due;
 *  3. the inbox with T open tasks (rows written directly: the read model the workflows would write), each
 *     view beside the same page read by a bare indexed query through node:http + pg;
 *  4. the worker's resident memory per 1,000 open cases (M cases registered and left waiting).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../domain/run-main.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort } from '../test/support/stack.ts';
import { startTestTemporal } from '../test/support/temporal.ts';
import { tinyPng } from '../test/support/cases.ts';
import { startBareServer } from './bare-server.ts';
import { login, pool, postCase, seedBenchHouses, serviceEnv, taskOf } from './case-api.ts';
import { closeSend, latencyRun, send } from './http.ts';
import { seedOpenTasks } from './open-tasks.ts';
import { cpuSecondsOf, spawnService } from './processes.ts';
import type { Service } from './processes.ts';
import { arg, say, p95, percentile } from './cli.ts';

runMain('bench:cases', async () => {
  const cases = arg('cases', 200);
  const concurrency = arg('concurrency', 10);
  const openTasks = arg('open-tasks', 100_000);
  const memoryCases = arg('memory-cases', 1000);
  const warmup = arg('warmup', 100);
  const rate = arg('rate', 2);
  const openSeconds = arg('open-seconds', 60);
  say(
    `bench:cases: ${cases} cases at concurrency ${concurrency}; inbox with ${openTasks} open tasks; memory with ${memoryCases} open cases`,
  );
  const database = await createTestDatabase();
  const temporal = await startTestTemporal();
  const dataDir = mkdtempSync(join(tmpdir(), 'ydym-bench-cases-'));
  const port = await freePort();
  const env = serviceEnv(database.appUrl, temporal.address, dataDir, port);
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const { houses, codes } = await seedBenchHouses(database.db);
    say(`  ${houses} houses; ${codes.length} in the demo users' community`);
    const worker = await spawnService('workers/main.ts', env, 'worker running');
    stops.push(() => worker.stop());
    const api = await spawnService('api/main.ts', env, 'api listening');
    stops.push(() => api.stop());
    const base = `http://127.0.0.1:${port}`;
    const [officer, town, inspector, inspector2] = await Promise.all(
      ['officer', 'town', 'inspector', 'inspector2'].map((u) => login(base, u)),
    );
    const call = (auth: string, path: string, body: unknown) => postCase(base, auth, path, body);
    const completions: number[] = [];
    /** A step's completion, timed from `from` (when an open-loop case was due) or from now. */
    const timed = async <T>(fn: () => Promise<T>, from?: number) => {
      const t = from ?? performance.now();
      const out = await fn();
      completions.push(performance.now() - t);
      return out;
    };
    const photo = tinyPng();
    const task = taskOf;

    const runOne = async (i: number, due?: number) => {
      let c = await call(officer as string, '/api/cases', {
        buildingCode: codes[i % codes.length],
        category: 'structure_damage',
        severity: 'general',
        description: '基准测试案件',
      });
      c = await timed(
        () =>
          call(town as string, `/api/tasks/${task(c, 'assign')}/complete`, {
            form: { responsibleParty: { name: '户主', relation: 'owner' }, measures: ['repair_reinforce'] },
          }),
        due,
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
    // The like-for-like baseline, in two processes of its own beside the platform's two.
    await database.db.raw('CREATE TABLE bare_cases (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), step int NOT NULL)');
    const barePort = await freePort();
    const bareEnv = { ...env, DATABASE_URL: database.url, PORT: String(barePort), BARE_TASK_QUEUE: 'bench-like' };
    const bareWorker = await spawnService('bench/bare/worker.ts', bareEnv, 'bare worker running');
    stops.push(() => bareWorker.stop());
    const bareApi = await spawnService('bench/bare/service.ts', bareEnv, 'bare api listening');
    stops.push(() => bareApi.stop());
    const bareBase = `http://127.0.0.1:${barePort}`;
    const bareLatencies: number[] = [];
    const bareCall = async (path: string) => {
      const r = await send(bareBase + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (r.status >= 400) throw new Error(`baseline ${path}: ${r.status} ${r.text}`);
      return JSON.parse(r.text) as { id: string };
    };
    const bareOne = async (_i: number, due?: number) => {
      const { id } = await bareCall('/cases');
      for (let k = 0; k < 4; k++) {
        const t = due ?? performance.now();
        await bareCall(`/cases/${id}/step`);
        bareLatencies.push(performance.now() - t);
        due = undefined;
      }
    };
    // Warm-up, so both are measured as long-running services (the platform's JIT and pools settle over
    // its first cases); these cases are not counted.
    say(`warming up with ${warmup} cases each…`);
    await pool(warmup, concurrency, (i) => runOne(cases + concurrency + i));
    await pool(warmup, concurrency, (i) => bareOne(i));
    completions.length = 0;
    bareLatencies.length = 0;

    // This virtual machine's speed drifts by a third within minutes, so the platform and the baseline
    // take turns, a slice of cases each, and each total is the sum of its slices.
    const slices = Math.max(1, Math.min(4, Math.floor(cases / (2 * concurrency))));
    const others = () => ({ temporal: cpuSecondsOf('temporal'), postgres: cpuSecondsOf('postgres') });
    const cpu = { api: 0, worker: 0, temporal: 0, postgres: 0, client: 0 };
    const bareCpu = { api: 0, worker: 0, temporal: 0, postgres: 0, client: 0 };
    const measure = async (into: typeof cpu, api: Service, worker: Service, run: () => Promise<number>) => {
      const before = { api: api.cpuSeconds(), worker: worker.cpuSeconds(), ...others(), self: process.cpuUsage() };
      const seconds = await run();
      const after = { ...others(), self: process.cpuUsage(before.self) };
      into.client += (after.self.user + after.self.system) / 1e6;
      into.api += api.cpuSeconds() - before.api;
      into.worker += worker.cpuSeconds() - before.worker;
      into.temporal += after.temporal - before.temporal;
      into.postgres += after.postgres - before.postgres;
      return seconds;
    };
    let platformSeconds = 0;
    let bareSeconds = 0;
    say(`driving cases through the API and the baseline, in ${slices} turns each…`);
    for (let k = 0; k < slices; k++) {
      const count = Math.floor(cases / slices) + (k < cases % slices ? 1 : 0);
      const offset = concurrency + k * Math.ceil(cases / slices);
      platformSeconds += await measure(cpu, api, worker, () => pool(count, concurrency, (i) => runOne(offset + i)));
      bareSeconds += await measure(bareCpu, bareApi, bareWorker, () => pool(count, concurrency, (i) => bareOne(i)));
    }
    const platformRate = cases / platformSeconds;
    const platformP95 = p95(completions);
    const bareRate = cases / bareSeconds;
    const closedBareP95 = p95(bareLatencies);

    // Open loop: cases started on schedule whatever the answers, each step's latency counted from when
    // its case was due to start for the first step (a late start shows), from its own send after that.
    const openLoop = async (one: (i: number, due: number) => Promise<void>, latencies: number[]) => {
      latencies.length = 0;
      const count = Math.max(1, Math.round(rate * openSeconds));
      const start = performance.now() + 50;
      await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const due = start + (i * 1000) / rate;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          await one(offset0 + i, due);
        }),
      );
      return { p50: percentile(latencies, 0.5), p95: p95(latencies), p99: percentile(latencies, 0.99) };
    };
    const offset0 = concurrency + 2 * cases + warmup + 10;
    say(`open loop: ${rate} cases/s for ${openSeconds} s each…`);
    const platformOpen = await openLoop((i, due) => runOne(i, due), completions);
    const bareOpen = await openLoop((i, due) => bareOne(i, due), bareLatencies);

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
    // The baseline reads the same pages for the same users, named in its query string.
    const bare = await startBareServer(database.url);
    stops.push(() => bare.close());
    const people = (await database.db('users').whereIn('username', Object.keys(auths)).select('username', 'id', 'role', 'region_code')) as {
      username: string;
      id: string;
      role: string;
      region_code: string;
    }[];
    const bareQuery = (user: string, path: string) => {
      const who = people.find((u) => u.username === user);
      if (!who) throw new Error(`no demo user ${user}`);
      const view = path.endsWith('/counts') ? 'counts' : (new URL(path, base).searchParams.get('view') as string);
      return `${bare.url}/inbox?view=${view}&user=${who.id}&role=${who.role}&region=${who.region_code}`;
    };
    const inbox: Record<string, { p95: number; bareP95: number; total?: number; bareTotal?: number }> = {};
    for (const [user, path] of inboxPaths) {
      const pages = (url: string) => Array.from({ length: 200 }, (_, i) => `${url}${url.includes('?') ? '&' : '?'}page=${1 + (i % 4)}`);
      const urls = pages(base + path);
      const bareUrls = pages(bareQuery(user, path));
      await latencyRun(urls.slice(0, 20), 4, { authorization: auths[user] as string });
      await latencyRun(bareUrls.slice(0, 20), 4);
      // In turns, a half each at a time, so a drift of the machine's speed falls on both.
      const [r1, b1] = [
        await latencyRun(urls.slice(0, 100), 4, { authorization: auths[user] as string }),
        await latencyRun(bareUrls.slice(0, 100), 4),
      ];
      const [r2, b2] = [
        await latencyRun(urls.slice(100), 4, { authorization: auths[user] as string }),
        await latencyRun(bareUrls.slice(100), 4),
      ];
      const body = (await (await fetch(base + path, { headers: { authorization: auths[user] as string } })).json()) as { total?: number };
      const bareBody = (await (await fetch(bareQuery(user, path))).json()) as { total?: number };
      inbox[`${user} ${path}`] = {
        p95: Math.max(r1.p95 ?? 0, r2.p95 ?? 0),
        bareP95: Math.max(b1.p95 ?? 0, b2.p95 ?? 0),
        total: body.total,
        bareTotal: bareBody.total,
      };
    }

    const perCase = (c: typeof cpu) => {
      const parts = [c.api, c.worker, c.temporal, c.postgres].map((s) => (s * 1000) / cases);
      return `${parts.reduce((a, b) => a + b, 0).toFixed(0)} ms (${parts.map((x) => x.toFixed(0)).join(' / ')})`;
    };
    say('');
    say('| figure | platform | like-for-like baseline | ratio | target |');
    say('| --- | --- | --- | --- | --- |');
    say(
      `| ${cases} cases end to end, concurrency ${concurrency} | ${platformRate.toFixed(1)} cases/s, completion p95 ${platformP95} ms | ${bareRate.toFixed(1)} cases/s, step p95 ${closedBareP95} ms | ${(platformRate / bareRate).toFixed(2)} of the baseline's rate | — |`,
    );
    const cpuTotal = (c: typeof cpu) => ((c.api + c.worker + c.temporal + c.postgres) * 1000) / cases;
    say(
      `| CPU per case, total (API / worker / Temporal server / PostgreSQL) | ${perCase(cpu)} | ${perCase(bareCpu)} | ${(cpuTotal(cpu) / cpuTotal(bareCpu)).toFixed(2)} × | ≤ 60 ms in total |`,
    );
    say(
      `| load generator's own CPU per case | ${((cpu.client * 1000) / cases).toFixed(0)} ms | ${((bareCpu.client * 1000) / cases).toFixed(0)} ms | — | — |`,
    );
    say(
      `| open loop, ${rate} cases/s for ${openSeconds} s: completion p50 / p95 / p99 | ${platformOpen.p50} / ${platformOpen.p95} / ${platformOpen.p99} ms | ${bareOpen.p50} / ${bareOpen.p95} / ${bareOpen.p99} ms | ${(platformOpen.p95 / Math.max(0.1, bareOpen.p95)).toFixed(1)} × p95 | — |`,
    );
    for (const [name, r] of Object.entries(inbox)) {
      const totals =
        r.total === r.bareTotal ? `${r.total ?? '—'} match` : `${r.total ?? '—'} match, baseline counted ${r.bareTotal ?? '—'}`;
      say(
        `| inbox ${name} (${openTasks} open tasks; ${totals}) | ${r.p95} ms p95 | ${r.bareP95} ms p95 (bare indexed query) | ${(r.p95 / Math.max(0.1, r.bareP95)).toFixed(1)} × | p95 < 50 ms |`,
      );
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
