/**
 * The map's basemap by configuration (issue 18 §2): a PMTiles file on disk served with range requests to
 * signed-in users only, and a GCJ-02 basemap moving the features as tiles are cut while the stored
 * WGS-84 coordinates stay as they are.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { basemapDatum } from '../../domain/map/datum.ts';
import { pixelLngLat, tileOf, tileRange } from '../../domain/map/tiles.ts';
import { createHouse } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fetchTile } from '../support/tiles.ts';

let stack: Stack;
let officer: ApiClient;
const bytes = randomBytes(4096);
const HOUSE = { longitude: 113.0563, latitude: 23.6981 };

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ydym-basemap-'));
  await writeFile(join(dir, 'qingcheng.pmtiles'), bytes);
  stack = await startStack({
    MAP_BASEMAP_PMTILES: join(dir, 'qingcheng.pmtiles'),
    MAP_BASEMAP_COORDINATES: 'gcj02',
    MAP_BASEMAP_ATTRIBUTION: '© 测试底图',
  });
  officer = await loggedIn(stack.baseUrl, 'officer');
});
after(async () => {
  await stack?.stop();
});

test('a PMTiles basemap is served by range to signed-in users only', async () => {
  const config = await officer.get('/api/map/config');
  assert.deepEqual(config.body, {
    basemap: { type: 'pmtiles', url: '/api/map/basemap.pmtiles', attribution: '© 测试底图' },
    coordinates: 'gcj02',
  });
  const part = await fetch(`${stack.baseUrl}/api/map/basemap.pmtiles`, {
    headers: { Cookie: officer.cookieHeader(), Range: 'bytes=100-227' },
  });
  assert.equal(part.status, 206);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(100, 228));
  const anonymous = await new ApiClient(stack.baseUrl).get('/api/map/basemap.pmtiles');
  assert.equal(anonymous.status, 401);
});

test('on a GCJ-02 basemap the house is drawn at its GCJ-02 position; its record keeps WGS-84', async () => {
  const code = await createHouse(officer, HOUSE);
  const [glon, glat] = basemapDatum('gcj02')!([HOUSE.longitude, HOUSE.latitude]);
  const t = tileOf(18, glon, glat);
  const r = await fetchTile(officer, `/api/map/tiles/houses/${t.z}/${t.x}/${t.y}.mvt`);
  const f = r.layers.houses!.find((x) => x.properties.code === code)!;
  const [lon, lat] = pixelLngLat(tileRange(t.z, t.x, t.y)!, f.geometry[0]![0]!.x, f.geometry[0]![0]!.y);
  assert.ok(Math.abs(lon - glon) < 1e-6 && Math.abs(lat - glat) < 1e-6, `${lon},${lat} vs ${glon},${glat}`);
  const house = await officer.get<{ longitude: number; latitude: number }>(`/api/buildings/${code}`);
  assert.deepEqual([house.body.longitude, house.body.latitude], [HOUSE.longitude, HOUSE.latitude]);
  const summary = await officer.get<{ bounds: number[] }>('/api/map/summary');
  assert.ok(Math.abs(summary.body.bounds[0]! - glon) < 1e-9, 'the summary places the map in the basemap’s datum');
  const outlines = await officer.get<{ features: { properties: { code: string }; geometry: { coordinates: number[][][] } }[] }>(
    '/api/map/outlines?regionCode=441802006001',
  );
  const village = outlines.body.features.find((f) => f.properties.code === '441802006001')!;
  const ring = village.geometry.coordinates[0]!;
  const [minLon, maxLon] = [Math.min(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[0]!))];
  assert.ok(minLon < glon && glon < maxLon, 'the outline is drawn around the house’s GCJ-02 position');
  assert.ok(!(minLon < HOUSE.longitude && HOUSE.longitude < maxLon), 'not around its WGS-84 one, some 500 m west');
});
