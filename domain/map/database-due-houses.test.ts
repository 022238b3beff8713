/** The due-house store against PostgreSQL, as the application role: the registry's due rule within the reader's region, nearest first or by code, paged. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import { DatabaseDueHouseStore } from './database-due-houses.ts';
import { DatabaseMapStore } from './database-store.ts';
import { tileOf, tileRange } from './tiles.ts';
import type { TilePoint } from './tiles.ts';

const VILLAGE = '441802006001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));
const HERE = { longitude: 113.03, latitude: 23.7 };

let database: TestDatabase;
let store: DatabaseDueHouseStore;
/** Never judged, 100 m east; judged long ago, 10 m north; judged lately; never judged, no position; another town's. */
const code = { never: '', old: '', recent: '', unplaced: '', elsewhere: '' };

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseDueHouseStore(database.appDb);
  const buildings = new DatabaseBuildingStore(database.appDb);
  const house = (village: string, over: Partial<BuildingCreateInput>) =>
    buildings.create({ ...housesIn(village, 1, 9)[0]!, externalId: null, latestJudgement: null, latestJudgementAt: null, ...over });
  const east = HERE.longitude + 100 / (111_195 * Math.cos((HERE.latitude * Math.PI) / 180));
  code.never = await house(VILLAGE, { longitude: east, latitude: HERE.latitude });
  code.old = await house(VILLAGE, {
    ...HERE,
    latitude: HERE.latitude + 10 / 111_195,
    latestJudgement: 'none',
    latestJudgementAt: '2024-03-01',
  });
  code.recent = await house(VILLAGE, { ...HERE, latestJudgement: 'none', latestJudgementAt: '2026-11-01' });
  code.unplaced = await house(VILLAGE, { longitude: null, latitude: null });
  code.elsewhere = await house('441802007001', { ...HERE });
});
after(() => database.drop());

const due = (ability = town, over: object = {}) => store.due(ability, { dueSince: '2026-01-01', page: 1, perPage: 50, ...over });

test('houses never judged or judged before the day are due, in code order, within the reader’s region', async () => {
  const list = await due();
  assert.deepEqual(
    list.data.map((h) => h.code),
    [code.never, code.old, code.unplaced].sort(),
  );
  assert.equal(list.total, 3);
  const old = list.data.find((h) => h.code === code.old)!;
  assert.deepEqual([old.lastInspectedOn, old.riskTier, old.distanceM], ['2024-03-01', 'green', null]);
  assert.ok(old.villageName);
  assert.deepEqual(
    (await due(otherTown)).data.map((h) => h.code),
    [code.elsewhere],
  );
  assert.equal((await due(town, { dueSince: '2027-01-01' })).total, 4, 'the recent judgement runs out too');
  assert.equal((await due(town, { regionCode: '441802006002' })).total, 0);
});

test('given where the reader stands, the nearest come first with their distance, houses without a position last', async () => {
  const list = await due(town, { near: HERE });
  assert.deepEqual(
    list.data.map((h) => [h.code, h.distanceM]),
    [
      [code.old, 10],
      [code.never, 100],
      [code.unplaced, null],
    ],
  );
});

test('pages hold what was asked and the total stays', async () => {
  const second = await due(town, { near: HERE, page: 2, perPage: 2 });
  assert.deepEqual([second.total, second.data.map((h) => h.code)], [3, [code.unplaced]]);
});

test('a scheduled house is due when its 定期巡查 item falls due, whatever its last judgement', async () => {
  const day = 86_400_000;
  const item = (buildingCode: string, dueInDays: number, tier: string) => ({
    building_code: buildingCode,
    village_code: VILLAGE,
    tier,
    version: 1,
    day_seconds: 86_400,
    basis_at: new Date(Date.now() - 10 * day).toISOString(),
    due_at: new Date(Date.now() + dueInDays * day).toISOString(),
  });
  // Judged lately, but red now: due within the hand-out week. Judged long ago, but scheduled far ahead.
  await database.db('inspection_due').insert([item(code.recent, 3, 'red'), item(code.old, 100, 'green')]);
  const list = await due();
  assert.deepEqual(
    list.data.map((h) => h.code),
    [code.never, code.recent, code.unplaced].sort(),
  );
  const recent = list.data.find((h) => h.code === code.recent)!;
  assert.ok(recent.dueAt && Date.parse(recent.dueAt) > Date.now());
  assert.equal(list.data.find((h) => h.code === code.never)?.dueAt, null, 'not scheduled yet: due by the yearly rule');

  // The map's blue ring and the house card say what the list says (they read the registry's rule alone before).
  const map = new DatabaseMapStore(database.appDb);
  try {
    const rule = { since: '2026-01-01', now: new Date().toISOString() };
    const ringed = async (c: string) => {
      const [lng, lat] = [HERE.longitude, HERE.latitude];
      const t = tileOf(16, lng, lat);
      const layers = await map.houses(town, {}, tileRange(16, t.x, t.y)!, rule);
      const point = ((layers.houses ?? []) as TilePoint[]).find((p) => p.props.code === c);
      return [point?.props.inspectionDue === 1, (await map.card(town, c, rule))?.inspectionDue];
    };
    assert.deepEqual(await ringed(code.recent), [true, true], 'judged lately, but its red item falls due');
    assert.deepEqual(await ringed(code.old), [false, false], 'judged long ago, but not due on its schedule');
    assert.deepEqual(await ringed(code.never), [true, true], 'not scheduled, never judged');
  } finally {
    await map.close();
  }
});
