/**
 * The due items on PostgreSQL: one open item per house however often the pass runs, the hand-out within
 * the daily cap (most urgent first, nothing given twice), an inspection closing the item and opening the
 * next, a tier change moving the due moment, and the coverage figures equal to their lists, by region.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { INSPECTION_SCHEDULE_V1 } from '../../definitions/inspection-schedule/index.ts';
import type { InspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import type { Role } from '../roles.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseInspectionStore } from '../inspections/database-store.ts';
import { DatabaseInspectionDueStore } from './database-store.ts';

const VILLAGE = '441802006001';
const DAY = 86_400;
/** v1 with a cap of 2, so a handful of houses shows it. */
const DEF: InspectionScheduleDefinition = { ...INSPECTION_SCHEDULE_V1, dailyCap: 2 };
let database: TestDatabase;
let store: DatabaseInspectionDueStore;
let houses: string[];
let other: string;
let inspectors: { id: string; name: string }[];

const ability = (role: Role, regionCode: string) => createAppAbility(rulesFor({ id: randomUUID(), role, regionCode }));
const open = (code: string) => database.db('inspection_due').where({ building_code: code }).whereNot('status', 'done').first();
const ago = (days: number) => new Date(Date.now() - days * DAY * 1000).toISOString();

async function inspect(code: string, at: string): Promise<string> {
  const id = randomUUID();
  const inspector = inspectors[0] as { id: string; name: string };
  await new DatabaseInspectionStore(database.db).insert({
    id,
    buildingCode: code,
    regionCode: code.slice(0, 12),
    inspector,
    judgement: 'none',
    hazards: [],
    notes: null,
    position: null,
    distanceM: null,
    presence: 'missing',
    inspectedAt: at,
  });
  return id;
}

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseInspectionDueStore(database.appDb);
  const buildings = new DatabaseBuildingStore(database.db);
  houses = [];
  for (const input of housesIn(VILLAGE, 6, 11)) houses.push(await buildings.create(input, database.db));
  other = await buildings.create(housesIn('441802007', 1, 12)[0]!, database.db);
  // Known starting points: green, never judged, except as each test sets.
  await database.db('buildings').update({ risk_tier: 'green', latest_judgement_at: null });
  inspectors = (await database.db('users').where({ role: 'inspector', region_code: VILLAGE }).orderBy('id').select('id', 'name')) as {
    id: string;
    name: string;
  }[];
  assert.equal(inspectors.length, 2, 'the demo village has two inspectors');
});
after(() => database.drop());

describe('the due items', () => {
  test('each house gets one open item, due from its last inspection at its tier’s interval; a re-run writes none', async () => {
    await database.db('buildings').where({ code: houses[0] }).update({ risk_tier: 'red' });
    const inspected = ago(10);
    await inspect(houses[0] as string, inspected);
    await database.db('buildings').where({ code: houses[1] }).update({ latest_judgement_at: '2025-06-15' });
    const now = new Date().toISOString();
    const first = await store.createMissing(DEF, DAY, '', 1000, now);
    assert.equal(first.created, 7);
    assert.equal((await store.createMissing(DEF, DAY, '', 1000, now)).created, 0);
    // In batches, with the cursor: the same houses, none twice.
    assert.deepEqual(await store.createMissing(DEF, DAY, first.last as string, 1000, now), { created: 0, last: null });

    const red = await open(houses[0] as string);
    assert.equal(red.tier, 'red');
    assert.equal(new Date(red.due_at).getTime() - Date.parse(inspected), 30 * DAY * 1000);
    // A judgement entered by an officer counts from its Beijing day.
    const judged = await open(houses[1] as string);
    assert.equal(new Date(judged.basis_at).toISOString(), '2025-06-14T16:00:00.000Z');
    // Never inspected: due at once.
    const never = await open(houses[2] as string);
    assert.equal(never.basis_at, null);
    assert.equal(new Date(never.due_at).toISOString(), now);
  });

  test('the hand-out honours the daily cap, most urgent first, and a re-run the same day gives nothing more', async () => {
    const now = new Date().toISOString();
    const day = new Date(Date.now() - 1000).toISOString();
    // Five houses fall due (never inspected, or judged long ago); the red one is not due for 20 days.
    assert.deepEqual(await store.villagesToAssign(DEF, now), [VILLAGE]);
    const given = await store.assignVillage(DEF, VILLAGE, now, day);
    assert.equal(given, 4, 'two inspectors, two each');
    assert.equal(await store.assignVillage(DEF, VILLAGE, now, day), 0);
    const rows = (await database.db('inspection_due').where({ status: 'assigned' }).select('assignee_id', 'building_code')) as {
      assignee_id: string;
      building_code: string;
    }[];
    for (const i of inspectors) assert.equal(rows.filter((r) => r.assignee_id === i.id).length, 2);
    assert.ok(!rows.some((r) => r.building_code === houses[0]), 'the red house inspected 10 days ago is not yet due');
    // The house judged in June 2025 is overdue, and among those given.
    assert.ok(rows.some((r) => r.building_code === houses[1]));
    assert.equal((await store.batch(inspectors[0]!.id, { page: 1, perPage: 10 })).total, 2);

    // One done today: still the day's two for that inspector, nothing more.
    const code = rows.find((r) => r.assignee_id === inspectors[0]!.id)!.building_code;
    await database.db.transaction(async (trx) => {
      const id = await inspect(code, new Date().toISOString());
      await store.fulfil(trx, code, { id, inspectedAt: new Date().toISOString() }, DEF, DAY);
    });
    assert.equal(await store.assignVillage(DEF, VILLAGE, now, day), 0);
    // The next day: one carried over plus one new for the first, the second already holds two.
    const next = new Date(Date.parse(day) + DAY * 1000).toISOString();
    assert.equal(await store.assignVillage(DEF, VILLAGE, now, next), 1);
    assert.equal((await store.batch(inspectors[0]!.id, { page: 1, perPage: 10 })).total, 2);
  });

  test('an inspection closes the open item and opens the next; a form dated before it closes nothing', async () => {
    const code = houses[3] as string;
    await database.db('buildings').where({ code }).update({ risk_tier: 'orange' });
    const at = new Date().toISOString();
    const id = await inspect(code, at);
    await database.db.transaction((trx) => store.fulfil(trx, code, { id, inspectedAt: at }, DEF, DAY));
    const done = await database.db('inspection_due').where({ building_code: code, status: 'done' }).first();
    assert.equal(done.inspection_id, id);
    const next = await open(code);
    assert.equal(new Date(next.due_at).getTime() - Date.parse(at), 90 * DAY * 1000);
    const late = ago(2);
    const lateId = await inspect(code, late);
    await database.db.transaction((trx) => store.fulfil(trx, code, { id: lateId, inspectedAt: late }, DEF, DAY));
    assert.equal((await open(code)).id, next.id);
  });

  test('a tier that rises brings the due moment forward at once; one that falls puts it back', async () => {
    const code = houses[3] as string;
    const before = await open(code);
    await database.db('buildings').where({ code }).update({ risk_tier: 'red' });
    await database.db.transaction((trx) => store.reschedule(trx, [code], DEF));
    const sooner = await open(code);
    assert.equal(sooner.tier, 'red');
    assert.equal(new Date(sooner.due_at).getTime() - new Date(before.basis_at).getTime(), 30 * DAY * 1000);
    await database.db('buildings').where({ code }).update({ risk_tier: 'orange' });
    await database.db.transaction((trx) => store.reschedule(trx, [code], DEF));
    assert.equal(new Date((await open(code)).due_at).getTime(), new Date(before.due_at).getTime());
  });

  test('coverage: each figure equals its list, per village and inspector, only within the reader’s region', async () => {
    const now = new Date().toISOString();
    const window = { from: ago(400), to: now };
    const district = ability('district_officer', '441802');
    const cov = await store.coverage(district, window, now);
    const sum = cov.total.onTime + cov.total.late + cov.total.overdue + cov.total.pending;
    assert.equal(cov.total.due, sum);
    assert.ok(cov.total.overdue >= 4);
    assert.equal(cov.total.onTime, 0, 'the closed items were done after their (at once) due moment');
    const list = async (f: object) => (await store.list(district, { ...window, ...f }, { page: 1, perPage: 1 }, now)).total;
    assert.equal(await list({ coverage: 'overdue' }), cov.total.overdue);
    assert.equal(await list({ coverage: 'late' }), cov.total.late);
    for (const v of cov.villages) assert.equal(await list({ regionCode: v.villageCode }), v.due);
    for (const i of cov.inspectors)
      assert.equal(await list(i.assigneeId ? { assigneeId: i.assigneeId } : { unassigned: true }), i.due, `inspector ${i.assigneeName}`);
    assert.ok(cov.villages.some((v) => v.villageCode === '441802007' + other.slice(9, 12)));

    // A town officer of 凤城街道 sees the village's houses; one of 东城街道 sees none of them.
    const mine = await store.coverage(ability('town_officer', '441802006'), window, now);
    assert.deepEqual(
      mine.villages.map((v) => v.villageCode),
      [VILLAGE],
    );
    const elsewhere = await store.coverage(ability('town_officer', '441802007'), window, now);
    assert.ok(!elsewhere.villages.some((v) => v.villageCode === VILLAGE));
    assert.equal(elsewhere.total.due, 1);
  });
});
