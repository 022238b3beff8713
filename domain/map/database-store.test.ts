/**
 * The map store against PostgreSQL, as the application role: each layer read with its list's region
 * rules and filters (a reader of another town sees nothing of ours), clusters that count what the
 * summary counts whichever way they are read, the card of a house, and the version that moves only
 * when a write commits.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { newComplaint } from '../../test/support/complaint-store.ts';
import { housesIn } from '../../test/support/imports.ts';
import { createAppAbility, rulesFor } from '../abilities.ts';
import type { BuildingFilter } from '../buildings/store.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import { DatabaseCampaignStore } from '../campaigns/database-store.ts';
import { DatabaseCaseStore } from '../cases/database-store.ts';
import { DatabaseComplaintStore } from '../complaints/database-store.ts';
import { warningRule } from '../../definitions/warning-rules/index.ts';
import { DatabaseWarningStore } from '../warnings/database-store.ts';
import { toNewWarnings } from '../warnings/evaluate.ts';
import { rebuildOpenCases } from './cells.ts';
import { DatabaseMapStore } from './database-store.ts';
import { fromMerc, lngLatPixel, tileOf, tileRange } from './tiles.ts';
import type { TileLayers, TilePoint, TileRange } from './tiles.ts';

const VILLAGE = '441802006001';
const OTHER_VILLAGE = '441802007001';
const town = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802006' }));
const otherTown = createAppAbility(rulesFor({ id: randomUUID(), role: 'town_officer', regionCode: '441802007' }));
const district = createAppAbility(rulesFor({ id: randomUUID(), role: 'district_admin', regionCode: '441802' }));
/** Every house below was judged, if at all, after this date: a later one makes them due. */
const DUE_SINCE = { since: '2020-01-01', now: new Date().toISOString() };

let database: TestDatabase;
let store: DatabaseMapStore;
/** The zoom-16 tile all located houses lie in, and its zoom-12 parent (clusters). */
let close: TileRange;
let far: TileRange;
let centre: [number, number];
/** A (red) and B in our village, C in it without a position, D in another town's village beside them. */
const code = { a: '', b: '', c: '', d: '' };

const points = (layers: TileLayers, name: string) => (layers[name] ?? []) as TilePoint[];
const counted = (layers: TileLayers, name: string) => points(layers, name).reduce((n, p) => n + Number(p.props.count), 0);
const codesOf = (layers: TileLayers) =>
  points(layers, 'houses')
    .map((p) => p.props.code)
    .sort();

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseMapStore(database.appDb);
  // The centre of a zoom-16 tile near Qingcheng: houses within some 40 m of it stay in that tile.
  const t = tileOf(16, 113.03, 23.7);
  close = tileRange(16, t.x, t.y)!;
  far = tileRange(12, t.x >> 4, t.y >> 4)!;
  centre = fromMerc(close.x0 + close.size / 2, close.y0 + close.size / 2);
  const [lng, lat] = centre;
  const buildings = new DatabaseBuildingStore(database.appDb);
  const house = (village: string, over: Partial<BuildingCreateInput>) =>
    buildings.create({
      ...housesIn(village, 1, 3)[0]!,
      externalId: null,
      floorsAbove: 2,
      latestJudgement: null,
      latestJudgementAt: null,
      ...over,
    });
  code.a = await house(VILLAGE, { longitude: lng, latitude: lat });
  code.b = await house(VILLAGE, { longitude: lng + 0.0003, latitude: lat + 0.0002 });
  code.c = await house(VILLAGE, { longitude: null, latitude: null });
  code.d = await house(OTHER_VILLAGE, { longitude: lng - 0.0003, latitude: lat - 0.0002 });
  await database.db('buildings').where({ code: code.a }).update({ risk_tier: 'red' });
});
after(async () => {
  await store.close();
  await database.drop();
});

test('the summary counts the reader’s houses, those located, their bounds and tiers', async () => {
  const [lng, lat] = centre;
  const mine = await store.summary(town, {});
  assert.deepEqual([mine.count, mine.located], [3, 2]);
  assert.deepEqual(
    mine.bounds?.map((v) => v.toFixed(6)),
    [lng, lat, lng + 0.0003, lat + 0.0002].map((v) => v.toFixed(6)),
  );
  assert.deepEqual(mine.tiers, { red: 1, orange: 0, yellow: 0, green: 2 });
  const red = await store.summary(town, { riskTier: 'red' });
  assert.deepEqual([red.count, red.located, red.tiers], [1, 1, { red: 1, orange: 0, yellow: 0, green: 0 }]);
  assert.deepEqual(
    red.bounds?.map((v) => v.toFixed(6)),
    [lng, lat, lng, lat].map((v) => v.toFixed(6)),
  );
  const theirs = await store.summary(otherTown, {});
  assert.deepEqual([theirs.count, theirs.located, theirs.tiers.red], [1, 1, 0]);
  const none = await store.summary(town, { regionCode: '441802006002' });
  assert.deepEqual([none.count, none.located, none.bounds], [0, 0, null]);
});

test('close up, each house the reader may see is its own point, with what its card needs', async () => {
  const mine = await store.houses(town, {}, close, DUE_SINCE);
  assert.deepEqual(codesOf(mine), [code.a, code.b].sort());
  assert.equal(mine.footprints, undefined, 'footprints only when asked');
  const a = points(mine, 'houses').find((p) => p.props.code === code.a)!;
  // openCases, overdue and inspectionDue may be left out when 0: the UI reads them with a default of 0.
  assert.deepEqual(
    [a.props.tier, a.props.count, a.props.floors, a.props.openCases ?? 0, a.props.overdue ?? 0, a.props.inspectionDue ?? 0],
    ['red', 1, 2, 0, 0, 1],
  );
  const at = lngLatPixel(close, ...centre);
  assert.ok(Math.abs(a.px - at.px) < 1 && Math.abs(a.py - at.py) < 1, 'drawn where it stands');
  assert.deepEqual(codesOf(await store.houses(otherTown, {}, close, DUE_SINCE)), [code.d]);
  assert.deepEqual(codesOf(await store.houses(district, { riskTier: 'red' }, close, DUE_SINCE)), [code.a]);
  const withFootprints = await store.houses(district, {}, close, DUE_SINCE, true);
  assert.equal(withFootprints.footprints?.length, 3);
  // A tile elsewhere holds none of them.
  assert.deepEqual(codesOf(await store.houses(district, {}, tileRange(16, close.x + 2, close.y)!, DUE_SINCE)), []);
});

test('far out, houses are counted in cells: the same counts whether read from the cells table or the houses', async () => {
  // No filter but region and tier: read from map_cells; `minFloors` (every house has 2) reads the houses.
  for (const filter of [{}, { minFloors: 1 }] as BuildingFilter[]) {
    const mine = await store.houses(town, filter, far, DUE_SINCE);
    assert.equal(counted(mine, 'houses'), 2, JSON.stringify(filter));
    const cell = points(mine, 'houses')[0]!;
    assert.deepEqual([cell.props.tier, cell.props.red, cell.props.green], ['red', 1, 1]);
    assert.equal(counted(await store.houses(district, filter, far, DUE_SINCE), 'houses'), 3);
    assert.equal(counted(await store.houses(otherTown, filter, far, DUE_SINCE), 'houses'), 1);
  }
  // A house alone in its cell carries its code.
  const red = points(await store.houses(district, { riskTier: 'red' }, far, DUE_SINCE), 'houses');
  assert.deepEqual(
    red.map((p) => [p.props.count, p.props.code]),
    [[1, code.a]],
  );
});

test('on a basemap in another datum, a house is drawn where the basemap has it', async () => {
  const shifted = new DatabaseMapStore(database.appDb, ([lng, lat]) => [lng + 0.0005, lat]);
  const a = points(await shifted.houses(district, {}, close, DUE_SINCE), 'houses').find((p) => p.props.code === code.a)!;
  const at = lngLatPixel(close, centre[0] + 0.0005, centre[1]);
  assert.ok(Math.abs(a.px - at.px) < 1 && Math.abs(a.py - at.py) < 1);
  assert.equal(counted(await shifted.houses(town, {}, far, DUE_SINCE), 'houses'), 2);
});

test('open cases: scoped by region, filtered by severity and deadline, and counted on their house', async () => {
  const cases = new DatabaseCaseStore(database.appDb);
  const officerId = ((await database.db('users').where({ username: 'officer' }).first('id')) as { id: string }).id;
  const open = (buildingCode: string, regionCode: string, severity: 'serious' | 'general') =>
    cases.create({
      buildingCode,
      regionCode,
      category: 'structure_damage',
      severity,
      description: '墙体开裂',
      source: 'officer',
      sourceRef: null,
      definitionVersion: 1,
      createdBy: officerId,
    });
  const { id: ours } = await open(code.a, VILLAGE, 'serious');
  await open(code.d, OTHER_VILLAGE, 'general');
  const { id: closed } = await open(code.b, VILLAGE, 'general');
  await database.db('cases').where({ id: closed }).update({ status: 'closed' });

  const mine = await store.cases(town, {}, close);
  assert.equal(counted(mine, 'cases'), 1);
  assert.equal(points(mine, 'cases')[0]?.props.caseId, ours);
  assert.equal(counted(await store.cases(district, {}, close), 'cases'), 2);
  assert.equal(counted(await store.cases(otherTown, { severity: 'serious' }, close), 'cases'), 0);
  assert.equal(counted(await store.cases(town, { overdue: true }, close), 'cases'), 0);
  await database
    .db('cases')
    .where({ id: ours })
    .update({ due_at: database.db.raw(`now() - interval '1 day'`) });
  assert.equal(counted(await store.cases(town, { overdue: true }, close), 'cases'), 1);
  const a = points(await store.houses(town, {}, close, DUE_SINCE), 'houses').find((p) => p.props.code === code.a)!;
  assert.deepEqual([a.props.openCases, a.props.overdue], [1, 1]);

  const card = await store.card(town, code.a, DUE_SINCE);
  assert.deepEqual(
    card?.openCases.map((c) => [c.id, c.severity, c.overdue]),
    [[ours, 'serious', true]],
  );
  assert.deepEqual([card?.riskTier, card?.inspectionDue, card?.lastInspection], ['red', true, null]);
  assert.equal(await store.card(otherTown, code.a, DUE_SINCE), undefined);
  assert.equal(await store.card(town, `${VILLAGE}999999`, DUE_SINCE), undefined);
  await database.db('buildings').where({ code: code.b }).update({ latest_judgement: 'none', latest_judgement_at: '2026-01-05' });
  assert.equal((await store.card(town, code.b, { ...DUE_SINCE, since: '2026-01-01' }))?.inspectionDue, false);
  assert.equal((await store.card(town, code.b, { ...DUE_SINCE, since: '2026-02-01' }))?.inspectionDue, true);
});

test('each house row keeps its open cases and their earliest deadline as cases open, move and end; the rebuild writes them again', async () => {
  const cases = new DatabaseCaseStore(database.appDb);
  const officerId = ((await database.db('users').where({ username: 'officer' }).first('id')) as { id: string }).id;
  const open = async () =>
    (
      await cases.create({
        buildingCode: code.b,
        regionCode: VILLAGE,
        category: 'structure_damage',
        severity: 'general',
        description: '墙体开裂',
        source: 'officer',
        sourceRef: null,
        definitionVersion: 1,
        createdBy: officerId,
      })
    ).id;
  const figures = async (house: string) => {
    const row = (await database.db('buildings').where({ code: house }).first('open_cases', 'open_case_due_at')) as {
      open_cases: number;
      open_case_due_at: Date | null;
    };
    const point = points(await store.houses(town, {}, close, DUE_SINCE), 'houses').find((p) => p.props.code === house);
    return [row.open_cases, row.open_case_due_at?.toISOString() ?? null, point?.props.openCases ?? 0, point?.props.overdue ?? 0];
  };
  const before = await figures(code.b);
  const first = await open();
  const second = await open();
  assert.deepEqual(await figures(code.b), [Number(before[0]) + 2, null, Number(before[0]) + 2, 0]);
  const late = new Date(Date.now() - 86_400_000);
  const later = new Date(Date.now() + 86_400_000);
  await database.db('cases').where({ id: first }).update({ due_at: later });
  await database.db('cases').where({ id: second }).update({ due_at: late });
  assert.deepEqual(await figures(code.b), [2, late.toISOString(), 2, 1]);
  await database.db('cases').where({ id: second }).update({ status: 'closed' });
  assert.deepEqual(await figures(code.b), [1, later.toISOString(), 1, 0]);
  // A case moved to another house counts there, no longer here.
  await database.db('cases').where({ id: first }).update({ building_code: code.a });
  assert.deepEqual((await figures(code.b)).slice(0, 2), [0, null]);
  await database.db('cases').where({ id: first }).update({ building_code: code.b, status: 'cancelled' });
  assert.deepEqual(await figures(code.b), [0, null, 0, 0]);

  // Figures gone wrong (written with the triggers off) are put right from the cases.
  await database.db('buildings').where({ code: code.b }).update({ open_cases: 5, open_case_due_at: late });
  assert.equal(await rebuildOpenCases(database.db), 1);
  assert.deepEqual(await figures(code.b), [0, null, 0, 0]);
  assert.equal(await rebuildOpenCases(database.db), 0);
});

test('complaints of the last days, where the house stands, to readers of their region', async () => {
  const complaints = new DatabaseComplaintStore(database.appDb);
  const { id } = await complaints.create(newComplaint({ buildingCode: code.a, regionCode: VILLAGE }));
  const mine = await store.complaints(town, { days: 30 }, close);
  assert.equal(counted(mine, 'complaints'), 1);
  assert.equal(points(mine, 'complaints')[0]?.props.complaintId, id);
  assert.equal(counted(await store.complaints(otherTown, { days: 30 }, close), 'complaints'), 0);
  await database
    .db('complaints')
    .where({ id })
    .update({ created_at: database.db.raw(`now() - interval '40 days'`) });
  assert.equal(counted(await store.complaints(town, { days: 30 }, close), 'complaints'), 0);
});

test('a campaign’s located houses, by progress, to readers of their villages', async () => {
  const campaigns = new DatabaseCampaignStore(database.appDb);
  const officer = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
  const { id: campaignId, total } = await campaigns.create({
    name: '专项',
    regionCode: '441802',
    filters: {},
    assigneeRole: 'inspector',
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    remindDaysBefore: 1,
    createdBy: officer,
  });
  assert.equal(total, 4);
  const mine = await store.campaign(town, { campaignId }, close);
  assert.equal(counted(mine, 'campaign'), 2, 'house C has no position');
  assert.equal(
    points(mine, 'campaign').reduce((n, p) => n + Number(p.props.pending), 0),
    2,
  );
  assert.equal(counted(await store.campaign(otherTown, { campaignId }, close), 'campaign'), 1);
  assert.equal(counted(await store.campaign(district, { campaignId, regionCode: VILLAGE }, close), 'campaign'), 2);
  assert.equal(counted(await store.campaign(district, { campaignId: randomUUID() }, close), 'campaign'), 0);
});

test('the version moves when a write a tile shows commits, not before and not for one rolled back', async () => {
  const listening = async () => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await store.version();
      if (v.startsWith('n')) return v;
      assert.ok(Date.now() < deadline, 'never listened');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const settled = async (from: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await store.version();
      if (v !== from) return v;
      if (Date.now() > deadline) return v;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const before = await listening();
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await store.version(), before, 'nothing written');
  await assert.rejects(
    database.appDb.transaction(async (trx) => {
      await trx('buildings').where({ code: code.b }).update({ floors_above: 3 });
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(await store.version(), before, 'a rolled-back write');
  await database.appDb('buildings').where({ code: code.b }).update({ floors_above: 3 });
  const afterHouse = await settled(before);
  assert.notEqual(afterHouse, before);
  // A 定期巡查 item handed out changes the house's blue ring.
  await database.appDb('inspection_due').insert({
    building_code: code.b,
    village_code: VILLAGE,
    tier: 'green',
    version: 1,
    day_seconds: 86_400,
    basis_at: new Date().toISOString(),
    due_at: new Date().toISOString(),
  });
  assert.notEqual(await settled(afterHouse), afterHouse, 'an inspection item');
});

test('the houses of waiting warnings, escalated counted, to readers of the warning’s region; a closed warning leaves the map', async () => {
  const warnings = new DatabaseWarningStore(database.appDb);
  const raise = (subject: string, codes: string[]) =>
    warnings.raise(
      toNewWarnings(
        warningRule('complaint_cluster'),
        1,
        [{ subject, occurrence: subject, regionCode: VILLAGE, buildingCodes: codes, caseIds: [], evidence: {} }],
        { now: new Date(), daySeconds: 86_400 },
      ),
    );
  await raise(`map-${randomUUID()}`, [code.a, code.b]);
  const mine = await store.warnings(town, {}, close);
  assert.equal(counted(mine, 'warnings'), 2);
  assert.equal(counted(await store.warnings(otherTown, {}, close), 'warnings'), 0);
  const [one] = (await warnings.list('441802006', { page: 1, perPage: 1 })).data;
  assert.ok(one);
  await warnings.escalate(one.id);
  const escalated = await store.warnings(district, {}, close);
  assert.equal(
    points(escalated, 'warnings').reduce((n, p) => n + Number(p.props.escalated), 0),
    2,
  );
  const officer = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
  await warnings.dismiss(one.id, officer, '已核实');
  assert.equal(counted(await store.warnings(district, {}, close), 'warnings'), 0);
});
