/**
 * `npm run bench:map [-- --viewers 20 --seconds 5 --cold 120 --zooms 10,11,…,17 --scale 1 --no-render]`: the map's
 * tiles (issue 18 §3) on the 260,000-house database the statistics bench shares (bench/stats-database.ts),
 * through the real API in its own process, each figure beside a baseline doing comparable work in the
 * same run:
 *  - per scope (the district officer, a town officer) and zoom, up to `--cold` distinct tiles picked
 *    under random houses: "cold" is each tile's first request (nothing in the API's tile cache), half of
 *    them sent one at a time (a tile's own cost), half by `--viewers` concurrent viewers (with queueing); "warm" repeats them for `--seconds` (answered from the cache after a
 *    check of `map_version`); the baseline serves the same tiles' bytes from files with a bare node:http
 *    server in its own process, at the same concurrency;
 *  - the tile source's memory: the API process's resident memory before the first tile and after all;
 *  - the district map's first full render in Chromium, with no tile cached and from the cache (needs the
 *    built UI; `--no-render` skips it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tileOf } from '../domain/map/tiles.ts';
import { runMain } from '../domain/run-main.ts';
import { scaledSize } from '../tools/synthetic/statistics-dataset.ts';
import { arg, argList, percentile, say } from './cli.ts';
import { closeSend, send } from './http.ts';
import { renderDistrictMap } from './map-render.ts';
import { flag, loadDataset, openDatabase, serveApi } from './stats-database.ts';

const TOWN = '441802006';

/** Resident memory of a process, MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

interface Figures {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  perSecond: number;
}

/** Every URL once, `viewers` at a time. */
async function once(urls: string[], viewers: number, headers: Record<string, string>): Promise<Figures> {
  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const t = performance.now();
        const r = await send(url, { headers });
        if (r.status !== 200) errors++;
        ms.push(performance.now() - t);
      }
    }),
  );
  return {
    n: ms.length,
    errors,
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    perSecond: ms.length / ((performance.now() - started) / 1000),
  };
}

/** Random URLs of the list for `seconds`, `viewers` in a closed loop. */
async function loop(urls: string[], viewers: number, seconds: number, headers: Record<string, string>): Promise<Figures> {
  const ms: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const r = await send(urls[Math.floor(Math.random() * urls.length)]!, { headers });
        if (r.status !== 200) errors++;
        ms.push(performance.now() - t);
      }
    }),
  );
  return { n: ms.length, errors, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), perSecond: ms.length / seconds };
}

const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const cell = (r: Figures) => `${f(r.p50)} / ${f(r.p95)}${r.errors ? ` (${r.errors} errors)` : ''}`;

runMain('bench:map', async () => {
  const viewers = arg('viewers', 20);
  const seconds = arg('seconds', 5);
  const coldTiles = arg('cold', 120);
  const zooms = argList('zooms', [10, 11, 12, 13, 14, 15, 16, 17]);
  const size = scaledSize(arg('scale', 1));
  const startLoad = loadavg()[0] ?? 0;
  say(`bench:map: ${size.houses} houses; ${viewers} viewers; zooms ${zooms.join(',')}; this machine: ${cpus().length} cores`);
  const database = await openDatabase(size);
  const { db } = database;
  const stops: (() => void | Promise<void>)[] = [() => db.destroy()];
  const dir = mkdtempSync(join(tmpdir(), 'ydym-bench-map-'));
  stops.push(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await loadDataset(database, size);
    // As autovacuum leaves a table after a bulk load: statistics current, the visibility map set (index-only scans).
    await db.raw('VACUUM ANALYZE buildings');
    const api = await serveApi(database.appUrl);
    stops.push(() => api.stop());
    const token = async (username: string) => {
      const r = await send(`${api.url}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Ydym@2026' }),
      });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      return { authorization: `Bearer ${(JSON.parse(r.text) as { token: string }).token}` };
    };
    const files = await serveApi(dir, 'files');
    stops.push(() => files.stop());
    const rssBefore = rssMb(api.pid);
    let tileBytes = 0;
    const rows: string[] = [];
    for (const [scope, username, prefix] of [
      ['district 441802', 'officer', '441802'],
      [`town ${TOWN}`, 'town', TOWN],
    ] as const) {
      const headers = await token(username);
      const houses = (
        await db.raw(
          `SELECT longitude, latitude FROM buildings TABLESAMPLE SYSTEM (5) REPEATABLE (7)
           WHERE village_code LIKE ? AND longitude IS NOT NULL LIMIT 2000`,
          [`${prefix}%`],
        )
      ).rows as { longitude: number; latitude: number }[];
      for (const z of zooms) {
        const tiles = [...new Set(houses.map((h) => tileOf(z, h.longitude, h.latitude)).map((t) => `${t.z}/${t.x}/${t.y}`))].slice(
          0,
          coldTiles,
        );
        const urls = tiles.map((t) => `${api.url}/api/map/tiles/houses/${t}.mvt`);
        // Half the tiles cold one at a time (a tile's own cost), the other half cold at `viewers` at once.
        const alone = await once(
          urls.filter((_, i) => i % 2 === 1),
          1,
          headers,
        );
        const cold = await once(
          urls.filter((_, i) => i % 2 === 0),
          viewers,
          headers,
        );
        const warm = await loop(urls, viewers, seconds, headers);
        // The same tiles' bytes, to files, for the baseline.
        let kb = 0;
        let maxKb = 0;
        for (const [i, url] of urls.entries()) {
          const body = Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
          writeFileSync(join(dir, `${scope.split(' ')[1]}_${tiles[i]!.replaceAll('/', '_')}`), body);
          kb += body.length / 1024;
          maxKb = Math.max(maxKb, body.length / 1024);
          tileBytes += body.length;
        }
        const fileUrls = tiles.map((t) => `${files.url}/${scope.split(' ')[1]}/${t}`);
        const baseline = await loop(fileUrls, viewers, seconds, {});
        rows.push(
          `| ${scope} | ${z} | ${tiles.length} | ${alone.n ? cell(alone) : '—'} | ${cell(cold)} | ${cell(warm)} (${Math.round(warm.perSecond)}/s) | ${cell(baseline)} (${Math.round(baseline.perSecond)}/s) | ${(kb / tiles.length).toFixed(1)} / ${maxKb.toFixed(1)} |`,
        );
        say(rows.at(-1)!);
      }
    }
    const rssAfter = rssMb(api.pid);
    // The district map in Chromium: with every cached tile dropped (a notification is a write to the
    // map's eyes), then again from the cache.
    let render: { cold: { ms: number; zoom: string }; warm: { ms: number; zoom: string } } | undefined;
    if (!flag('no-render')) {
      await db.raw(`NOTIFY map_version`);
      const cold = await renderDistrictMap(api.url);
      render = { cold, warm: await renderDistrictMap(api.url) };
    }
    say('');
    say(`# bench:map ${new Date().toISOString().slice(0, 16)}Z`);
    say('');
    say(
      `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), load average at the start ${startLoad.toFixed(2)}, at the end ${(loadavg()[0] ?? 0).toFixed(2)}; ` +
        `${size.houses} houses; ${viewers} concurrent viewers; warm and baseline loops of ${seconds} s per zoom.`,
    );
    say('');
    say(
      '| scope | z | tiles | cold, 1 viewer, p50 / p95 ms | cold, all viewers at once, p50 / p95 ms | warm p50 / p95 ms | baseline (files) p50 / p95 ms | tile avg / max KB |',
    );
    say('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) say(row);
    say('');
    say(
      `Tile source memory: API process RSS ${rssBefore.toFixed(0)} MB before the first tile, ${rssAfter.toFixed(0)} MB after all ` +
        `(tiles served ${(tileBytes / 1024 / 1024).toFixed(1)} MB, cache bound 64 MB); the tiles themselves are cut by PostgreSQL from the houses' rows.`,
    );
    if (render)
      say(
        `District map in Chromium (1440×900, software WebGL), from the menu click to the last \`idle\` of the fitted view (zoom ${render.cold.zoom}): ` +
          `${render.cold.ms.toFixed(0)} ms with no tile cached, ${render.warm.ms.toFixed(0)} ms from the cache.`,
      );
    say('Targets: warm p95 < 30 ms, cold p95 < 100 ms, first full render < 2 s.');
  } finally {
    closeSend();
    for (const stop of stops.reverse()) await stop();
  }
});
