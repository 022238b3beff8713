/**
 * `npm run bench:registry [-- --rows 260000]`: the registry's speed figures on this machine, each beside
 * a baseline measured in the same run: import vs raw COPY, by-code p99 under 50 connections vs a bare
 * indexed SELECT behind a bare HTTP handler, a filtered sorted list page p95 vs the same, label PDF
 * output vs bare qrcode. Runs on a scratch database it creates and drops. `--rate R` sets the open-loop
 * by-code load (default 250 requests/s from 50 clients).
 */
import { cpus } from 'node:os';
import { spawn } from 'node:child_process';
import { runMain } from '../scripts/lib/main.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { autocannonRun, latencyRun } from './http.ts';
import type { LoadResult } from './http.ts';
import { benchImport } from './import.ts';
import { benchLabelPrinting } from './labels.ts';
import { openLoopInChild } from './open-loop.ts';
import { arg, say } from './cli.ts';

/** Starts bench/serve.ts in a child process and waits for its URL. */
function serve(mode: 'api' | 'bare', databaseUrl: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./serve.ts', import.meta.url).pathname, mode, databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const url = /listening (\S+)/.exec(chunk.toString())?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bench server ${mode} exited (${code})`)));
  });
}
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

runMain('bench:registry', async () => {
  const rows = arg('rows', 260_000);
  const pacedRate = arg('rate', 250);
  say(`bench:registry: ${rows} synthetic buildings on a scratch database (this machine: ${cpus().length} cores)`);
  const database = await createTestDatabase();
  try {
    say('importing…');
    const imp = await benchImport(database.db, { rows });
    // As autovacuum would after a bulk load: statistics and the visibility map for index-only counts.
    await database.db.raw('VACUUM ANALYZE buildings');
    // Write the bulk load's dirty pages out now, not in the middle of a latency run.
    await database.db.raw('CHECKPOINT');

    const api = await serve('api', database.url);
    const bare = await serve('bare', database.url);
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
      const byCode = await autocannonRun(
        api.url,
        codes.map((c) => `/api/buildings/by-code/${c}`),
        { headers: auth },
      );
      const byCodeBare = await autocannonRun(
        bare.url,
        codes.map((c) => `/by-code/${c}`),
      );
      // The same 50 clients, each on its own steady schedule (open loop): latency at a stated load,
      // after a warm-up (connections, JIT) that is not counted.
      say(`by-code, 50 clients open loop at ${pacedRate} req/s (15 s each, after a 5 s warm-up)…`);
      const paced = (base: string, paths: string[], headers?: Record<string, string>) =>
        openLoopInChild(base, paths, { clients: 50, rate: pacedRate, seconds: 15, warmUpSeconds: 5, ...(headers ? { headers } : {}) });
      const byCodePaced = await paced(
        api.url,
        codes.map((c) => `/api/buildings/by-code/${c}`),
        auth,
      );
      const byCodeBarePaced = await paced(
        bare.url,
        codes.map((c) => `/by-code/${c}`),
      );

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
        `${r[p]} ms p${p.slice(1)}, ${r.requestsPerSecond} req/s${r.errors ? `, ${r.errors} errors` : ''}`;
      say('');
      say('| figure | platform | baseline | ratio | target |');
      say('| --- | --- | --- | --- | --- |');
      say(
        `| import ${rows} rows | ${(imp.importMs / 1000).toFixed(1)} s (${imp.inserted} inserted) | ${(imp.baselineMs / 1000).toFixed(1)} s raw ${imp.baselineMethod} | ${ratio(imp.importMs, imp.baselineMs)} | < 90 s |`,
      );
      say(
        `| by-code, 50 connections, flat out | ${fmt(byCode, 'p99')} | ${fmt(byCodeBare, 'p99')} | ${ratio(byCode.p99, byCodeBare.p99)} p99 | p99 < 20 ms |`,
      );
      say(
        `| by-code, 50 clients, open loop ${pacedRate} req/s | ${fmt(byCodePaced, 'p99')} | ${fmt(byCodeBarePaced, 'p99')} | ${ratio(byCodePaced.p99, byCodeBarePaced.p99)} p99 | p99 < 20 ms |`,
      );
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
