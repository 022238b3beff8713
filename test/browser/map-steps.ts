/**
 * What the map tests share: houses with coordinates in three villages of two towns, a signed-in page
 * that may reach nothing but this machine (every other request is aborted and recorded), and reading
 * the map back: the clusters and houses it drew (the page lists them with their place on screen), a
 * click on one of them, the colour of a pixel.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import type { Db } from '../../domain/db.ts';
import { recomputeAllRiskTiers } from '../../domain/risk/refresh.ts';
import { addDays, beijingDay } from '../../domain/statistics/period.ts';
import { newPage, signIn } from './ui.ts';

/** Village code → its centre; 高基里 and 鹤堂 are in 凤城街道, 白庙 in 东城街道. */
export const VILLAGES = {
  gaojili: { code: '441802006001', centre: [113.03, 23.7], street: '凤城街道高基里' },
  hetang: { code: '441802006002', centre: [113.06, 23.715], street: '凤城街道鹤堂东街' },
  baimiao: { code: '441802007001', centre: [113.1, 23.68], street: '东城街道白庙路' },
} as const;
export const PER_VILLAGE = 30;

export interface MapHouses {
  /** Every code by village. */
  byVillage: Record<keyof typeof VILLAGES, string[]>;
  /** 高基里: seriously dangerous (red), five floors, catering. */
  shop: string;
}

/** Houses on a grid of about 150 m around each village's centre; a few red and orange. */
export async function addMapHouses(db: Db): Promise<MapHouses> {
  const store = new DatabaseBuildingStore(db);
  const byVillage = { gaojili: [], hetang: [], baimiao: [] } as MapHouses['byVillage'];
  // Judged three days ago: red's monthly 定期巡查 does not fall due during the run, whenever the schedule's pass comes.
  const judged = addDays(beijingDay(new Date()), -3);
  for (const [name, village] of Object.entries(VILLAGES) as [keyof typeof VILLAGES, (typeof VILLAGES)[keyof typeof VILLAGES]][]) {
    for (let i = 0; i < PER_VILLAGE; i++) {
      const red = i % 10 === 0;
      const orange = i % 10 === 5;
      const code = await store.create(
        {
          villageCode: village.code,
          address: `${village.street} ${i + 1} 号`,
          // About 30 m apart: a few share a cluster cell at district zoom.
          longitude: village.centre[0] + ((i % 6) - 2.5) * 0.0003,
          latitude: village.centre[1] + (Math.floor(i / 6) - 2) * 0.0003,
          floorsAbove: red || orange ? 5 : 2,
          structureType: 'brick_concrete',
          use: orange || red ? 'business' : 'own_home',
          ...(orange || red ? { businessCategory: 'catering' } : {}),
          ...(red ? { latestJudgement: 'serious', latestJudgementAt: judged } : {}),
        },
        db,
      );
      byVillage[name].push(code);
    }
  }
  await recomputeAllRiskTiers(db);
  return { byVillage, shop: byVillage.gaojili[0] ?? '' };
}

/**
 * A signed-in page that can reach only 127.0.0.1 / localhost; `outside` collects every other address it
 * tried. Given `at`, the page may know where the phone is (geolocation granted, at that position);
 * without, a page asking for it is refused.
 */
export async function offlinePage(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport: { width: number; height: number },
  at?: { longitude: number; latitude: number },
): Promise<{ context: BrowserContext; page: Page; outside: string[]; glyphs: string[] }> {
  const { context, page } = await newPage(browser, viewport);
  if (at) {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(at);
  }
  const outside: string[] = [];
  const glyphs: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('.pbf')) glyphs.push(url.href);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost')
      return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  await signIn(page, baseUrl, username);
  return { context, page, outside, glyphs };
}

export interface Drawn {
  x: number;
  y: number;
  count: number;
  /** The class it is coloured by: its legend entry. */
  kind: string;
  code: string | null;
  /** A single feature's house code, case or complaint id. */
  id: string | null;
}

export interface MapState {
  zoom: number;
  pitch: number;
  blocks: number;
  clusters: Drawn[];
  singles: Drawn[];
}

/** What the map drew when it last came to rest. */
export async function mapState(page: Page): Promise<MapState> {
  // One read, so the lists and the zoom are of the same moment. No named functions inside: the test
  // runner's compiler would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const root = document.querySelector('[data-map]');
    const [clusters = [], singles = []] = ['[data-cluster]', '[data-single]'].map((selector) =>
      [...document.querySelectorAll(`[data-view-list] ${selector}`)].map((el) => ({
        x: Number(el.getAttribute('data-x')),
        y: Number(el.getAttribute('data-y')),
        count: Number(el.getAttribute('data-count')),
        kind: el.getAttribute('data-kind') ?? '',
        code: el.getAttribute('data-code'),
        id: el.getAttribute('data-single'),
      })),
    );
    return {
      zoom: Number(root?.getAttribute('data-zoom')),
      pitch: Number(root?.getAttribute('data-pitch')),
      blocks: Number(root?.getAttribute('data-blocks') ?? 0),
      clusters,
      singles,
    };
  });
}

/** Waits until the map has come to rest in a state that `ok` accepts, and returns that state. */
export async function waitForMap(page: Page, ok: (state: MapState) => boolean, what: string): Promise<MapState> {
  const deadline = Date.now() + 20_000;
  let state = await mapState(page);
  while (!ok(state)) {
    if (Date.now() > deadline) assert.fail(`the map never showed ${what}: ${JSON.stringify({ ...state, singles: state.singles.length })}`);
    await page.waitForTimeout(200);
    state = await mapState(page);
  }
  return state;
}

/** Everything the map draws adds up to (clusters' counts plus single houses). */
export const drawnTotal = (state: MapState) => state.clusters.reduce((n, c) => n + c.count, 0) + state.singles.length;

/**
 * Clicks the biggest cluster (of the `kind` when given) until `enough` single features are drawn (of that
 * kind, when given), as a user zooming in does.
 */
export async function zoomToSingles(page: Page, kind?: string, enough = 5): Promise<MapState> {
  let state = await waitForMap(page, (s) => s.clusters.length + s.singles.length > 0, 'anything');
  const done = (s: MapState) => s.singles.length >= enough && (!kind || s.singles.some((f) => f.kind === kind));
  for (let i = 0; i < 6 && !done(state); i++) {
    const biggest = state.clusters.find((c) => c.kind === kind) ?? state.clusters[0];
    assert.ok(biggest, `a cluster to click: ${JSON.stringify(state)}`);
    const zoom = state.zoom;
    await clickOn(page, biggest);
    state = await waitForMap(page, (s) => s.zoom > zoom + 1, 'a closer view');
  }
  return state;
}

/** The legend's entries (their class) and the colour each swatch is painted in, as `#rrggbb`. */
export async function legendColours(page: Page): Promise<Record<string, string>> {
  const entries = await page
    .locator('[data-legend-entry]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-legend-entry') ?? '', getComputedStyle(el.firstElementChild ?? el).backgroundColor]),
    );
  const hex = (css: string) =>
    `#${(css.match(/\d+/g) ?? [])
      .slice(0, 3)
      .map((v) => Number(v).toString(16).padStart(2, '0'))
      .join('')}`;
  return Object.fromEntries(entries.map(([key, css]) => [key, hex(css ?? '')]));
}

/** Clicks the map where `feature` is drawn. */
export async function clickOn(page: Page, feature: Pick<Drawn, 'x' | 'y'>): Promise<void> {
  await page.locator('[data-map]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-map] canvas').boundingBox();
  assert.ok(box, 'the map canvas is on the page');
  await page.mouse.click(box.x + feature.x, box.y + feature.y);
}

/** The colour drawn at `feature`'s centre, as `#rrggbb`. */
export async function colourAt(page: Page, feature: Pick<Drawn, 'x' | 'y'>): Promise<[number, number, number]> {
  const box = await page.locator('[data-map] canvas').boundingBox();
  assert.ok(box);
  const shot = await page.screenshot({ clip: { x: box.x + feature.x - 1, y: box.y + feature.y - 1, width: 3, height: 3 } });
  const png = PNG.sync.read(shot);
  const i = (png.width + 1) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

/** The colours drawn on the `width` pixels right of `feature`'s centre. */
export async function coloursRightOf(page: Page, feature: Pick<Drawn, 'x' | 'y'>, width: number): Promise<[number, number, number][]> {
  const box = await page.locator('[data-map] canvas').boundingBox();
  assert.ok(box);
  const shot = await page.screenshot({ clip: { x: box.x + feature.x, y: box.y + feature.y, width, height: 1 } });
  const png = PNG.sync.read(shot);
  return Array.from({ length: png.width }, (_, i): [number, number, number] => [
    png.data[i * 4] ?? 0,
    png.data[i * 4 + 1] ?? 0,
    png.data[i * 4 + 2] ?? 0,
  ]);
}

/** True when two colours differ by at most `tolerance` in each channel. */
export function near(rgb: [number, number, number], hex: string, tolerance = 16): boolean {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return rgb.every((v, i) => Math.abs(v - (want[i] ?? 0)) <= tolerance);
}

/** Opens the map (with a query, e.g. a filter) and waits until it rests with its data drawn. */
export async function openMap(page: Page, baseUrl: string, query = ''): Promise<MapState> {
  await page.goto(`${baseUrl}/map${query}`);
  await page.locator('[data-map-count]').waitFor();
  return waitForMap(page, (s) => s.clusters.length + s.singles.length > 0, 'any house');
}

/** The count the page shows. */
export async function shownCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-map-count]').getAttribute('data-map-count'));
}
