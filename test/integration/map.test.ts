/**
 * The map API (issue 18 §1): tiles whose counts add up to the registry list's totals for the same
 * filters at every zoom, region-scoped like the list, cached by ETag and changed by the next write; the
 * card of a house; bad addresses and filters refused with the field named.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHouse, registerCase } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fetchTile, tilesHolding } from '../support/tiles.ts';
import type { TileFeature } from '../support/tiles.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;

/** Houses of town 441802006 around one street, and of town 441802007 some 8 km away. */
const MINE = Array.from({ length: 12 }, (_, i) => ({ longitude: 113.03 + (i % 4) * 0.0004, latitude: 23.7 + Math.floor(i / 4) * 0.0003 }));
const OTHER = Array.from({ length: 3 }, (_, i) => ({ longitude: 113.1 + i * 0.0005, latitude: 23.75 }));
const codes: { mine: string[]; other: string[]; unplaced: string } = { mine: [], other: [], unplaced: '' };

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  for (const [i, p] of MINE.entries())
    codes.mine.push(await createHouse(officer, { ...p, floorsAbove: 1 + (i % 5), floorArea: 120 + i * 10 }));
  for (const p of OTHER) codes.other.push(await createHouse(officer, { ...p, villageCode: '441802007001' }));
  codes.unplaced = await createHouse(officer, { address: '无坐标的房屋' });
  await registerCase(officer, codes.mine[0]!, 'serious');
  await registerCase(officer, codes.mine[1]!, 'general');
});
after(async () => {
  await stack?.stop();
});

const ALL = [...MINE, ...OTHER];
const query = (filter: Record<string, string>) => (Object.keys(filter).length ? `?${new URLSearchParams(filter)}` : '');

/** Every feature of the `houses` layer over the tiles of zoom z holding these points. */
async function housesAt(client: ApiClient, z: number, filter: Record<string, string> = {}, points = ALL): Promise<TileFeature[]> {
  const features: TileFeature[] = [];
  for (const t of tilesHolding(z, points)) {
    const r = await fetchTile(client, `/api/map/tiles/houses/${t}.mvt${query(filter)}`);
    assert.equal(r.status, 200);
    features.push(...(r.layers.houses ?? []));
  }
  return features;
}
const total = (features: TileFeature[]) => features.reduce((n, f) => n + Number(f.properties.count), 0);
const listTotal = async (client: ApiClient, filter: Record<string, string>) =>
  (await client.get<{ total: number }>(`/api/buildings${query({ perPage: '1', ...filter })}`)).body.total;

describe('map tiles', () => {
  test('at every zoom the clusters add up to the list’s located houses; the summary counts the list’s total', async () => {
    const summary = (await officer.get<{ count: number; located: number; bounds: number[] }>('/api/map/summary')).body;
    assert.equal(summary.count, await listTotal(officer, {}));
    assert.equal(summary.located, summary.count - 1, 'the house without coordinates is counted but not placed');
    assert.equal(summary.located, ALL.length);
    assert.deepEqual(
      summary.bounds,
      [113.03, 23.7, 113.101, 23.75].map((v, i) => (i === 2 ? Math.max(...ALL.map((p) => p.longitude)) : v)),
    );
    for (const z of [8, 10, 12, 13, 14, 15, 16, 17, 18]) assert.equal(total(await housesAt(officer, z)), ALL.length, `zoom ${z}`);
    const far = await housesAt(officer, 10);
    assert.ok(
      far.some((f) => Number(f.properties.count) > 1),
      'the district zoom shows clusters',
    );
    const cluster = far.find((f) => Number(f.properties.count) > 1)!;
    assert.equal(cluster.properties.tier, 'red', 'a cluster is coloured by its worst house');
    const close = await housesAt(officer, 17);
    assert.ok(close.every((f) => f.properties.count === 1 && String(f.properties.code).length === 18));
  });

  test('a house alone carries its tier, floors and open cases; close up its footprint stands by its floors', async () => {
    const close = await housesAt(officer, 17);
    const first = close.find((f) => f.properties.code === codes.mine[0])!;
    assert.equal(first.properties.tier, 'red');
    assert.equal(first.properties.openCases, 1);
    assert.equal(close.find((f) => f.properties.code === codes.mine[5])!.properties.inspectionDue, 1, 'never inspected');
    const flat = await fetchTile(officer, `/api/map/tiles/houses/${tilesHolding(17, [MINE[4]!])[0]}.mvt`);
    assert.equal(flat.layers.footprints, undefined, 'the 2D view gets no footprints');
    const r = await fetchTile(officer, `/api/map/tiles/houses/${tilesHolding(17, [MINE[4]!])[0]}.mvt?footprints=true`);
    const footprint = r.layers.footprints!.find((f) => f.properties.code === codes.mine[4])!;
    assert.equal(footprint.type, 3, 'a polygon');
    assert.equal(footprint.properties.height, 3 * 5);
  });

  test('a filter gives the same count on the map as in the list', async () => {
    const filters: Record<string, string>[] = [
      { riskTier: 'red' },
      { openCase: 'true' },
      { openCase: 'false' },
      { minFloors: '3' },
      { regionCode: '441802007' },
      { overdue: 'false' },
    ];
    for (const filter of filters) {
      const expected = await listTotal(officer, filter);
      const located = (await officer.get<{ located: number; count: number }>(`/api/map/summary${query(filter)}`)).body;
      assert.equal(located.count, expected, JSON.stringify(filter));
      for (const z of [10, 14, 17])
        assert.equal(total(await housesAt(officer, z, filter)), located.located, `${JSON.stringify(filter)} z${z}`);
    }
    assert.equal(await listTotal(officer, { openCase: 'true' }), 2);
  });

  test('far zooms read the cells kept per grid square, and show what the houses themselves give', async () => {
    const { summaryLevel } = await import('../../domain/map/cell-summary.ts');
    const { TileWindow } = await import('../../domain/map/window.ts');
    const { tileRange } = await import('../../domain/map/tiles.ts');
    assert.equal(summaryLevel({}, new TileWindow(tileRange(10, 0, 0)!), undefined), 14);
    assert.equal(summaryLevel({ riskTier: 'red' }, new TileWindow(tileRange(13, 0, 0)!), undefined), 14);
    assert.equal(summaryLevel({ minFloors: 1 }, new TileWindow(tileRange(10, 0, 0)!), undefined), undefined);
    assert.equal(summaryLevel({}, new TileWindow(tileRange(15, 0, 0)!), undefined), 11);
    assert.equal(
      summaryLevel({}, new TileWindow(tileRange(10, 0, 0)!), () => [0, 0]),
      undefined,
      'not for another datum',
    );
    const shape = (features: TileFeature[]) =>
      features.map((f) => ({ ...f.properties, x: f.geometry[0]![0]!.x, y: f.geometry[0]![0]!.y })).sort((a, b) => a.x - b.x || a.y - b.y);
    for (const z of [8, 10, 11, 12, 13, 14, 15]) {
      // Every house has a floor: the same houses, read from the houses rather than the cells.
      const fromCells = shape(await housesAt(officer, z));
      const fromHouses = shape(await housesAt(officer, z, { minFloors: '1' }));
      assert.equal(fromCells.length, fromHouses.length, `zoom ${z}`);
      for (const [i, a] of fromCells.entries()) {
        const { x, y, ...rest } = fromHouses[i]!;
        assert.ok(Math.abs(a.x - x) <= 1 && Math.abs(a.y - y) <= 1, `zoom ${z}: the same centre`);
        assert.deepEqual({ ...a, x, y }, { ...rest, x, y }, `zoom ${z}`);
      }
    }
  });

  test('a town officer’s tiles hold their town only', async () => {
    const features = await housesAt(town, 17);
    assert.equal(features.length, MINE.length);
    assert.ok(features.every((f) => String(f.properties.code).startsWith('441802006')));
    assert.equal(total(await housesAt(town, 10)), MINE.length);
    assert.equal((await town.get<{ count: number }>('/api/map/summary')).body.count, await listTotal(town, {}));
    const card = await town.get(`/api/map/houses/${codes.other[0]}`);
    assert.equal(card.status, 404);
  });

  test('a tile is revalidated by ETag and changes with a write', async () => {
    const path = `/api/map/tiles/houses/${tilesHolding(17, [MINE[2]!])[0]}.mvt`;
    const first = await fetchTile(officer, path);
    assert.ok(first.etag);
    const again = await fetchTile(officer, path, { 'If-None-Match': first.etag });
    assert.equal(again.status, 304);
    const edited = await officer.patch(`/api/buildings/${codes.mine[2]}`, { floorsAbove: 6, version: 1 });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    // The API hears of the commit by a notification, within milliseconds: the tile changes by then.
    let after = await fetchTile(officer, path, { 'If-None-Match': first.etag });
    for (const until = Date.now() + 2000; after.status === 304 && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await fetchTile(officer, path, { 'If-None-Match': first.etag });
    }
    assert.equal(after.status, 200);
    assert.notEqual(after.etag, first.etag);
    assert.equal(after.layers.houses!.find((f) => f.properties.code === codes.mine[2])!.properties.floors, 6);
  });

  test('open cases and recent complaints have their own layers', async () => {
    const cases: TileFeature[] = [];
    for (const t of tilesHolding(12, MINE)) cases.push(...((await fetchTile(officer, `/api/map/tiles/cases/${t}.mvt`)).layers.cases ?? []));
    assert.equal(total(cases), 2);
    assert.equal(
      cases.reduce((n, f) => n + Number(f.properties.serious), 0),
      1,
    );
    const serious = await fetchTile(officer, `/api/map/tiles/cases/${tilesHolding(12, MINE)[0]}.mvt?severity=serious`);
    assert.equal(total(serious.layers.cases ?? []), 1);
  });

  test('a campaign’s houses by progress, and recent complaints at their house', async () => {
    const started = await officer.post<{ id: string }>('/api/campaigns', {
      name: '地图专项',
      regionCode: '441802006',
      filters: { minFloors: 4 },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const inCampaign = (await officer.get<{ total: number }>(`/api/campaigns/${started.body.id}/items?perPage=1`)).body.total;
    const features: TileFeature[] = [];
    for (const t of tilesHolding(14, MINE))
      features.push(
        ...((await fetchTile(officer, `/api/map/tiles/campaign/${t}.mvt?campaignId=${started.body.id}`)).layers.campaign ?? []),
      );
    assert.equal(total(features), inCampaign);
    assert.ok(inCampaign > 0);
    assert.equal(
      features.reduce((n, f) => n + Number(f.properties.pending), 0),
      inCampaign,
      'none done yet',
    );
    const filed = await new ApiClient(stack.baseUrl).post('/api/public/complaints', {
      buildingCode: codes.mine[7],
      category: 'structure_damage',
      description: '房屋外墙出现裂缝，担心安全',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const complaints = await fetchTile(officer, `/api/map/tiles/complaints/${tilesHolding(16, [MINE[7]!])[0]}.mvt`);
    assert.deepEqual(
      complaints.layers.complaints!.map((f) => [f.properties.count, f.properties.verifying, f.properties.status]),
      [[1, 1, 'verifying']],
    );
  });

  test('the card of a house: place, tier and why, open cases; no personal data', async () => {
    const r = await officer.get<Record<string, unknown>>(`/api/map/houses/${codes.mine[0]}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.riskTier, 'red');
    assert.equal((r.body.openCases as unknown[]).length, 1);
    assert.equal(r.body.lastInspection, null);
    assert.ok((r.body.riskReasons as unknown[]).length > 0);
    assert.ok(!JSON.stringify(r.body).includes('张三') && !JSON.stringify(r.body).includes('13812345678'));
  });

  test('bad addresses and filters are refused naming the field', async () => {
    const outside = await fetchTile(officer, '/api/map/tiles/houses/3/8/1.mvt');
    assert.equal(outside.status, 400);
    const tooClose = await officer.get<{ error: { field: string } }>('/api/map/tiles/houses/19/1/1.mvt');
    assert.equal(tooClose.status, 400);
    assert.equal(tooClose.body.error.field, 'params.z');
    const tier = await officer.get<{ error: { field: string } }>('/api/map/tiles/houses/10/0/0.mvt?riskTier=purple');
    assert.equal(tier.status, 400);
    assert.equal(tier.body.error.field, 'query.riskTier');
    const days = await officer.get<{ error: { field: string } }>('/api/map/tiles/complaints/10/0/0.mvt?days=400');
    assert.equal(days.status, 400);
    assert.equal(days.body.error.field, 'query.days');
    const campaign = await officer.get('/api/map/tiles/campaign/10/0/0.mvt?campaignId=6f1c9a4e-2b7d-4c1e-9f3a-8d2b5e6c7a10');
    assert.equal(campaign.status, 404);
    const unknown = await officer.get('/api/map/houses/441802006001000001');
    assert.ok([400, 404].includes(unknown.status));
  });
});

describe('the map’s version', () => {
  test('heard by notification after each committed write, read from the database until then', async () => {
    const { MapVersionWatch } = await import('../../domain/map/version-watch.ts');
    let queried = 0;
    const watch = new MapVersionWatch(stack.config.databaseUrl, async () => String(++queried));
    try {
      assert.match(await watch.version(), /^q/, 'not listening yet: asked the database');
      let v = await watch.version();
      for (const until = Date.now() + 5000; v.startsWith('q') && Date.now() < until; v = await watch.version())
        await new Promise((resolve) => setTimeout(resolve, 20));
      assert.match(v, /^n/, 'listening');
      assert.equal(await watch.version(), v, 'nothing written: the same version, with no query');
      const before = queried;
      await stack.db.transaction(async (trx) => {
        await trx('buildings').where({ code: codes.mine[3] }).update({ floor_area: 333 });
        await trx('buildings').where({ code: codes.mine[4] }).update({ floor_area: 334 });
      });
      let next = await watch.version();
      for (const until = Date.now() + 2000; next === v && Date.now() < until; next = await watch.version())
        await new Promise((resolve) => setTimeout(resolve, 10));
      assert.notEqual(next, v, 'a committed write changes it');
      assert.equal(queried, before);
      await stack.db
        .transaction(async (trx) => {
          await trx('buildings').where({ code: codes.mine[3] }).update({ floor_area: 335 });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(await watch.version(), next, 'a rolled back write does not');
    } finally {
      await watch.close();
    }
  });
});

describe('the map’s summary', () => {
  test('read from the cells, it equals the houses’ own count, tiers and exact bounds, and follows the next write', async () => {
    type Summary = { count: number; located: number; bounds: number[] | null; tiers: Record<string, number> };
    const summary = async (client: ApiClient, filter: Record<string, string>) =>
      (await client.get<Summary>(`/api/map/summary${query(filter)}`)).body;
    const filters: Record<string, string>[] = [
      {},
      { riskTier: 'red' },
      { riskTier: 'green' },
      { regionCode: '441802007' },
      { regionCode: '441802006', riskTier: 'green' },
    ];
    for (const client of [officer, town])
      for (const filter of filters) {
        // Every house has a floor: the same houses, counted from the houses rather than the cells.
        const fromHouses = await summary(client, { ...filter, minFloors: '1' });
        assert.deepEqual(await summary(client, filter), fromHouses, JSON.stringify(filter));
      }
    const before = await summary(officer, {});
    const west = { longitude: 113.0123456, latitude: 23.6987654 };
    await createHouse(officer, west);
    // Kept under the map's version, which the API hears of by a notification within milliseconds (as a tile).
    let after = await summary(officer, {});
    for (const until = Date.now() + 2000; after.count === before.count && Date.now() < until; after = await summary(officer, {}))
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(after.count, before.count + 1, 'a read after the write counts the new house');
    assert.deepEqual(after.bounds, [west.longitude, west.latitude, before.bounds![2], before.bounds![3]]);
    assert.deepEqual(after, await summary(officer, { minFloors: '1' }));
  });
});

describe('close up', () => {
  test('what stands at one house is one feature naming the house; a complaint of no house stands alone', async () => {
    await registerCase(officer, codes.mine[0]!, 'general');
    const at = (layer: string, point: { longitude: number; latitude: number }) =>
      fetchTile(officer, `/api/map/tiles/${layer}/${tilesHolding(17, [point])[0]}.mvt`);
    const cases = (await at('cases', MINE[0]!)).layers.cases!.filter((f) => f.properties.code === codes.mine[0]);
    assert.deepEqual(
      cases.map((f) => [f.properties.count, f.properties.serious]),
      [[2, 1]],
      'two open cases of one house: one feature with the house’s code (a click opens its card)',
    );
    assert.equal(cases[0]!.properties.caseId, undefined);
    const citizen = new ApiClient(stack.baseUrl);
    const filed = await citizen.post('/api/public/complaints', {
      buildingCode: codes.mine[7],
      category: 'illegal_addition',
      description: '楼顶正在加建一层',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    // Two complaints of no registered house at the very place of the house: each stands alone.
    for (const description of ['路边空地有人私搭棚屋', '空地上的棚屋又加了一层'])
      assert.equal(
        (await citizen.post('/api/public/complaints', { position: MINE[7], category: 'other', description, fileIds: [] })).status,
        201,
      );
    const complaints = (await at('complaints', MINE[7]!)).layers.complaints!;
    assert.deepEqual(complaints.map((f) => [f.properties.count, f.properties.code ?? null, typeof f.properties.complaintId]).sort(), [
      [1, null, 'string'],
      [1, null, 'string'],
      [2, codes.mine[7], 'undefined'],
    ]);
    // Far out, grid cells as before: the two cases of the house and the one of its neighbour.
    const far: TileFeature[] = [];
    for (const t of tilesHolding(12, MINE)) far.push(...((await fetchTile(officer, `/api/map/tiles/cases/${t}.mvt`)).layers.cases ?? []));
    assert.equal(total(far), 3);
  });
});
