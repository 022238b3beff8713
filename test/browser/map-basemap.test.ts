/**
 * A PMTiles basemap in a real browser: the app configured with MAP_BASEMAP_PMTILES pointing to a vector
 * PMTiles v3 file made here (land over the district, a river south of 高基里, two roads), read by the
 * map with range requests from this server only, drawn under the houses, with its attribution shown.
 * Every address outside this machine is blocked. Screenshots under test-artifacts.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { TIER_COLOURS } from '../../admin-ui/src/stats/colours.ts';
import { BACKGROUND } from '../../admin-ui/src/map/mapStyle.ts';
import { mercX, mercY } from '../../domain/map/tiles.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { tilesOver, vectorTile, writePmtiles } from '../support/pmtiles.ts';
import type { ArchiveTile, Shape } from '../support/pmtiles.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { PER_VILLAGE, VILLAGES, addMapHouses, colourAt, coloursRightOf, near, offlinePage, openMap, waitForMap } from './map-steps.ts';
import type { Drawn, MapHouses } from './map-steps.ts';
import { assertNoMessageKeys, fitsWidth } from './ui.ts';

const LAPTOP = { width: 1440, height: 900 };
const ATTRIBUTION = '© 清城区测试底图';
const DISTRICT: [number, number, number, number] = [112.95, 23.62, 113.18, 23.78];
/** A river 100 m wide, from some 30 m south of 高基里's southern row of houses. */
const RIVER: [number, number, number, number] = [112.95, 23.6982, 113.18, 23.6991];
/** A north–south road some 100 m east of 高基里's houses, an east–west one some 65 m north of them. */
const ROADS = { longitude: 113.0318, latitude: 23.7012 };
const LAYERS: Record<string, Shape[]> = {
  landuse: [{ area: DISTRICT, props: { kind: 'residential' } }],
  water: [{ area: RIVER, props: { kind: 'river' } }],
  roads: [
    {
      line: [
        [ROADS.longitude, DISTRICT[1]],
        [ROADS.longitude, DISTRICT[3]],
      ],
      props: { kind: 'minor_road' },
    },
    {
      line: [
        [DISTRICT[0], ROADS.latitude],
        [DISTRICT[2], ROADS.latitude],
      ],
      props: { kind: 'minor_road' },
    },
  ],
};
/** The basemap style's fills (admin-ui/src/map/mapStyle.ts's vectorBasemap): areas grey, water pale blue, at 80 %. */
const LAND = '#e2e6e9';
const WATER = '#cfe3f0';
const FILL_OPACITY = 0.8;

let stack: Stack;
let browser: Browser;
let houses: MapHouses;
let dir = '';

/** The share of the map's pixels drawn within `tolerance` of `hex`. */
async function shareOf(page: Page, hex: string, tolerance: number): Promise<number> {
  const box = await page.locator('[data-map] canvas').boundingBox();
  assert.ok(box);
  const png = PNG.sync.read(await page.screenshot({ clip: box }));
  let hits = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (near([png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0], hex, tolerance)) hits += 1;
  }
  return hits / (png.width * png.height);
}

/** `top` at `alpha` over `under`, as `#rrggbb`. */
function over(top: string, alpha: number, under: string): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [t, u] = [rgb(top), rgb(under)];
  return `#${t
    .map((v, i) =>
      Math.round(v * alpha + (u[i] ?? 0) * (1 - alpha))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ydym-pmtiles-'));
  const tiles: ArchiveTile[] = [];
  for (let z = 8; z <= 14; z++)
    for (const t of tilesOver(z, DISTRICT)) {
      const data = vectorTile(t.z, t.x, t.y, LAYERS);
      if (data) tiles.push({ ...t, data });
    }
  const archive = writePmtiles(tiles, {
    tileType: 'mvt',
    bounds: DISTRICT,
    center: [113.05, 23.7, 12],
    metadata: {
      name: '清城区测试底图',
      vector_layers: Object.keys(LAYERS).map((id) => ({ id, fields: { kind: 'String' }, minzoom: 8, maxzoom: 14 })),
    },
  });
  await writeFile(join(dir, 'qingcheng.pmtiles'), archive);
  stack = await startStack({ MAP_BASEMAP_PMTILES: join(dir, 'qingcheng.pmtiles'), MAP_BASEMAP_ATTRIBUTION: ATTRIBUTION });
  browser = await launchBrowser();
  houses = await addMapHouses(stack.db);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every request the page makes for the basemap file: its Range header and the answer's status. */
function basemapReads(page: Page): { range: string | null; status: number }[] {
  const reads: { range: string | null; status: number }[] = [];
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname === '/api/map/basemap.pmtiles')
      reads.push({ range: await r.request().headerValue('range'), status: r.status() });
  });
  return reads;
}

/**
 * Where a WGS-84 position is on the map, from two houses drawn on it (screen pixels are Web Mercator
 * units scaled and shifted while the map is flat and north up).
 */
function screenOf(a: Drawn & { at: [number, number] }, b: Drawn & { at: [number, number] }) {
  const sx = (b.x - a.x) / (mercX(b.at[0]) - mercX(a.at[0]));
  const sy = (b.y - a.y) / (mercY(b.at[1]) - mercY(a.at[1]));
  return ([lon, lat]: [number, number]) => ({ x: a.x + (mercX(lon) - mercX(a.at[0])) * sx, y: a.y + (mercY(lat) - mercY(a.at[1])) * sy });
}

/** 高基里's i-th house's position, as map-steps.ts placed it. */
const gaojiliAt = (i: number): [number, number] => [
  VILLAGES.gaojili.centre[0] + ((i % 6) - 2.5) * 0.0003,
  VILLAGES.gaojili.centre[1] + (Math.floor(i / 6) - 2) * 0.0003,
];

describe('a PMTiles basemap (MAP_BASEMAP_PMTILES)', () => {
  test('is read by range from this server and drawn under the houses: the river, the land, the roads; its attribution shows', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    const reads = basemapReads(page);
    await openMap(page, stack.baseUrl, `?filter=${encodeURIComponent(JSON.stringify({ regionCode: VILLAGES.gaojili.code }))}`);
    const state = await waitForMap(page, (s) => s.singles.length === PER_VILLAGE, '高基里’s houses one by one');
    assert.ok(reads.length >= 2, `the header, then tiles: ${JSON.stringify(reads)}`);
    assert.ok(
      reads.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? '')),
      `every read is a range: ${JSON.stringify(reads)}`,
    );

    // Two houses at opposite corners place any position on the screen.
    const corner = (i: number) => {
      const code = houses.byVillage.gaojili[i];
      const drawn = state.singles.find((s) => s.code === code);
      assert.ok(drawn, `house ${i} is drawn`);
      return { ...drawn, at: gaojiliAt(i) };
    };
    const screen = screenOf(corner(0), corner(PER_VILLAGE - 1));
    const land = over(LAND, FILL_OPACITY, BACKGROUND);
    const river = screen([VILLAGES.gaojili.centre[0], RIVER[3] - 0.0002]);
    const riverRgb = await colourAt(page, river);
    // The outlines' light fill lies over the basemap: a few units either way.
    assert.ok(near(riverRgb, over(WATER, FILL_OPACITY, land), 10), `the river at ${JSON.stringify(river)}: ${riverRgb.join(',')}`);
    const field = screen([VILLAGES.gaojili.centre[0] - 0.0015, VILLAGES.gaojili.centre[1] + 0.0003]);
    const fieldRgb = await colourAt(page, field);
    assert.ok(near(fieldRgb, land, 6), `the land at ${JSON.stringify(field)}: ${fieldRgb.join(',')}, not the background ${BACKGROUND}`);
    assert.ok(!near(fieldRgb, BACKGROUND, 6), 'the land is not the bare background');
    // The north–south road, white, some 100 m east of the houses.
    // A line 1.5 px wide, its ends rounded to the basemap tile's grid: looked for across 9 px.
    const road = screen([ROADS.longitude, VILLAGES.gaojili.centre[1] + 0.0003]);
    const across = await coloursRightOf(page, { x: road.x - 4, y: road.y }, 9);
    assert.ok(
      across.some((rgb) => near(rgb, '#ffffff', 8)),
      `the road at ${JSON.stringify(road)}: ${JSON.stringify(across)}`,
    );
    // The houses over all of it, in their tiers' colours.
    for (const house of state.singles.slice(0, 6)) {
      const rgb = await colourAt(page, house);
      assert.ok(near(rgb, TIER_COLOURS[house.kind as keyof typeof TIER_COLOURS]), `${house.code} (${house.kind}) drawn ${rgb.join(',')}`);
    }

    const attribution = page.locator('.maplibregl-ctrl-attrib-inner');
    await attribution.getByText(ATTRIBUTION).waitFor();
    assert.ok(await attribution.getByText(ATTRIBUTION).isVisible(), 'the attribution is shown');
    await assertNoMessageKeys(page);
    await screenshot(page, 'map-basemap-village-1440');
    assert.deepEqual(outside, [], 'nothing asked of the internet');
    await context.close();
  });

  test('the district and a phone: the river crosses the district under the clusters', async () => {
    for (const [viewport, name] of [
      [LAPTOP, 'map-basemap-district-1440'],
      [PHONE, 'map-basemap-phone'],
    ] as const) {
      const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', viewport);
      const reads = basemapReads(page);
      await openMap(page, stack.baseUrl);
      await waitForMap(page, (s) => s.clusters.length > 0, 'the district’s clusters');
      assert.ok(reads.length >= 2 && reads.every((r) => r.status === 206));
      // The river: a band some 10 px high across the map at district zoom.
      const water = await shareOf(page, over(WATER, FILL_OPACITY, over(LAND, FILL_OPACITY, BACKGROUND)), 10);
      assert.ok(water > 0.01, `the river is drawn: ${(water * 100).toFixed(1)} % of the map`);
      await page.locator('.maplibregl-ctrl-attrib').waitFor();
      assert.match((await page.locator('.maplibregl-ctrl-attrib-inner').textContent()) ?? '', new RegExp(ATTRIBUTION));
      if (viewport === PHONE) assert.ok(await fitsWidth(page));
      await page.locator('[data-map]').scrollIntoViewIfNeeded();
      await screenshot(page, name);
      assert.deepEqual(outside, []);
      await context.close();
    }
  });
});
