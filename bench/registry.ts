/**
 * `npm run bench:registry [-- --rows 260000]`: the registry's speed figures on this machine, each beside
 * a baseline measured in the same run: import vs raw COPY, by-code p99 under 50 connections vs a bare
 * indexed SELECT behind a bare HTTP handler, a filtered sorted list page p95 vs the same, label PDF
 * output vs bare qrcode. Runs on a scratch database it creates and drops. `--rates 250,500,1000` sets the
 * stated by-code loads (requests/s from 50 clients).
 */
import { cpus } from 'node:os';
import { serveApi } from './stats-database.ts';
import { runMain } from '../domain/run-main.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { autocannonRun, latencyRun } from './http.ts';
import type { LoadResult } from './http.ts';
import { benchImport } from './import.ts';
import { benchLabelPrinting } from './labels.ts';
import { openLoopInChild } from './open-loop.ts';
import { cpuSecondsOf, processCpuSeconds } from './processes.ts';
import type { OpenLoopOptions } from './open-loop.ts';
import { arg, argList, say } from './cli.ts';

/** Starts bench/serve.ts in a child process and waits for its URL. */
const serve = (mode: 'api' | 'bare', databaseUrl: string) => serveApi(databaseUrl, mode);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

runMain('bench:registry', async () => {
  const rows = arg('rows', 260_000);
  const pacedRates = argList('rates', [250, 500, 1000]);
  say(`bench:registry: ${rows} synthetic buildings on a scratch database (this machine: ${cpus().length} cores)`);
  const database = await createTestDatabase();
  try {
    say('importing…');
    const imp = await benchImport(database.db, { rows });
    // As autovacuum would after a bulk load: statistics and the visibility map for index-only counts.
    await database.db.raw('VACUUM ANALYZE buildings');
    // Write the bulk load's dirty pages out now, not in the middle of a latency run.
    await database.db.raw('CHECKPOINT');

    const api = await serve('api', database.appUrl);
    const bare = await serve('bare', database.appUrl);
    try {
      const login = await fetch(`${api.url}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Ydym@2026' }),
      });
      const { token } = (await login.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      const codes = ((await database.db('buildings').select('code').orderByRaw('random()').limit(2000)) as { code: string }[]).map(
        (r) => r.code,
      );

      say('by-code under 50 connections (10 s each)…');
      // CPU per request of the server process and of PostgreSQL, to show where a request's time goes.
      const flatOut = async (server: { url: string; pid: number }, paths: string[], headers?: Record<string, string>) => {
        const before = { server: processCpuSeconds(server.pid), postgres: cpuSecondsOf('postgres') };
        const seconds = 10;
        const result = await autocannonRun(server.url, paths, { seconds, ...(headers ? { headers } : {}) });
        const requests = result.requestsPerSecond * seconds;
        const perRequest = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, requests));
        return {
          result,
          serverUs: perRequest(processCpuSeconds(server.pid) - before.server),
          postgresUs: perRequest(cpuSecondsOf('postgres') - before.postgres),
        };
      };
      const byCode = await flatOut(
        api,
        codes.map((c) => `/api/buildings/by-code/${c}`),
        auth,
      );
      const byCodeBare = await flatOut(
        bare,
        codes.map((c) => `/by-code/${c}`),
      );
      // 50 clients at stated loads, each client on its own pace (see open-loop.ts), after a warm-up
      // (connections, JIT) that is not counted: autocannon at each rate, and as a cross-check the
      // open-loop generator, which counts from when a request was due, at the lower rates (at the
      // highest it shares the two cores with a busy server and its own timers fire late).
      const paced = async (engine: OpenLoopOptions['engine'], rate: number) => {
        say(`by-code, 50 ${engine} clients at ${rate} req/s (15 s each, after a 5 s warm-up)…`);
        const options = { engine, clients: 50, rate, seconds: 15, warmUpSeconds: 5 };
        const platform = await openLoopInChild(
          api.url,
          codes.map((c) => `/api/buildings/by-code/${c}`),
          { ...options, headers: auth },
        );
        const baseline = await openLoopInChild(
          bare.url,
          codes.map((c) => `/by-code/${c}`),
          options,
        );
        return { engine, rate, platform, baseline };
      };
      const pacedRuns = [];
      for (const rate of pacedRates) pacedRuns.push(await paced('autocannon', rate));
      for (const rate of pacedRates.slice(0, -1)) pacedRuns.push(await paced('open-loop', rate));

      say('filtered, sorted list pages…');
      const towns = ['441802006', '441802007', '441802008', '441802103'];
      const listPaths = Array.from({ length: 400 }, (_, i) => `?regionCode=${towns[i % 4]}&use=rental&page=${1 + (i % 5)}`);
      await latencyRun(
        listPaths.slice(0, 40).map((q) => `${api.url}/api/buildings${q}&sort=yearBuilt&order=desc`),
        4,
        auth,
      );
      const list = await latencyRun(
        listPaths.map((q) => `${api.url}/api/buildings${q}&sort=yearBuilt&order=desc`),
        4,
        auth,
      );
      const listBare = await latencyRun(
        listPaths.map((q) => `${bare.url}/list${q}`),
        4,
      );

      say('label sheets…');
      const labels = await benchLabelPrinting(3000);

      const fmt = (r: LoadResult, p: 'p95' | 'p99') =>
        `${r[p]} ms p${p.slice(1)}, ${r.requestsPerSecond} req/s${r.errors ? `, ${r.errors} errors` : ''}${r.senderLateP99 !== undefined ? ` (sender late p99 ${r.senderLateP99} ms)` : ''}`;
      say('');
      say('| figure | platform | baseline | ratio | target |');
      say('| --- | --- | --- | --- | --- |');
      say(
        `| import ${rows} rows | ${(imp.importMs / 1000).toFixed(1)} s (${imp.inserted} inserted) | ${(imp.baselineMs / 1000).toFixed(1)} s raw ${imp.baselineMethod} | ${ratio(imp.importMs, imp.baselineMs)} | < 90 s |`,
      );
      say(
        `| by-code, 50 connections, flat out | ${fmt(byCode.result, 'p99')} | ${fmt(byCodeBare.result, 'p99')} | ${ratio(byCode.result.p99, byCodeBare.result.p99)} p99 | p99 < 20 ms |`,
      );
      say(
        `| CPU per by-code request, flat out (server / PostgreSQL) | ${byCode.serverUs} / ${byCode.postgresUs} µs | ${byCodeBare.serverUs} / ${byCodeBare.postgresUs} µs | ${ratio(byCode.serverUs, byCodeBare.serverUs)} server | — |`,
      );
      for (const r of pacedRuns) {
        say(
          `| by-code, 50 ${r.engine} clients, ${r.rate} req/s | ${fmt(r.platform, 'p99')} | ${fmt(r.baseline, 'p99')} | ${ratio(r.platform.p99, r.baseline.p99)} p99 | p99 < 20 ms |`,
        );
      }
      say(
        `| list page (town, use, sort by year) | ${fmt(list, 'p95')} | ${fmt(listBare, 'p95')} | ${ratio(list.p95 ?? 0, listBare.p95 ?? 0)} p95 | p95 < 50 ms |`,
      );
      say(
        `| label PDF | ${labels.labelsPerSecond} labels/s | ${labels.qrPerSecond} bare QR symbols/s | ${ratio(labels.qrPerSecond, labels.labelsPerSecond)} slower | ≥ 300 labels/s |`,
      );
    } finally {
      bare.stop();
      api.stop();
    }
  } finally {
    await database.drop();
  }
});
