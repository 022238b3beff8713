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
import { PHONE, SCREENSHOT_DIR, launchBrowser, screenshot } from '../support/browser.ts';
import { registerCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { INSPECTION_SCHEDULE_WORKFLOW } from '../../workflows/inspection-schedule/messages.ts';
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
  VILLAGES,
  offlinePage,
  openMap,
  shownCount,
  waitForMap,
  zoomToSingles,
} from './map-steps.ts';
import type { MapHouses } from './map-steps.ts';
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
  // The 定期巡查 pass has run (as its Schedule would, at any moment of the run): the blue rings and the
  // phone's due list read its items, and agree.
  await stack.temporal.client.workflow.execute(INSPECTION_SCHEDULE_WORKFLOW, {
    taskQueue: stack.config.temporalTaskQueue,
    workflowId: 'inspection-schedule-map',
  });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The houses of 高基里 due for inspection: all but the red ones, judged three days ago (see addMapHouses). */
const dueOfGaojili = () => houses.byVillage.gaojili.filter((_, i) => i % 10 !== 0);
/** Where house `i` of 高基里 stands (addMapHouses' grid). */
const gaojiliHouseAt = (i: number) => ({
  longitude: VILLAGES.gaojili.centre[0] + ((i % 6) - 2.5) * 0.0003,
  latitude: VILLAGES.gaojili.centre[1] + (Math.floor(i / 6) - 2) * 0.0003,
});

/** The due list under the phone map once it has loaded in `order`: each house's code, address text and distance. */
async function dueList(page: Page, order: 'code' | 'distance') {
  await page.locator(`[data-due-list="ready"][data-order="${order}"]`).waitFor();
  return page.locator('[data-due]').evaluateAll((links) =>
    links.map((a) => ({
      code: a.getAttribute('data-due') ?? '',
      distance: a.hasAttribute('data-distance') ? Number(a.getAttribute('data-distance')) : null,
      text: a.textContent ?? '',
    })),
  );
}

const registryTotal = async (client: ApiClient, query = '') =>
  (await client.get<{ total: number }>(`/api/buildings?perPage=1${query}`)).body.total;

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

    const village = await zoomToSingles(page, 'red');
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
    const state = await zoomToSingles(page);
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
    // The red ones were judged three days ago; the others never were.
    assert.equal(due.length, dueOfGaojili().length);
    const [first] = due;
    assert.ok(first?.code);
    const strip = await coloursRightOf(page, first, 30);
    assert.ok(strip.filter((rgb) => near(rgb, '#1565c0', 30)).length >= 3, `a due house has a thick blue ring: ${JSON.stringify(strip)}`);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'map-phone-inspector');
    // Listed under the map with their addresses; without a position, by code, a page at a time.
    const byCode = await dueList(page, 'code');
    await page.getByRole('heading', { name: `应排查 ${due.length} 栋` }).waitFor();
    await page.locator('[data-position="failed"]').getByText('未能获取您的位置，现按房屋编码排列').waitFor();
    assert.deepEqual(
      byCode.map((h) => h.code),
      dueOfGaojili().slice(0, 20),
      'the first page, by code',
    );
    assert.match(byCode[0]!.text, /凤城街道高基里 2 号/, 'with its address');
    assert.ok(byCode.every((h) => h.distance === null && /从未排查/.test(h.text)));
    await page.getByRole('button', { name: `显示更多（还有 ${due.length - 20} 栋）` }).click();
    await page
      .locator('[data-due]')
      .nth(due.length - 1)
      .waitFor();
    assert.deepEqual(
      (await dueList(page, 'code')).map((h) => h.code),
      dueOfGaojili(),
    );
    assert.equal(await page.getByRole('button', { name: /显示更多/ }).count(), 0);
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
  test('the inspector’s phone map lists the due houses with their addresses, nearest to where the phone stands first', async () => {
    // Standing at 高基里’s house 30 (the grid’s far corner): it first, then its neighbours by distance.
    const here = gaojiliHouseAt(29);
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'inspector', PHONE, here);
    await page.goto(`${stack.baseUrl}/m/map`);
    const list = await dueList(page, 'distance');
    await page.locator('[data-position="located"]').getByText('按与您的距离由近及远排列').waitFor();
    const api = await page.request.get(
      `${stack.baseUrl}/api/map/due?near=${here.longitude.toFixed(6)},${here.latitude.toFixed(6)}&perPage=20`,
    );
    assert.equal(api.status(), 200);
    const expected = ((await api.json()) as { data: { code: string; distanceM: number }[] }).data;
    assert.deepEqual(
      list.map((h) => [h.code, h.distance]),
      expected.map((h) => [h.code, h.distanceM]),
      'the API’s order and distances',
    );
    assert.equal(list[0]?.code, houses.byVillage.gaojili[29]);
    assert.match(list[0]!.text, /凤城街道高基里 30 号.*10 米内/);
    assert.match(list[1]!.text, /凤城街道高基里 29 号.*约 30 米/, 'the next house west, 30 m away');
    const distances = list.map((h) => h.distance ?? Infinity);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
      'nearest first',
    );
    assert.ok(list.every((h) => dueOfGaojili().includes(h.code)));
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'map-phone-due-near');
    // The list as the phone shows it, scrolled to.
    await page.locator('[data-due-list]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/map-phone-due-list.png`, animations: 'disabled' });
    await page.locator(`[data-due="${list[0]!.code}"]`).click();
    await page.waitForURL(new RegExp(`/m/b/${list[0]!.code}$`));
    await page.getByRole('link', { name: '开始排查' }).waitFor();
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('on a phone, the card of a tapped house never hides it: the map moves the house above the card', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'inspector', PHONE);
    await openMap(page, stack.baseUrl);
    const state = await zoomToSingles(page);
    const canvas = page.locator('[data-map] canvas');
    const size = (await canvas.boundingBox())!;
    // The lowest house drawn, clear of the map's edges: the card over the map's lower part would cover it.
    const low = state.singles.filter((s) => s.y < size.height - 20 && s.x > 20 && s.x < size.width - 20).sort((a, b) => b.y - a.y)[0];
    assert.ok(low?.code, 'a house in view');
    await clickOn(page, low);
    const card = page.locator(`[data-house-card="${low.code}"]`);
    await card.locator('[data-last-inspection]').waitFor();
    const [map, box] = await Promise.all([canvas.boundingBox(), card.boundingBox()]);
    assert.ok(map && box);
    const cardTop = box.y - map.y;
    assert.ok(cardTop < low.y, `the card (top ${cardTop}) covers where the house was drawn (${low.y})`);
    const moved = await waitForMap(
      page,
      (s) => (s.singles.find((h) => h.code === low.code)?.y ?? Infinity) < cardTop - 10,
      `${low.code} above the card’s top edge (${cardTop})`,
    );
    const house = moved.singles.find((h) => h.code === low.code)!;
    assert.ok(house.y > 0 && house.x > 0 && house.x < map.width, `still on the map: ${JSON.stringify(house)}`);
    assert.equal(moved.zoom.toFixed(2), state.zoom.toFixed(2), 'at the same zoom');
    await screenshot(page, 'map-phone-card-kept');
    assert.deepEqual(outside, []);
    await context.close();
  });
});
