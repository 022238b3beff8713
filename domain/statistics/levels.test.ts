/**
 * The level tables against PostgreSQL: the wide tables' triggers append deltas at every level, a fold
 * leaves one row per key with the same sums, a delta written while a fold runs is kept, and a rebuild's
 * transaction writes no deltas.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { compactStatisticsLevels } from './levels.ts';

let database: TestDatabase;
const V1 = '441802006001';
const V2 = '441802006002';

const daily = (region: string, day: string, n: number) => ({
  day,
  region_code: region,
  metric: 'found',
  category: 'none',
  severity: 'none',
  origin: 'none',
  n,
});

/** The level table's sums per key, and its row counts. */
async function levels(table: string): Promise<{ sums: Record<string, number>; rows: number; pending: number }> {
  const db = database.appDb;
  const sums = await db.raw(`SELECT region_code || '/' || day AS k, sum(n)::int AS n FROM ${table} GROUP BY 1 HAVING sum(n) <> 0`);
  const counts = await db.raw(`SELECT count(*)::int AS rows, count(*) FILTER (WHERE pending)::int AS pending FROM ${table}`);
  return {
    sums: Object.fromEntries((sums.rows as { k: string; n: number }[]).map((r) => [r.k, r.n])),
    ...(counts.rows[0] as { rows: number; pending: number }),
  };
}

before(async () => {
  database = await createTestDatabase();
});

after(async () => {
  await database?.drop();
});

describe('statistics level tables', () => {
  test('a change of a wide row appends its difference at the district, town and village; a fold keeps the sums', async () => {
    const db = database.appDb;
    await db('stats_daily').insert([daily(V1, '2026-11-01', 3), daily(V2, '2026-11-01', 2)]);
    await db('stats_daily').where({ region_code: V1 }).update({ n: 5 });
    await db('stats_daily').where({ region_code: V2 }).delete();
    const written = await levels('stats_level_daily');
    assert.deepEqual(written.sums, { '441802/2026-11-01': 5, '441802006/2026-11-01': 5, [`${V1}/2026-11-01`]: 5 });
    assert.equal(written.pending, written.rows);
    assert.ok(written.rows > 3, 'deltas, not updates of a shared row');

    assert.equal(await compactStatisticsLevels(db), 3);
    const folded = await levels('stats_level_daily');
    assert.deepEqual(folded.sums, written.sums);
    assert.deepEqual([folded.rows, folded.pending], [3, 0]);
    assert.equal(await compactStatisticsLevels(db), 0, 'nothing left to fold');

    // A key whose deltas sum to 0 leaves no row.
    await db('stats_daily').where({ region_code: V1 }).delete();
    await compactStatisticsLevels(db);
    assert.deepEqual(await levels('stats_level_daily'), { sums: {}, rows: 0, pending: 0 });
  });

  test('a delta written while a fold runs is kept for the next one', async () => {
    const db = database.appDb;
    await db('stats_daily').insert(daily(V1, '2026-11-02', 1));
    await db.transaction(async (trx) => {
      await trx('stats_daily').where({ region_code: V1, day: '2026-11-02' }).update({ n: 4 });
      // Not committed: the fold cannot see this delta, and must not lose it.
      await compactStatisticsLevels(db);
    });
    assert.equal((await levels('stats_level_daily')).sums[`${V1}/2026-11-02`], 4);
    await compactStatisticsLevels(db);
    const after = await levels('stats_level_daily');
    assert.equal(after.sums[`${V1}/2026-11-02`], 4);
    assert.equal(after.pending, 0);
    await db('stats_daily').where({ region_code: V1 }).delete();
    await compactStatisticsLevels(db);
  });

  test('two writers counting into the same district row never wait for one another', async () => {
    const db = database.appDb;
    await db('stats_daily').insert([daily(V1, '2026-11-04', 1), daily(V2, '2026-11-04', 1)]);
    await db.transaction(async (first) => {
      // The first writer's change of V1 is in flight, uncommitted: it counts into the district's and the town's key.
      await first('stats_daily').where({ region_code: V1, day: '2026-11-04' }).update({ n: 2 });
      // The second, on V2, adds to the same keys; updated in place, that row would be locked until the first commits.
      await db.transaction(async (second) => {
        await second.raw(`SET LOCAL lock_timeout = '2s'`);
        await second('stats_daily').where({ region_code: V2, day: '2026-11-04' }).update({ n: 3 });
      });
    });
    assert.equal((await levels('stats_level_daily')).sums['441802/2026-11-04'], 5);
    await db('stats_daily').where({ day: '2026-11-04' }).delete();
    await compactStatisticsLevels(db);
  });

  test('in a rebuild transaction the triggers write no deltas', async () => {
    const db = database.appDb;
    await db.transaction(async (trx) => {
      await trx.raw(`SET LOCAL ydym.stats_rebuild = 'on'`);
      await trx('stats_daily').insert(daily(V1, '2026-11-03', 1));
    });
    assert.equal((await levels('stats_level_daily')).rows, 0);
    await db('stats_daily').where({ region_code: V1 }).delete();
    assert.deepEqual((await levels('stats_level_daily')).sums, {
      '441802/2026-11-03': -1,
      '441802006/2026-11-03': -1,
      [`${V1}/2026-11-03`]: -1,
    });
    await db.raw('DELETE FROM stats_level_daily');
  });
});
