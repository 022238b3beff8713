/**
 * The outline cache on PostgreSQL, as the application role: fingerprints follow the houses' positions
 * only, hulls are computed once and again only for what changed, an imported boundary always wins.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseOutlineStore } from './database-outlines-store.ts';
import { geometryContains } from './outlines.ts';
import type { OutlineGeometry } from './outlines.ts';
import { importFingerprint, regionOutlines } from './region-outlines.ts';

const TOWN = '441802006';
const A = '441802006001';
const B = '441802006002';
let database: TestDatabase;
let store: DatabaseOutlineStore;
let houses: DatabaseBuildingStore;

const addHouse = (villageCode: string, longitude: number | null, latitude: number | null) =>
  houses.create({
    villageCode,
    address: '测试路 1 号',
    floorsAbove: 2,
    structureType: 'brick_concrete',
    use: 'own_home',
    longitude,
    latitude,
  });
const fingerprints = async () => new Map((await store.villagePoints(TOWN)).map((v) => [v.code, v.fingerprint]));
const computedAt = async () =>
  new Map(
    ((await database.db('region_outlines').select('code', 'computed_at')) as { code: string; computed_at: Date }[]).map((r) => [
      r.code,
      r.computed_at.getTime(),
    ]),
  );

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  store = new DatabaseOutlineStore(database.appDb);
  houses = new DatabaseBuildingStore(database.appDb);
  for (let i = 0; i < 30; i++) await addHouse(A, 113.03 + (i % 6) * 0.001, 23.7 + Math.floor(i / 6) * 0.001);
  await addHouse(B, 113.06, 23.72);
  await addHouse(B, null, null);
});
after(async () => {
  await database?.drop();
});

test('a village’s fingerprint follows its located houses’ positions and nothing else', async () => {
  const first = await fingerprints();
  assert.deepEqual([...first.keys()], [A, B]);
  const [v] = await store.villagePoints(B);
  assert.deepEqual({ houses: v?.houses, located: v?.located }, { houses: 2, located: 1 });
  const code = (await database.db('buildings').where({ village_code: A }).orderBy('code').first('code')) as { code: string };
  await database.db('buildings').where(code).update({ floors_above: 5, address: '测试路 2 号' });
  assert.deepEqual(await fingerprints(), first);
  await database.db('buildings').where(code).update({ longitude: 113.0301 });
  const moved = await fingerprints();
  assert.notEqual(moved.get(A), first.get(A));
  assert.equal(moved.get(B), first.get(B));
  await database.db('buildings').where(code).update({ longitude: 113.03 });
  assert.deepEqual(await fingerprints(), first, 'moved back, the same fingerprint');
});

test('hulls are drawn once and again only where a house moved, with the town after its village', async () => {
  const drawn = await regionOutlines(store, TOWN);
  assert.deepEqual(
    drawn.features.map((f) => [f.properties.code, f.properties.level, f.properties.approximate, f.properties.houses]),
    [
      [TOWN, 'town', true, 32],
      [A, 'village', true, 30],
      [B, 'village', true, 2],
    ],
  );
  const positions = await store.positions([A, B]);
  for (const f of drawn.features) {
    for (const [village, points] of positions) {
      if (!village.startsWith(f.properties.code)) continue;
      for (const p of points) assert.ok(geometryContains(f.geometry, p), `${f.properties.code} holds ${p.join(',')}`);
    }
  }
  const before = await computedAt();
  assert.deepEqual(await regionOutlines(store, TOWN), drawn);
  assert.deepEqual(await computedAt(), before, 'nothing drawn again');

  await addHouse(A, 113.02, 23.69);
  const after = await regionOutlines(store, TOWN);
  const times = await computedAt();
  assert.ok(times.get(A)! > before.get(A)! && times.get(TOWN)! > before.get(TOWN)!);
  assert.equal(times.get(B), before.get(B));
  const village = after.features.find((f) => f.properties.code === A)!;
  assert.ok(geometryContains(village.geometry, [113.02, 23.69]));
  assert.equal(village.properties.houses, 31);
});

test('an imported boundary wins over the hull, is never drawn again, and makes the town’s hull follow it', async () => {
  const boundary: OutlineGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [113.05, 23.71],
        [113.07, 23.71],
        [113.07, 23.73],
        [113.05, 23.73],
        [113.05, 23.71],
      ],
    ],
  };
  const fingerprint = importFingerprint(boundary);
  const input = {
    code: B,
    level: 'village' as const,
    geometry: boundary,
    approximate: false,
    source: 'import' as const,
    houseCount: 0,
    fingerprint,
  };
  assert.deepEqual(await store.importBoundaries([input]), { added: 0, replaced: 1 });
  const before = await computedAt();
  await addHouse(B, 113.2, 23.9);
  const answer = await regionOutlines(store, TOWN);
  const village = answer.features.find((f) => f.properties.code === B)!;
  assert.deepEqual(village.geometry, boundary);
  assert.equal(village.properties.approximate, false);
  assert.equal(village.properties.houses, 3);
  assert.equal((await computedAt()).get(B), before.get(B), 'the import is left as it is');
  assert.ok((await computedAt()).get(TOWN)! > before.get(TOWN)!, 'the town is drawn again around the new boundary');
  const town = answer.features.find((f) => f.properties.code === TOWN)!;
  for (const p of boundary.coordinates[0]!) assert.ok(geometryContains(town.geometry, p));
  // A hull computed before the import and saved after it does not overwrite it.
  await store.saveHulls([{ ...input, geometry: town.geometry, approximate: true, source: 'hull', fingerprint: 'late' }]);
  assert.deepEqual((await store.stored(B))[0]?.geometry, boundary);
});

test('a village whose houses have no position left loses its hull; unknown codes are named', async () => {
  await database.db('buildings').where({ village_code: A }).update({ longitude: null, latitude: null });
  const answer = await regionOutlines(store, TOWN);
  assert.deepEqual(
    answer.features.map((f) => f.properties.code),
    [TOWN, B],
  );
  assert.equal((await store.stored(A)).length, 0);
  assert.deepEqual(await store.unknownRegions([A, '441802', '441802999999', TOWN]), ['441802', '441802999999']);
});
