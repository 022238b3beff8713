/**
 * `npm run bench:intake [-- --seconds S --inspections N --concurrency C]`: intake's speed figures on
 * this machine, on a scratch database and a Temporal dev server of its own, the API and the worker in
 * their own processes as in production:
 *  1. complaints through Open311 `POST requests` from 50 concurrent clients for S seconds (each one
 *     written, its notification recorded and its verification workflow started), beside a bare insert of
 *     the same row behind a bare HTTP handler in the same run;
 *  2. N inspections with a hazard through the API, C at a time, half on houses with no open case (each
 *     opens a case and starts its workflow) and half on houses whose case is open (each joins it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { runMain } from '../domain/run-main.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort } from '../test/support/ports.ts';
import { startTestTemporal } from '../test/support/temporal.ts';
import { startBareServer } from './bare-server.ts';
import { closedLoopPost } from './http.ts';
import type { LoadResult } from './http.ts';
import { spawnService } from './processes.ts';
import { arg, say, p95 } from './cli.ts';

runMain('bench:intake', async () => {
  const seconds = arg('seconds', 10);
  const inspections = arg('inspections', 200);
  const concurrency = arg('concurrency', 10);
  say(`bench:intake: Open311 complaints from 50 clients for ${seconds} s; ${inspections} inspections at concurrency ${concurrency}`);
  const database = await createTestDatabase();
  const temporal = await startTestTemporal();
  const port = await freePort();
  const env = {
    DATABASE_URL: database.appUrl,
    TEMPORAL_ADDRESS: temporal.address,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ydym-bench-intake-')),
    PORT: String(port),
    LOG_LEVEL: 'info',
    SUPERVISION_URL: 'http://127.0.0.1:9',
    // Text messages (rectification notices) go nowhere either: the discard port refuses them, retried in the background.
    SMS_URL: 'http://127.0.0.1:9',
    // One load generator is one network address: the per-address limit would refuse it after five.
    COMPLAINTS_PER_HOUR: '100000',
  };
  const stops: (() => Promise<void> | void)[] = [];
  try {
    await seedSyntheticBuildings(database.db, { count: 2000, district: '441802' });
    const codes = (
      (await database.db('buildings').where('village_code', 'like', '441802006001%').select('code').limit(1000)) as { code: string }[]
    ).map((r) => r.code);
    const worker = await spawnService('workers/main.ts', env, 'worker running');
    stops.push(() => worker.stop());
    const api = await spawnService('api/main.ts', env, 'api listening');
    stops.push(() => api.stop());
    const bare = await startBareServer(database.appUrl);
    stops.push(() => bare.close());
    const base = `http://127.0.0.1:${port}`;

    const complaint = (i: number) =>
      new URLSearchParams({
        service_code: 'structure_damage',
        'attribute[building_code]': codes[i % codes.length] as string,
        description: `基准测试投诉：墙体裂缝 ${i}`,
      }).toString();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    say('warming up…');
    await closedLoopPost(`${base}/open311/v2/requests.json`, complaint, { clients: 10, seconds: 2, headers: form });
    await closedLoopPost(`${bare.url}/complaints`, complaint, { clients: 10, seconds: 2, headers: form });
    say('Open311 complaints, 50 clients…');
    const cpuBefore = { api: api.cpuSeconds(), worker: worker.cpuSeconds() };
    const open311 = await closedLoopPost(`${base}/open311/v2/requests.json`, complaint, { clients: 50, seconds, headers: form });
    const complaintCpu = { api: api.cpuSeconds() - cpuBefore.api, worker: worker.cpuSeconds() - cpuBefore.worker };
    const complaintCount = open311.requestsPerSecond * seconds;
    const bareRun = await closedLoopPost(`${bare.url}/complaints`, complaint, { clients: 50, seconds, headers: form });

    // Each complaint started a workflow whose first task the worker may still be working through:
    // wait until it is idle, so the inspections are not measured queued behind that backlog.
    say('waiting for the worker to finish the complaints’ first workflow tasks…');
    for (let idle = 0, t = 0; idle < 3 && t < 120; t++) {
      const before = worker.cpuSeconds();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      idle = worker.cpuSeconds() - before < 0.05 ? idle + 1 : 0;
    }
    say('inspections with a hazard…');
    const login = await fetch(`${base}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The town officer inspects across the town (the demo inspector's village holds only a dozen houses).
      body: JSON.stringify({ username: 'town', password: 'Ydym@2026' }),
    });
    const auth = `Bearer ${((await login.json()) as { token: string }).token}`;
    // Houses no complaint touched: the first half open a case, the second half inspect the same houses again and join it.
    const fresh = (
      (await database
        .db('buildings')
        .where('village_code', 'like', '441802006%')
        .whereNotIn('code', codes)
        .select('code')
        .limit(inspections)) as {
        code: string;
      }[]
    ).map((r) => r.code);
    const half = Math.max(1, Math.floor(inspections / 2));
    const latencies: number[] = [];
    let joined = 0;
    let failed = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < inspections) {
          const i = next++;
          const t = performance.now();
          const r = await fetch(`${base}/api/inspections`, {
            method: 'POST',
            headers: { authorization: auth, 'content-type': 'application/json' },
            body: JSON.stringify({
              id: randomUUID(),
              buildingCode: fresh[i % half],
              judgement: 'some',
              hazards: [{ category: 'ancillary', description: '阳台栏杆松动' }],
              fileIds: [],
              position: null,
              inspectedAt: new Date().toISOString(),
            }),
          });
          const body = (await r.json()) as { hazards?: { joined: boolean }[] };
          latencies.push(performance.now() - t);
          if (!r.ok) failed++;
          if (body.hazards?.[0]?.joined) joined++;
        }
      }),
    );
    const inspectionRate = inspections / ((performance.now() - started) / 1000);

    const fmt = (r: LoadResult) => `${r.requestsPerSecond} req/s, p95 ${r.p95} ms${r.errors ? `, ${r.errors} errors` : ''}`;
    say('');
    say('| figure | platform | baseline | ratio |');
    say('| --- | --- | --- | --- |');
    say(
      `| Open311 POST requests, 50 clients, ${seconds} s | ${fmt(open311)} | ${fmt(bareRun)} bare insert | ${(open311.requestsPerSecond / Math.max(1, bareRun.requestsPerSecond)).toFixed(2)} of bare |`,
    );
    say(
      `| CPU per complaint (API / worker process) | ${((complaintCpu.api * 1000) / Math.max(1, complaintCount)).toFixed(1)} ms / ${((complaintCpu.worker * 1000) / Math.max(1, complaintCount)).toFixed(1)} ms | — | — |`,
    );
    say(
      `| inspections with a hazard, concurrency ${concurrency} | ${inspectionRate.toFixed(1)} inspections/s, p95 ${p95(latencies)} ms (${inspections - joined - failed} opened a case, ${joined} joined one${failed ? `, ${failed} failed` : ''}) | — | — |`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
    await temporal.teardown();
    await database.drop();
  }
});
