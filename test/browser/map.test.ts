/**
 * 一张图 in a real browser (software WebGL) against the real API, with every address outside this
 * machine blocked: the district's houses as clusters whose counts add up to the registry's total, a
 * click on a cluster zooming in to the houses in their tier colours, the house card, a filter that
 * changes the map, the count and the list alike, the 3D blocks, a town officer's map holding only
 * their town, and the page on a phone. Screenshots at 1440 and 390 px under test-artifacts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TIER_COLOURS } from '../../admin-ui/src/stats/colours.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { registerCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { pickOption } from './houses.ts';
import {
  PER_VILLAGE,
  addMapHouses,
  clickOn,
  colourAt,
  coloursRightOf,
  drawnTotal,
  near,
  offlinePage,
  openMap,
  shownCount,
  waitForMap,
} from './map-steps.ts';
import type { MapHouses, MapState } from './map-steps.ts';
import { assertNoMessageKeys, fitsWidth, listTotal } from './ui.ts';

const LAPTOP = { width: 1440, height: 900 };

let stack: Stack;
let browser: Browser;
let officer: ApiClient;
let houses: MapHouses;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  houses = await addMapHouses(stack.db);
  officer = await loggedIn(stack.baseUrl, 'officer');
  await registerCase(officer, houses.shop, 'serious');
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const registryTotal = async (client: ApiClient, query = '') =>
  (await client.get<{ total: number }>(`/api/buildings?perPage=1${query}`)).body.total;

/**
 * Clicks the biggest cluster (of the `tier` when given) until single houses are drawn, as a user
 * zooming in to a village does.
 */
async function zoomToHouses(page: Page, tier?: string): Promise<MapState> {
  let state = await waitForMap(page, (s) => s.clusters.length + s.singles.length > 0, 'anything');
  const done = (s: MapState) => s.singles.length >= 5 && (!tier || s.singles.some((h) => h.kind === tier));
  for (let i = 0; i < 6 && !done(state); i++) {
    const biggest = state.clusters.find((c) => c.kind === tier) ?? state.clusters[0];
    assert.ok(biggest, 'a cluster to click');
    const zoom = state.zoom;
    await clickOn(page, biggest);
    state = await waitForMap(page, (s) => s.zoom > zoom + 1, 'a closer view');
  }
  return state;
}

describe('the map (一张图)', () => {
  test('the district officer’s: clusters adding up to the registry’s total, then houses in their tier colours, and a house’s card', async () => {
    const { context, page, outside, glyphs } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await page.getByRole('menuitem', { name: '一张图' }).click();
    await page.locator('[data-map-count]').waitFor();
    const total = await registryTotal(officer);
    assert.equal(total, 3 * PER_VILLAGE);
    assert.equal(await shownCount(page), total, 'the count is the registry’s');
    const district = await waitForMap(page, (s) => drawnTotal(s) === total, `all ${total} houses`);
    assert.ok(
      district.clusters.some((c) => c.count > 1),
      `clustered at district zoom: ${JSON.stringify(district)}`,
    );
    await assertNoMessageKeys(page);
    await screenshot(page, 'map-district-1440');

    const village = await zoomToHouses(page, 'red');
    assert.ok(village.singles.length >= 5, 'single houses close up');
    const tiers = new Set(village.singles.map((s) => s.kind));
    for (const tier of tiers) assert.ok(tier in TIER_COLOURS, `a tier: ${tier}`);
    // Each dot is drawn in its tier's colour.
    const visible = village.singles.filter((s) => s.x > 240 && s.y > 20 && s.y < 560);
    for (const dot of visible.slice(0, 6)) {
      const rgb = await colourAt(page, dot);
      assert.ok(near(rgb, TIER_COLOURS[dot.kind as keyof typeof TIER_COLOURS]), `${dot.code} (${dot.kind}) drawn ${rgb.join(',')}`);
    }
    await screenshot(page, 'map-village-1440');

    // The red shop: its card, with why, its open case and the way to its file.
    const shop = village.singles.find((s) => s.code === houses.shop) ?? village.singles.find((s) => s.kind === 'red');
    assert.ok(shop?.code, 'a red house in view');
    await clickOn(page, shop);
    const card = page.locator(`[data-house-card="${shop.code}"]`);
    await card.getByRole('heading').waitFor();
    await card.getByText('红色').waitFor();
    assert.ok((await card.locator('[data-reasons] li').count()) >= 1, 'why it is red');
    if (shop.code === houses.shop) await card.locator('[data-case]').first().waitFor();
    await screenshot(page, 'map-card-1440');
    await card.getByRole('link', { name: '房屋档案' }).click();
    await page.waitForURL(new RegExp(`/buildings/${shop.code}/show$`));
    await page.getByRole('heading', { name: '基本情况' }).waitFor();

    assert.deepEqual(outside, [], 'nothing asked of the internet');
    assert.deepEqual(glyphs, [], 'no glyph file asked for: labels come from local fonts');
    await context.close();
  });

  test('a filter changes the map and the count alike, and the list behind the link has that total', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await openMap(page, stack.baseUrl);
    const tiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/map/tiles/houses/')) tiles.push(r.url());
    });
    await pickOption(page, '风险等级', '红色');
    const red = await registryTotal(officer, '&riskTier=red');
    assert.ok(red > 0 && red < 3 * PER_VILLAGE);
    await page.waitForFunction((n) => document.querySelector('[data-map-count]')?.getAttribute('data-map-count') === String(n), red);
    const state = await waitForMap(page, (s) => drawnTotal(s) === red, `the ${red} red houses`);
    assert.ok(state.singles.every((s) => s.kind === 'red') && state.clusters.every((c) => c.kind === 'red'), 'only red on the map');
    assert.ok(
      tiles.some((u) => u.includes('riskTier=red')),
      'the tiles were asked again with the filter',
    );
    await screenshot(page, 'map-filtered-1440');
    await page.locator('[data-registry-link]').click();
    await page.waitForURL(/\/buildings\?filter=/);
    assert.equal(await listTotal(page), red);
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('the cases layer shows the open cases by severity; a campaign waits to be picked', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await openMap(page, stack.baseUrl);
    await page.locator('[data-layer="cases"]').click();
    const state = await waitForMap(page, (s) => drawnTotal(s) === 1, 'the one open case');
    assert.deepEqual(
      [...state.clusters, ...state.singles].map((f) => f.kind),
      ['serious'],
    );
    await page.locator('[data-legend="cases"]').getByText('严重隐患').waitFor();
    await screenshot(page, 'map-cases-1440');
    await page.locator('[data-layer="campaign"]').click();
    await page.getByText('请选择一次专项排查，查看其进度').waitFor();
    await waitForMap(page, (s) => drawnTotal(s) === 0, 'nothing before a campaign is picked');
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('3D draws the houses as blocks, tilted', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await openMap(page, stack.baseUrl, `?filter=${encodeURIComponent(JSON.stringify({ regionCode: '441802006001' }))}`);
    await page.getByLabel('三维').check();
    const state = await waitForMap(page, (s) => s.pitch >= 55 && s.blocks > 0, 'blocks');
    assert.ok(state.zoom >= 16);
    await screenshot(page, 'map-3d-1440');
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('a town officer’s map holds their town’s houses only', async () => {
    const town = await loggedIn(stack.baseUrl, 'town');
    const total = await registryTotal(town);
    assert.equal(total, 2 * PER_VILLAGE);
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'town', LAPTOP);
    await openMap(page, stack.baseUrl);
    assert.equal(await shownCount(page), total);
    await waitForMap(page, (s) => drawnTotal(s) === total, `the town's ${total} houses`);
    // The tile over 白庙 (东城街道) at house zoom: the officer's holds its houses, the town officer's none.
    const [lng, lat] = [113.1, 23.68];
    const z = 16;
    const x = Math.floor(((lng + 180) / 360) * 2 ** z);
    const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
    const path = `/api/map/tiles/houses/${z}/${x}/${y}.mvt`;
    const mine = await page.request.get(`${stack.baseUrl}${path}`);
    assert.ok(mine.status() === 200 || mine.status() === 204, `${path}: ${mine.status()}`);
    const theirs = Buffer.from(
      await (await fetch(`${stack.baseUrl}${path}`, { headers: { Cookie: officer.cookieHeader() } })).arrayBuffer(),
    );
    const codesIn = (bytes: Buffer) => houses.byVillage.baimiao.filter((code) => bytes.includes(Buffer.from(code)));
    assert.ok(codesIn(theirs).length > 0, 'the district officer’s tile holds 白庙’s houses');
    assert.deepEqual(codesIn(await mine.body()), [], 'the town officer’s holds none');
    await screenshot(page, 'map-town-1440');
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('the cockpit shows its region’s houses on the map, and opens 一张图 filtered to that region', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await page.goto(`${stack.baseUrl}/cockpit?region=441802006`);
    await page.locator('[data-card="map"] [data-map]').waitFor();
    await waitForMap(page, (s) => drawnTotal(s) === 2 * PER_VILLAGE, '凤城街道’s houses');
    await page.locator('[data-card="map"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'map-cockpit-1440');
    await page.locator('[data-map-link]').click();
    await page.waitForURL(/\/map\?filter=/);
    await page.locator('[data-map-count]').waitFor();
    assert.equal(await shownCount(page), 2 * PER_VILLAGE);
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('on a phone: the map first, the filters folded, the card over the map’s lower part', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'inspector', PHONE);
    await openMap(page, stack.baseUrl);
    assert.ok(await fitsWidth(page));
    const box = await page.locator('[data-map]').boundingBox();
    assert.ok(box && box.y < PHONE.height / 2, 'the map starts in the upper half of the screen');
    await screenshot(page, 'map-phone');
    const state = await zoomToHouses(page);
    const house = state.singles.find((s) => s.y > 40 && s.y < 300) ?? state.singles[0];
    assert.ok(house);
    await clickOn(page, house);
    await page.locator(`[data-house-card="${house.code}"]`).getByRole('heading').waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'map-phone-card');
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('the inspector’s phone map: the houses due for inspection stand out, a tap opens the house with 开始排查, no admin scripts', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'inspector', PHONE);
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${stack.baseUrl}/m/map`);
    await page.locator('[data-map-count]').waitFor();
    assert.equal(await shownCount(page), PER_VILLAGE, 'their village');
    const village = await waitForMap(page, (s) => s.singles.length === PER_VILLAGE, 'every house of the village');
    const due = village.singles.filter((s) => s.kind !== 'red');
    // The red ones were inspected this year; the others never were.
    assert.equal(await page.locator('.phone-map-list [data-single]').count(), due.length);
    const [first] = due;
    assert.ok(first?.code);
    const strip = await coloursRightOf(page, first, 30);
    assert.ok(strip.filter((rgb) => near(rgb, '#1565c0', 30)).length >= 3, `a due house has a thick blue ring: ${JSON.stringify(strip)}`);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'map-phone-inspector');
    await clickOn(page, first);
    await page.waitForURL(new RegExp(`/m/b/${first.code}$`));
    await page.getByRole('link', { name: '开始排查' }).waitFor();
    assert.deepEqual(
      scripts.filter((s) => /react-admin|mui|AdminApp/.test(s)),
      [],
    );
    assert.deepEqual(outside, []);
    await context.close();
  });
});
