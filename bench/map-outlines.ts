/**
 * `npm run bench:map-outlines [-- --houses 260000 --runs 20 --fresh]`: the town and village outlines of
 * issue 18 §2 on a synthetic district (tools/synthetic), in the scratch database
 * `ydym_bench_outlines_<houses>` (kept and reused; `--fresh` makes it again):
 *  1. the fingerprint query (count and coordinate sums per village) for the district, the largest town
 *     and one village, median of `--runs`, with the index `buildings_village_position_idx` and without
 *     it (dropped inside a transaction that is rolled back);
 *  2. the outlines of the district with nothing cached (every hull drawn), then cached, then of a town;
 *     after one house moves (its village and town drawn again); the answer's size.
 */
import { cpus, loadavg } from 'node:os';
import { createDb, dropDatabase, ensureDatabase } from '../domain/db.ts';
import type { Db } from '../domain/db.ts';
import { ensureAppRole } from '../domain/db-roles.ts';
import { DatabaseOutlineStore } from '../domain/map/database-outlines-store.ts';
import { regionOutlines } from '../domain/map/region-outlines.ts';
import { migrateLatest } from '../domain/migrate.ts';
import { runMain } from '../domain/run-main.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { districtRegions } from '../tools/seed/regions.ts';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { arg, percentile, say } from './cli.ts';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_ROLE = { user: 'ydym_test_app', password: 'ydym_test_app' };
const DISTRICT = '441802';
/** Thrown to roll back the transaction that dropped the index. */
const ROLLBACK = new Error('rollback');

/** The scratch database holding `houses` synthetic houses, as the owner and as the application role. */
async function openDatabase(houses: number): Promise<{ db: Db; app: Db }> {
  const url = new URL(SERVER);
  url.pathname = `/ydym_bench_outlines_${houses}`;
  if (process.argv.includes('--fresh')) await dropDatabase(url.toString());
  await ensureDatabase(url.toString());
  const appUrl = new URL(url);
  appUrl.username = APP_ROLE.user;
  appUrl.password = APP_ROLE.password;
  await ensureAppRole(url.toString(), appUrl.toString());
  const db = createDb(url.toString(), 2);
  await migrateLatest(db);
  const present = Number(((await db('buildings').count({ n: '*' }).first()) as { n: number }).n);
  if (present !== houses) {
    if (present > 0) throw new Error(`${url.pathname} holds ${present} houses, not ${houses}: run with --fresh`);
    await new DatabaseRegionStore(db).upsert(await districtRegions(DISTRICT));
    const started = Date.now();
    await seedSyntheticBuildings(db, { count: houses, onProgress: (n) => process.stdout.write(`\r  seeding ${n}/${houses}`) });
    say(`\n  seeded ${houses} houses in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await db.raw('VACUUM ANALYZE buildings');
  }
  return { db, app: createDb(appUrl.toString(), 4) };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [Math.round((performance.now() - started) * 10) / 10, result];
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[0]);
  return percentile(times, 0.5);
}

runMain('bench:map-outlines', async () => {
  const houses = arg('houses', 260_000);
  const runs = arg('runs', 20);
  const { db, app } = await openDatabase(houses);
  try {
    const store = new DatabaseOutlineStore(app);
    const towns = (await db('buildings')
      .select(db.raw('left(village_code, 9) AS code'))
      .count({ n: '*' })
      .groupByRaw('1')
      .orderBy('n', 'desc')) as { code: string; n: number }[];
    const town = towns[0]!;
    const village = (
      (await db('buildings').where('village_code', 'like', `${town.code}%`).first('village_code')) as { village_code: string }
    ).village_code;
    say(`map outlines: ${houses} houses, ${towns.length} towns; the largest town ${town.code} has ${town.n}`);
    say(`  ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the start`);

    say('1. fingerprint query, median ms (with the index / without):');
    for (const [label, scope] of [
      ['district', DISTRICT],
      [`town ${town.code}`, town.code],
      [`village ${village}`, village],
    ] as const) {
      const withIndex = await median(runs, () => store.villagePoints(scope));
      let without = 0;
      await db
        .transaction(async (trx) => {
          await trx.raw('DROP INDEX buildings_village_position_idx');
          without = await median(runs, () => new DatabaseOutlineStore(trx).villagePoints(scope));
          throw ROLLBACK;
        })
        .catch((error: unknown) => {
          if (error !== ROLLBACK) throw error;
        });
      say(`   ${label.padEnd(24)} ${withIndex} / ${without}`);
    }

    await db('region_outlines').delete();
    const [cold, answer] = await timed(() => regionOutlines(store, DISTRICT));
    const warm = await median(runs, () => regionOutlines(store, DISTRICT));
    const warmTown = await median(runs, () => regionOutlines(store, town.code));
    const house = (await db('buildings').where({ village_code: village }).first('code', 'longitude')) as {
      code: string;
      longitude: number;
    };
    await db('buildings')
      .where({ code: house.code })
      .update({ longitude: house.longitude + 0.0005 });
    const [moved] = await timed(() => regionOutlines(store, DISTRICT));
    await db('buildings').where({ code: house.code }).update({ longitude: house.longitude });
    say('2. outlines of a scope, ms:');
    say(`   district, nothing cached (${answer.features.length} hulls drawn)  ${cold}`);
    say(`   district, cached (median)                ${warm}`);
    say(`   town ${town.code}, cached (median)        ${warmTown}`);
    say(`   district after one house moved           ${moved}`);
    say(`   answer for the district: ${(JSON.stringify(answer).length / 1024).toFixed(0)} KB of GeoJSON`);
  } finally {
    await app.destroy();
    await db.destroy();
  }
});
