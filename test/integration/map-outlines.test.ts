/**
 * `GET /api/map/outlines` on the real stack (issue 18 §2): houses created through the API in two
 * villages of one town and one of another town; each outline holds its houses and is marked
 * approximate, a town officer and an inspector see only their own area, an imported boundary replaces
 * the hull, and a moved or added house has its village's outline drawn again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DatabaseOutlineStore } from '../../domain/map/database-outlines-store.ts';
import { geometryContains, outerVertices } from '../../domain/map/outlines.ts';
import type { OutlineGeometry, Position } from '../../domain/map/outlines.ts';
import { importFingerprint } from '../../domain/map/region-outlines.ts';
import type { OutlineCollection, OutlineFeature } from '../../domain/map/region-outlines.ts';
import { createHouse } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const TOWN = '441802006';
const A = '441802006001';
const B = '441802006002';
const OTHER_TOWN = '441802007';
const C = '441802007001';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
const houses = new Map<string, { code: string; at: Position }[]>();

async function addHouse(village: string, at: Position): Promise<string> {
  const code = await createHouse(officer, { villageCode: village, longitude: at[0], latitude: at[1] });
  houses.set(village, [...(houses.get(village) ?? []), { code, at }]);
  return code;
}

async function outlines(client: ApiClient, query = ''): Promise<Map<string, OutlineFeature>> {
  const r = await client.get<OutlineCollection>(`/api/map/outlines${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.type, 'FeatureCollection');
  return new Map(r.body.features.map((f) => [f.properties.code, f]));
}

const spanMetres = (g: OutlineGeometry) => {
  const v = outerVertices(g);
  const lon = v.map((p) => p[0]);
  const lat = v.map((p) => p[1]);
  return Math.max((Math.max(...lon) - Math.min(...lon)) * 102_000, (Math.max(...lat) - Math.min(...lat)) * 110_574);
};

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  // Village A: houses along two streets; village B: two houses; village C in another town.
  for (let i = 0; i < 8; i++) await addHouse(A, [113.03 + i * 0.0008, 23.7]);
  for (let i = 1; i < 6; i++) await addHouse(A, [113.03, 23.7 + i * 0.0008]);
  await addHouse(B, [113.045, 23.705]);
  await addHouse(B, [113.0455, 23.7052]);
  for (let i = 0; i < 5; i++) await addHouse(C, [113.08 + (i % 3) * 0.001, 23.69 + Math.floor(i / 3) * 0.001]);
  // A house with no position counts in the region but draws nothing.
  await createHouse(officer, { villageCode: A, longitude: null, latitude: null });
});
after(async () => {
  await stack?.stop();
});

describe('GET /api/map/outlines', () => {
  test('the district sees every town and village, each approximate and holding its houses', async () => {
    const all = await outlines(officer);
    assert.deepEqual([...all.keys()], [TOWN, OTHER_TOWN, A, B, C]);
    for (const f of all.values()) {
      assert.equal(f.properties.approximate, true);
      assert.ok(f.properties.name.length > 0);
      for (const [village, list] of houses) {
        if (!village.startsWith(f.properties.code)) continue;
        for (const h of list) assert.ok(geometryContains(f.geometry, h.at), `${f.properties.code} holds house ${h.code}`);
      }
    }
    assert.deepEqual(
      [...all.values()].map((f) => [f.properties.level, f.properties.houses]),
      [
        ['town', 16],
        ['town', 5],
        ['village', 14],
        ['village', 2],
        ['village', 5],
      ],
    );
    // Two houses make a small rounded area around them, not a line.
    assert.ok(spanMetres(all.get(B)!.geometry) < 250);
    // No village of one town lies in the other town's outline.
    for (const h of houses.get(C)!) assert.ok(!geometryContains(all.get(TOWN)!.geometry, h.at));
  });

  test('a town officer sees their town and its villages only; an inspector their village; other regions are 404', async () => {
    assert.deepEqual([...(await outlines(town)).keys()], [TOWN, A, B]);
    assert.deepEqual([...(await outlines(town, `?regionCode=${A}`)).keys()], [A]);
    assert.deepEqual([...(await outlines(inspector)).keys()], [A]);
    assert.deepEqual([...(await outlines(officer, `?regionCode=${OTHER_TOWN}`)).keys()], [OTHER_TOWN, C]);
    for (const region of [OTHER_TOWN, C, '441802']) assert.equal((await town.get(`/api/map/outlines?regionCode=${region}`)).status, 404);
    assert.equal((await inspector.get(`/api/map/outlines?regionCode=${B}`)).status, 404);
    const bad = await town.get<{ error: { code: string; field?: string; details?: { field: string }[] } }>(
      '/api/map/outlines?regionCode=fc',
    );
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.match(JSON.stringify(bad.body.error), /regionCode/);
    assert.equal((await new ApiClient(stack.baseUrl).get('/api/map/outlines')).status, 401);
  });

  test('a moved house and an added house have their village’s outline drawn again', async () => {
    const before = await outlines(officer);
    const moved = houses.get(B)![1]!;
    const to: Position = [113.0475, 23.7065];
    assert.ok(!geometryContains(before.get(B)!.geometry, to));
    const r = await officer.patch(`/api/buildings/${moved.code}`, { longitude: to[0], latitude: to[1] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    moved.at = to;
    const added = await addHouse(C, [113.075, 23.688]);
    const after = await outlines(officer);
    for (const h of houses.get(B)!) assert.ok(geometryContains(after.get(B)!.geometry, h.at), `B holds ${h.code}`);
    assert.ok(geometryContains(after.get(C)!.geometry, [113.075, 23.688]), `C holds the added house ${added}`);
    assert.ok(geometryContains(after.get(OTHER_TOWN)!.geometry, [113.075, 23.688]), 'so does its town');
    assert.equal(after.get(C)!.properties.houses, 6);
    assert.deepEqual(after.get(A)!.geometry, before.get(A)!.geometry, 'an unchanged village keeps its outline');
  });

  test('an imported boundary replaces the hull, is not approximate, and stays when houses move', async () => {
    const boundary: OutlineGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [113.025, 23.695],
          [113.04, 23.695],
          [113.04, 23.71],
          [113.025, 23.71],
          [113.025, 23.695],
        ],
      ],
    };
    // The town's outlines read just before: the API keeps them until the map's version moves on.
    assert.equal((await outlines(town)).get(A)!.properties.approximate, true);
    await new DatabaseOutlineStore(stack.db).importBoundaries([
      {
        code: A,
        level: 'village',
        geometry: boundary,
        approximate: false,
        source: 'import',
        houseCount: 0,
        fingerprint: importFingerprint(boundary),
      },
    ]);
    // The import notifies the map's version as a house write does; the API hears of it within milliseconds.
    let first = (await outlines(town)).get(A)!;
    for (const until = Date.now() + 2000; first.properties.approximate && Date.now() < until; first = (await outlines(town)).get(A)!)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(first.geometry, boundary);
    assert.equal(first.properties.approximate, false);
    await addHouse(A, [113.05, 23.72]);
    const later = await outlines(town);
    assert.deepEqual(later.get(A)!.geometry, boundary);
    assert.equal(later.get(A)!.properties.houses, 15);
    assert.equal(later.get(TOWN)!.properties.approximate, true);
    for (const corner of boundary.coordinates[0]!)
      assert.ok(geometryContains(later.get(TOWN)!.geometry, corner), 'the town is drawn around it');
  });
});
