/**
 * The statistics store against PostgreSQL: grouped sums of summary rows written directly (the triggers
 * that fill them are tested in rebuild.test.ts), within a region's subtree, by the children's prefix.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseStatsStore } from './database-store.ts';
import { childCodeLength } from './store.ts';
import type { StatsStore } from './store.ts';

let database: TestDatabase;
let store: DatabaseStatsStore;
const V1 = '441802006001';
const V2 = '441802006002';
const V3 = '441802003001';

const house = (village: string, over: Record<string, unknown>, n: number) => ({
  village_code: village,
  use: 'rental',
  business_category: 'none',
  floors_band: '1-2',
  structure_type: 'brick_concrete',
  year_band: 'unknown',
  appraisal_grade: 'none',
  latest_judgement: 'none',
  risk_tier: 'green',
  ...over,
  n,
});
const kase = (region: string, over: Record<string, unknown>, n: number) => ({
  region_code: region,
  found_month: '2026-11-01',
  category: 'structure_damage',
  severity: 'general',
  origin: 'officer',
  status: 'assigning',
  due_on: null,
  use: 'rental',
  business_category: 'none',
  floors_band: '1-2',
  structure_type: 'brick_concrete',
  year_band: 'unknown',
  appraisal_grade: 'none',
  latest_judgement: 'some',
  risk_tier: 'yellow',
  ...over,
  n,
});

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseStatsStore(database.appDb);
  const db = database.db;
  await db('stats_houses').insert([
    house(V1, { risk_tier: 'red', floors_band: '3-5' }, 2),
    house(V1, {}, 3),
    house(V2, { risk_tier: 'red' }, 1),
    house(V3, { use: 'business', business_category: 'catering' }, 7),
  ]);
  await db('stats_house_inspected').insert([
    { village_code: V1, inspected_on: '2026-01-10', n: 2 },
    { village_code: V1, inspected_on: '2026-11-30', n: 1 },
    { village_code: V3, inspected_on: '2026-11-30', n: 5 },
  ]);
  await db('stats_cases').insert([
    kase(V1, { status: 'closed' }, 2),
    kase(V1, { status: 'rectifying', due_on: '2026-11-20', severity: 'serious' }, 1),
    kase(V2, { status: 'cancelled', found_month: '2026-10-01' }, 4),
    kase(V2, { status: 'assigning', due_on: '2026-12-20', origin: 'daily' }, 1),
    kase(V3, { status: 'assigning', due_on: '2026-11-01' }, 9),
  ]);
  await db('stats_daily').insert([
    { day: '2026-11-01', region_code: V1, metric: 'found', category: 'none', severity: 'none', origin: 'none', n: 3 },
    { day: '2026-11-02', region_code: V1, metric: 'closed', category: 'none', severity: 'none', origin: 'none', n: 2 },
    { day: '2026-12-01', region_code: V2, metric: 'found', category: 'none', severity: 'none', origin: 'none', n: 1 },
    { day: '2026-11-01', region_code: V3, metric: 'found', category: 'none', severity: 'none', origin: 'none', n: 9 },
  ]);
  await db('stats_step_days').insert([
    { region_code: V1, completed_month: '2026-11-01', step: 'assign', days: 0, late: false, n: 3 },
    { region_code: V2, completed_month: '2026-11-01', step: 'assign', days: 4, late: true, n: 1 },
    { region_code: V1, completed_month: '2026-09-01', step: 'assign', days: 9, late: true, n: 1 },
    { region_code: V3, completed_month: '2026-11-01', step: 'assign', days: 2, late: false, n: 5 },
  ]);
});

after(async () => {
  await database?.drop();
});

const keyed = (groups: { key: Record<string, string>; n: number }[]) =>
  Object.fromEntries(groups.map((g) => [Object.values(g.key).join('/'), g.n]));

describe('statistics store', () => {
  test('houses: the subtree only, grouped by the children and by dimensions, filtered', async () => {
    assert.deepEqual(await store.houses('441802006', []), [{ key: {}, n: 6 }]);
    assert.deepEqual(keyed(await store.houses('441802006', ['region'])), { [V1]: 5, [V2]: 1 });
    assert.deepEqual(keyed(await store.houses('441802', ['region'])), { '441802006': 6, '441802003': 7 });
    assert.deepEqual(keyed(await store.houses('441802006', ['riskTier', 'floorsBand'])), { 'red/3-5': 2, 'green/1-2': 3, 'red/1-2': 1 });
    assert.deepEqual(keyed(await store.houses('441802', ['use'], { riskTier: 'red' })), { rental: 3 });
    assert.deepEqual(keyed(await store.houses('441802', [], { region: '441802003' })), { '': 7 });
    assert.deepEqual(keyed(await store.houses(V1, ['region'])), { [V1]: 5 }, 'a village groups as itself');
  });

  test('inspected since a day', async () => {
    assert.deepEqual(keyed(await store.inspectedSince('441802', '2026-11-01', ['region'])), { '441802006': 1, '441802003': 5 });
    assert.deepEqual(await store.inspectedSince('441802006', '1900-01-01', []), [{ key: {}, n: 3 }]);
  });

  test('cases: status sets, found months, overdue by day, case dimensions', async () => {
    const open = { statusNotIn: ['closed', 'cancelled'] };
    assert.deepEqual(keyed(await store.cases('441802006', ['region'], open)), { [V1]: 1, [V2]: 1 });
    assert.deepEqual(keyed(await store.cases('441802006', ['status'], { statusNotIn: ['cancelled'] })), {
      closed: 2,
      rectifying: 1,
      assigning: 1,
    });
    assert.deepEqual(keyed(await store.cases('441802006', ['month'], {})), { '2026-11': 4, '2026-10': 4 });
    assert.deepEqual(keyed(await store.cases('441802006', [], { foundFrom: '2026-11-01', foundTo: '2026-11-01' })), { '': 4 });
    assert.deepEqual(keyed(await store.cases('441802', ['region'], { dueBefore: '2026-12-07' })), { '441802006': 1, '441802003': 9 });
    assert.deepEqual(keyed(await store.cases('441802006', ['origin', 'severity'], { statusIn: ['assigning', 'rectifying'] })), {
      'daily/general': 1,
      'officer/serious': 1,
    });
    assert.deepEqual(keyed(await store.cases('441802006', [], { month: '2026-10' })), { '': 4 });
  });

  test('events per day and up to a day; the step histogram of the months asked', async () => {
    assert.deepEqual(keyed(await store.daily('441802006', '2026-11-01', '2026-11-30', ['found', 'closed'], ['metric', 'day'])), {
      'found/2026-11-01': 3,
      'closed/2026-11-02': 2,
    });
    assert.deepEqual(keyed(await store.dailyUpTo('441802006', '2026-12-31', ['found'])), { found: 4 });
    const steps = await store.stepDays('441802006', '2026-10-01', '2026-11-01');
    assert.deepEqual(
      steps.sort((a, b) => a.days - b.days),
      [
        { step: 'assign', days: 0, late: false, n: 3 },
        { step: 'assign', days: 4, late: true, n: 1 },
      ],
    );
  });

  test('several counts in one statement: each as if taken alone, in the order asked', async () => {
    const counts = [
      { groupBy: ['region'], where: { statusNotIn: ['closed', 'cancelled'] } },
      { groupBy: ['region', 'status'], where: { statusNotIn: ['cancelled'], foundFrom: '2026-11-01', foundTo: '2026-11-01' } },
      { groupBy: [], where: { dueBefore: '2026-12-07' } },
      { groupBy: ['severity'], where: { month: '2026-12' } },
      { groupBy: [] },
    ] as const;
    const together = await store.casesMany('441802', counts);
    const alone = await Promise.all(counts.map((c) => store.cases('441802', c.groupBy, 'where' in c ? c.where : {})));
    assert.deepEqual(together.map(keyed), alone.map(keyed));
    assert.deepEqual(together.map(keyed), [
      { '441802006': 2, '441802003': 9 },
      { '441802006/closed': 2, '441802006/rectifying': 1, '441802006/assigning': 1, '441802003/assigning': 9 },
      { '': 10 },
      {},
      { '': 17 },
    ]);
    const [all, red] = await store.housesMany('441802006', [{ groupBy: ['region'] }, { groupBy: ['region'], where: { riskTier: 'red' } }]);
    assert.deepEqual(
      [keyed(all), keyed(red)],
      [
        { [V1]: 5, [V2]: 1 },
        { [V1]: 2, [V2]: 1 },
      ],
    );
    const [recent, ever] = await store.inspectedSinceMany('441802', ['2026-11-01', '1900-01-01'], []);
    assert.deepEqual([recent, ever], [[{ key: {}, n: 6 }], [{ key: {}, n: 8 }]]);
    const [days, before] = await store.dailyMany('441802006', [
      { from: '2026-11-02', to: '2026-12-31', metrics: ['found', 'closed'], groupBy: ['metric', 'day'] },
      { from: null, to: '2026-11-01', metrics: ['found', 'closed'], groupBy: ['metric'] },
    ]);
    assert.deepEqual([keyed(days), keyed(before)], [{ 'closed/2026-11-02': 2, 'found/2026-12-01': 1 }, { found: 3 }]);
  });

  test('a page’s counts asked for in one turn reach the database as one statement, with the same answers', async () => {
    const ask = (s: StatsStore) =>
      Promise.all([
        s.houses('441802', ['riskTier']),
        s.cases('441802006', ['status'], { statusNotIn: ['cancelled'] }),
        s.stepDays('441802', '2026-09-01', '2026-11-01'),
      ]);
    let statements = 0;
    const counted = () => void statements++;
    database.appDb.on('query', counted);
    const together = await ask(store.page());
    const shared = statements;
    await ask(store);
    database.appDb.off('query', counted);
    assert.deepEqual([shared, statements - shared], [1, 3], 'one statement for the page; the shared store one each');
    const apart = [
      await store.houses('441802', ['riskTier']),
      await store.cases('441802006', ['status'], { statusNotIn: ['cancelled'] }),
      await store.stepDays('441802', '2026-09-01', '2026-11-01'),
    ];
    assert.deepEqual(together, apart);
    assert.deepEqual(keyed(together[0]), { red: 3, green: 10 });
  });

  test('regions: the children with their names', async () => {
    const villages = await store.children('441802006');
    assert.ok(villages.some((v) => v.code === V1 && v.level === 'village' && v.name));
    assert.deepEqual(await store.children('441802999'), []);
    assert.deepEqual([childCodeLength('441802'), childCodeLength('441802006'), childCodeLength(V1), childCodeLength('0')], [9, 12, 12, 2]);
  });
});
