import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fitsWidth } from './ui.ts';

/** The same flat Earth the API and the map measure on. */
const METRES_PER_DEGREE = 111_195;
const CITIZEN = { latitude: 23.74, longitude: 113.07, accuracy: 15 };
const COS = Math.cos((CITIZEN.latitude * Math.PI) / 180);
/** A point `east` and `north` metres from the citizen. */
const around = (east: number, north: number) => ({
  latitude: CITIZEN.latitude + north / METRES_PER_DEGREE,
  longitude: CITIZEN.longitude + east / (METRES_PER_DEGREE * COS),
});
/** Metres east and north of the citizen. */
const offset = (p: { latitude: number; longitude: number }) => ({
  east: (p.longitude - CITIZEN.longitude) * METRES_PER_DEGREE * COS,
  north: (p.latitude - CITIZEN.latitude) * METRES_PER_DEGREE,
});
/** Some 80 km away, where no house is registered. */
const FAR = { latitude: 23.0, longitude: 113.5, accuracy: 20 };

interface StaffComplaint {
  buildingCode: string | null;
  position: { latitude: number; longitude: number } | null;
}

let stack: Stack;
let browser: Browser;
let town: ApiClient;
/** Three houses around the citizen, and one too far to be offered. */
const houses = { north: '', east: '', southWest: '', far: '' };

before(async () => {
  stack = await startStack({ COMPLAINTS_PER_HOUR: '50' });
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  houses.north = await createHouse(officer, { ...around(0, 45), address: '凤城街道新联村一巷 1 号' });
  houses.east = await createHouse(officer, { ...around(70, 0), address: '凤城街道新联村一巷 9 号' });
  houses.southWest = await createHouse(officer, { ...around(-30, -45), address: '凤城街道新联村二巷 2 号' });
  houses.far = await createHouse(officer, { ...around(0, 450), address: '凤城街道新联村五巷 6 号' });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A citizen's touch phone (never signed in) standing at `at`, keeping the paths of the scripts it downloads. */
async function citizenPhone(at: { latitude: number; longitude: number; accuracy: number }) {
  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
    geolocation: at,
  });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { context, page, scripts };
}

/** Fills what every complaint needs and asks the phone where it is. */
async function startComplaint(page: Page, category: string, description: string): Promise<void> {
  await page.goto(`${stack.baseUrl}/m/complain`);
  await page.getByRole('radio', { name: category }).check();
  await page.getByRole('textbox', { name: '问题描述' }).fill(description);
  await page.getByRole('button', { name: '使用当前位置' }).click();
}

/** The house codes on the map, in their numbered order. */
async function dotCodes(page: Page): Promise<string[]> {
  return page.locator('.cmp-map .cmp-map-house').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-code') ?? ''));
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, height: box.height };
}

async function filedTrackingNo(page: Page): Promise<string> {
  await page.getByRole('heading', { name: '投诉已受理' }).waitFor();
  const trackingNo = (await page.locator('[data-tracking-no]').getAttribute('data-tracking-no')) ?? '';
  assert.match(trackingNo, /^TS\d{8}[A-HJ-NP-Z2-9]{8}$/);
  return trackingNo;
}

/** The complaint as the town officer reads it, found by its tracking number. */
async function staffView(trackingNo: string): Promise<StaffComplaint> {
  const list = await town.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${trackingNo}`);
  assert.equal(list.body.data.length, 1, JSON.stringify(list.body));
  const one = await town.get<StaffComplaint>(`/api/complaints/${list.body.data[0]?.id}`);
  assert.equal(one.status, 200);
  return one.body;
}

describe('the complaint map on a citizen’s phone', () => {
  test('shows the registered houses around the citizen; a house picked on the map is the one complained about', async () => {
    const { context, page, scripts } = await citizenPhone(CITIZEN);
    await startComplaint(page, '承重结构损伤', '东侧房屋外墙开裂，裂缝越来越宽');
    await page.getByText(`已获取当前位置（±${CITIZEN.accuracy} 米）`).waitFor();

    // Nearest first; the house 450 m away is not offered.
    const map = page.getByRole('group', { name: /附近登记的房屋地图/ });
    await map.waitFor();
    await page.locator('.cmp-map-house').nth(2).waitFor();
    assert.deepEqual(await dotCodes(page), [houses.north, houses.southWest, houses.east]);
    await page.locator('.cmp-near-row').getByText('距您约 45 米').waitFor();

    // Drawn where they are, north up, around the citizen at the centre.
    const you = await centreOf(page, '[data-you]');
    const svg = await centreOf(page, '.cmp-map');
    assert.ok(Math.abs(you.x - svg.x) < 1 && Math.abs(you.y - svg.y) < 1, 'the citizen at the centre');
    const north = await centreOf(page, `.cmp-map-house[data-code="${houses.north}"]`);
    const east = await centreOf(page, `.cmp-map-house[data-code="${houses.east}"]`);
    const southWest = await centreOf(page, `.cmp-map-house[data-code="${houses.southWest}"]`);
    assert.ok(Math.abs(north.x - you.x) < 2 && north.y < you.y - 40, 'north is up');
    assert.ok(east.x > you.x + 60 && Math.abs(east.y - you.y) < 2, 'east is right');
    assert.ok(southWest.x < you.x && southWest.y > you.y, 'south-west is down and left');
    for (const dot of [north, east, southWest]) assert.ok(dot.width >= 32 && dot.height >= 32, `a thumb-sized target: ${dot.width}`);
    await page.locator('[data-scale-bar]').waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complaint-map');

    // Picked from the list, then changed for another by tapping its dot.
    await page.locator(`.cmp-near-row[data-code="${houses.southWest}"]`).tap();
    const chosen = page.locator('.cmp-chosen');
    await chosen.getByText('凤城街道新联村二巷 2 号').waitFor();
    assert.equal(await chosen.locator(`[data-code="${houses.southWest}"]`).count(), 1);
    await chosen.getByRole('button', { name: '重新选择' }).tap();
    await page.locator(`.cmp-map-house[data-code="${houses.east}"]`).tap();
    await chosen.getByText('凤城街道新联村一巷 9 号').waitFor();
    assert.equal(await page.locator('.cmp-map').count(), 0, 'the map gives way to the house picked');
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complaint-map-chosen');

    await page.getByRole('button', { name: '提交投诉' }).tap();
    const filed = await staffView(await filedTrackingNo(page));
    assert.equal(filed.buildingCode, houses.east, 'filed for the house tapped on the map');
    assert.deepEqual(
      scripts.filter((s) => /react-admin|mui|AdminApp/.test(s)),
      [],
    );
    await context.close();
  });

  test('tapping an empty spot moves the complaint there; it is filed with that position and no house', async () => {
    const { context, page } = await citizenPhone(CITIZEN);
    await startComplaint(page, '违规加层扩建', '巷口空地上正在起一栋新楼，没有挂牌');
    await page.locator('.cmp-map-house').nth(2).waitFor();

    // Half-way to the map's top-left corner, away from every house; the scale bar says how far that is.
    await page.locator('.cmp-map').scrollIntoViewIfNeeded();
    const you = await centreOf(page, '[data-you]');
    const svg = await centreOf(page, '.cmp-map');
    const tap = { x: you.x - svg.width / 4, y: you.y - svg.height / 4 };
    const bar = await centreOf(page, '[data-scale-bar]');
    const barMetres = Number(await page.locator('.cmp-map-scale').getAttribute('data-metres'));
    const metresPerPx = barMetres / bar.width;
    const expected = around((tap.x - you.x) * metresPerPx, (you.y - tap.y) * metresPerPx);
    await page.touchscreen.tap(tap.x, tap.y);

    await page.getByText('已在地图上选择投诉位置').waitFor();
    await page
      .locator('.cmp-near-row')
      .getByText(/距所选位置约 \d+ 米/)
      .first()
      .waitFor();
    const pin = await page.locator('[data-pin]').boundingBox();
    assert.ok(
      pin && Math.abs(pin.x + pin.width / 2 - tap.x) < 2 && pin.y < tap.y && tap.y < pin.y + pin.height,
      `the pin stands where the citizen tapped: ${JSON.stringify({ pin, tap })}`,
    );
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complaint-map-moved');

    await page.getByRole('button', { name: '提交投诉' }).tap();
    const filed = await staffView(await filedTrackingNo(page));
    assert.equal(filed.buildingCode, null);
    assert.ok(filed.position, 'filed with a position');
    const sent = offset(filed.position);
    const wanted = offset(expected);
    assert.ok(
      Math.hypot(sent.east - wanted.east, sent.north - wanted.north) < 3,
      `filed at ${JSON.stringify(sent)}, tapped ${JSON.stringify(wanted)}`,
    );
    assert.ok(Math.hypot(sent.east, sent.north) > 30, 'not the citizen’s own position');
    await context.close();
  });

  test('with no registered house within 300 m the map says so, and the form does not send', async () => {
    const { context, page } = await citizenPhone(FAR);
    const before = (await town.get<{ total: number }>('/api/complaints')).body.total;
    await startComplaint(page, '周边环境', '山坡有落石，威胁坡下房屋');
    await page.getByText('附近 300 米内没有登记的房屋').waitFor();
    await page
      .getByText(/扫描房屋上的二维码/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: '提交投诉' }).tap();
    await page
      .locator('#error-position')
      .getByText(/附近没有登记的房屋，无法从这里投诉/)
      .waitFor();
    assert.equal((await town.get<{ total: number }>('/api/complaints')).body.total, before, 'nothing was sent');
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complaint-map-none');
    await context.close();
  });
});
