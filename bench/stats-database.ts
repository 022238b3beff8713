/**
 * The 260,000-house database the statistics and map benchmarks share (`ydym_bench_stats_<houses>`):
 * made, migrated and loaded once with tools/synthetic/statistics-dataset.ts, reused while its size is the
 * same and the migrations it was made under are still there unchanged (later ones are applied on top);
 * and the real API serving it in its own process.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createDb, dropDatabase, ensureDatabase } from '../domain/db.ts';
import type { Db } from '../domain/db.ts';
import { ensureAppRole } from '../domain/db-roles.ts';
import { migrateLatest } from '../domain/migrate.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { seedDemoUsers } from '../tools/seed/demo.ts';
import { districtRegions } from '../tools/seed/regions.ts';
import { writeStatisticsDataset } from '../tools/synthetic/statistics-dataset.ts';
import { rebuildMapCells, rebuildOpenCases } from '../domain/map/cells.ts';
import type { StatisticsDatasetSize } from '../tools/synthetic/statistics-dataset.ts';
import { say } from './cli.ts';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_ROLE = { user: 'ydym_test_app', password: 'ydym_test_app' };
/** The raw tables whose rows the summaries count, and those a case step writes. */
export const RAW_TABLES = ['buildings', 'inspections', 'complaints', 'cases', 'tasks', 'case_events', 'case_escalations'];
export const flag = (name: string) => process.argv.includes(`--${name}`);

/** Starts bench/serve.ts (the real API in its own process) and waits for its URL. */
export function serveApi(databaseUrl: string, mode: 'api' | 'bare' | 'files' = 'api'): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./serve.ts', import.meta.url).pathname, mode, databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const url = /listening (\S+)/.exec(chunk.toString())?.[1];
      if (url) resolve({ url, pid: child.pid as number, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bench API exited (${code})`)));
  });
}

/**
 * The digests of the migrations' text, of the first one, the first two, … and all of them (the last):
 * a cached database made under the migrations of one of these prefixes is reused and migrated on (a
 * migration added since), one made under others (one edited in place) is made again.
 */
function migrationsDigests(): string[] {
  const dir = new URL('../migrations/', import.meta.url);
  const hash = createHash('sha1');
  return readdirSync(dir)
    .sort()
    .map((name) =>
      hash
        .update(name)
        .update(readFileSync(new URL(name, dir)))
        .copy()
        .digest('hex'),
    );
}

/**
 * The scratch database of this size: created, migrated and loaded unless it holds this dataset already,
 * made under the same migrations (otherwise, or with --fresh, it is dropped and made again).
 */
export async function openDatabase(
  size: StatisticsDatasetSize,
): Promise<{ url: string; appUrl: string; db: Db; loaded: boolean; digest: string }> {
  const url = new URL(SERVER);
  url.pathname = `/ydym_bench_stats_${size.houses}`;
  const digests = migrationsDigests();
  const digest = digests.at(-1) ?? '';
  const open = async () => {
    await ensureDatabase(url.toString());
    const db = createDb(url.toString(), 4);
    await db.raw('CREATE TABLE IF NOT EXISTS bench_stats_dataset (size jsonb NOT NULL, migrations text, loaded_at timestamptz NOT NULL)');
    // A database of an earlier version of this bench has no digest: it is made again.
    await db.raw('ALTER TABLE bench_stats_dataset ADD COLUMN IF NOT EXISTS migrations text');
    return db;
  };
  if (flag('fresh')) await dropDatabase(url.toString());
  let db = await open();
  const marker = (await db('bench_stats_dataset').first('size', 'migrations')) as
    { size: StatisticsDatasetSize; migrations: string } | undefined;
  const same = (a: StatisticsDatasetSize) => (Object.keys(size) as (keyof StatisticsDatasetSize)[]).every((k) => a[k] === size[k]);
  const reuse = marker !== undefined && same(marker.size) && digests.includes(marker.migrations);
  if (marker && !reuse) {
    say(`  ${url.pathname} was made ${same(marker.size) ? 'under other migrations' : 'for another size'}: making it again`);
    await db.destroy();
    await dropDatabase(url.toString());
    db = await open();
  }
  const app = new URL(url);
  app.username = APP_ROLE.user;
  app.password = APP_ROLE.password;
  await ensureAppRole(url.toString(), app.toString());
  await migrateLatest(db);
  if (reuse) {
    if (marker.migrations !== digest) say(`  ${url.pathname}: migrated on to the migrations added since it was made`);
    await db('bench_stats_dataset').update({ migrations: digest });
    return { url: url.toString(), appUrl: app.toString(), db, loaded: true, digest };
  }
  await new DatabaseRegionStore(db).upsert(await districtRegions('441802'));
  await seedDemoUsers(db);
  return { url: url.toString(), appUrl: app.toString(), db, loaded: false, digest };
}

/** Writes the dataset unless the database holds it already (every trigger of the raw tables off: the summaries are rebuilt after). */
export async function loadDataset(database: { db: Db; loaded: boolean; digest: string }, size: StatisticsDatasetSize): Promise<void> {
  const { db } = database;
  if (database.loaded) {
    say('reusing the dataset already in the database');
    return;
  }
  say('writing the dataset (summary triggers off)…');
  const started = performance.now();
  for (const table of RAW_TABLES) await db.raw('ALTER TABLE ?? DISABLE TRIGGER USER', [table]);
  try {
    await writeStatisticsDataset(db, size, say);
  } finally {
    for (const table of RAW_TABLES) await db.raw('ALTER TABLE ?? ENABLE TRIGGER USER', [table]);
  }
  // The map's cells are kept by a trigger of the houses, off while they were written.
  say(`  map cells: ${await rebuildMapCells(db)} rows`);
  say(`  houses' open cases: ${await rebuildOpenCases(db)} houses`);
  await db('bench_stats_dataset').insert({ size: JSON.stringify(size), migrations: database.digest, loaded_at: new Date() });
  say(`  dataset written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
