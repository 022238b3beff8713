/**
 * 一张图's complaints and campaign layers in a real browser on real data, with every address outside
 * this machine blocked: citizens' complaints filed through the public API (one of them 40 days old)
 * drawn for the last 30 days, then 90; two special inspections started through the API, one running
 * (houses inspected and houses still to inspect) and one closed at its deadline (inspected and
 * overdue), each house drawn in its progress's colour as the legend gives it; a complaint opening its
 * page, a campaign house its card. Screenshots at 1440×900 and 390×844 under test-artifacts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { STATUS_COLOURS } from '../../admin-ui/src/map/dataLayers.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { waitForCampaign } from '../support/campaigns.ts';
import type { CampaignReply } from '../support/campaigns.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { pickOption } from './houses.ts';
import {
  VILLAGES,
  addMapHouses,
  clickOn,
  colourAt,
  drawnTotal,
  legendColours,
  near,
  offlinePage,
  openMap,
  waitForMap,
} from './map-steps.ts';
import type { Drawn, MapHouses, MapState } from './map-steps.ts';
import { assertNoMessageKeys, fitsWidth } from './ui.ts';

const LAPTOP = { width: 1440, height: 900 };
const RUNNING = '凤城街道经营性自建房专项排查';
const CLOSED = '高基里经营性自建房快速排查';

let stack: Stack;
let browser: Browser;
let officer: ApiClient;
let houses: MapHouses;
/** Complaints filed in the last days, by where they are; and one filed 40 days ago (at 高基里). */
const complaints = { gaojili: '', hetang: '', baimiao: '', old: '' };
const trackingNos = new Map<string, string>();
const campaigns = { running: '', closed: '' };
/** The houses inspected: 高基里's first business house (in both campaigns), 鹤堂's first. */
let inspected: string[] = [];

/** A citizen's complaint through the public API; its id as the staff read it. */
async function fileComplaint(place: Record<string, unknown>, description: string): Promise<string> {
  const filed = await new ApiClient(stack.baseUrl).post<{ trackingNo: string }>('/api/public/complaints', {
    category: 'structure_damage',
    description,
    fileIds: [],
    ...place,
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const list = await officer.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
  const id = list.body.data[0]?.id;
  assert.ok(id, `complaint ${filed.body.trackingNo} is listed`);
  trackingNos.set(id, filed.body.trackingNo);
  return id;
}

async function startCampaign(name: string, regionCode: string, dueAt: Date): Promise<string> {
  const started = await officer.post<CampaignReply>('/api/campaigns', {
    name,
    regionCode,
    filters: { use: 'business' },
    assigneeRole: 'inspector',
    dueAt: dueAt.toISOString(),
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return started.body.id;
}

async function inspect(client: ApiClient, buildingCode: string): Promise<void> {
  const r = await client.post('/api/inspections', {
    id: randomUUID(),
    buildingCode,
    judgement: 'none',
    hazards: [],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

before(async () => {
  stack = await startStack({ COMPLAINTS_PER_HOUR: '50' });
  browser = await launchBrowser();
  houses = await addMapHouses(stack.db);
  officer = await loggedIn(stack.baseUrl, 'officer');
  const inspector = await loggedIn(stack.baseUrl, 'inspector');

  complaints.gaojili = await fileComplaint({ buildingCode: houses.byVillage.gaojili[3] }, '二楼外墙裂缝越来越宽');
  complaints.hetang = await fileComplaint({ buildingCode: houses.byVillage.hetang[7] }, '楼顶加建了两层，担心承重');
  const [lon, lat] = VILLAGES.baimiao.centre;
  complaints.baimiao = await fileComplaint({ position: { longitude: lon + 0.001, latitude: lat + 0.0012 } }, '路边房屋墙体倾斜');
  complaints.old = await fileComplaint({ buildingCode: houses.byVillage.gaojili[12] }, '阳台栏杆松动');
  // Filed 40 days ago: the test moves its clock, there is no other way to an old complaint.
  await stack
    .db('complaints')
    .where({ id: complaints.old })
    .update({ created_at: stack.db.raw(`now() - interval '40 days'`) });

  // The business houses (every fifth) of 凤城街道: six in 高基里, six in 鹤堂. The closed campaign
  // holds 高基里's six and ends a few seconds from now; one inspection counts in both.
  campaigns.running = await startCampaign(RUNNING, '441802006', new Date(Date.now() + 3 * 86_400_000));
  campaigns.closed = await startCampaign(CLOSED, VILLAGES.gaojili.code, new Date(Date.now() + 8_000));
  inspected = [houses.byVillage.gaojili[0]!, houses.byVillage.hetang[5]!];
  await inspect(inspector, inspected[0]!);
  await inspect(officer, inspected[1]!);
  const closed = await waitForCampaign(officer, campaigns.closed, (c) => c.status === 'closed', 'closed at its deadline');
  assert.deepEqual([closed.progress.done, closed.progress.overdue], [1, 5]);
  const running = await waitForCampaign(officer, campaigns.running, (c) => c.progress.done === 2, 'two houses inspected');
  assert.deepEqual([running.progress.total, running.progress.pending], [12, 10]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * Where a feature's own colour can be read: a single dot at its centre, when no other feature is drawn
 * within 16 px; a cluster (its count written in the middle) 8 px from its centre, up or down or
 * aslant, on a side no other feature comes within 20 px of. Null where it cannot be read.
 */
function readableAt(state: MapState, f: Drawn): { x: number; y: number } | null {
  const others = [...state.clusters, ...state.singles].filter((g) => g !== f);
  const clear = (p: { x: number; y: number }, gap: number) => others.every((g) => Math.hypot(g.x - p.x, g.y - p.y) > gap);
  if (f.count === 1) return clear(f, 16) ? f : null;
  const sides = [-90, 90, -45, -135, 45, 135].map((deg) => ({
    x: f.x + 8 * Math.cos((deg * Math.PI) / 180),
    y: f.y + 8 * Math.sin((deg * Math.PI) / 180),
  }));
  return sides.find((p) => clear(p, 20)) ?? null;
}

/**
 * Each feature of `state` whose colour can be read is drawn in its class's colour, as the legend's
 * swatch of that class shows it (a cluster is 88 % opaque: near it). Returns how many it read.
 */
async function assertColours(page: Page, state: MapState, legend: Record<string, string>, which = (_: Drawn) => true): Promise<number> {
  let read = 0;
  for (const f of [...state.clusters, ...state.singles].filter(which)) {
    const colour = legend[f.kind];
    assert.ok(colour, `${f.kind} is in the legend: ${JSON.stringify(legend)}`);
    const at = readableAt(state, f);
    if (!at) continue;
    const rgb = await colourAt(page, at);
    assert.ok(
      near(rgb, colour, f.count > 1 ? 36 : 16),
      `${f.id ?? 'cluster'} (${f.kind}, ${f.count}) drawn ${rgb.join(',')}, legend ${colour}`,
    );
    read += 1;
  }
  return read;
}

/**
 * Clicks the westernmost cluster (高基里 lies west of the others) until single features show, reading
 * the colour of each cluster drawn apart from the others on the way; returns the last state and how many
 * clusters it read.
 */
async function zoomWest(page: Page, legend: Record<string, string>): Promise<{ state: MapState; clustersRead: number }> {
  let state = await waitForMap(page, (s) => s.clusters.length + s.singles.length > 0, 'anything');
  let clustersRead = 0;
  for (let i = 0; i < 6 && state.clusters.length > 0; i++) {
    clustersRead += await assertColours(page, state, legend, (f) => f.count > 1);
    const west = [...state.clusters].sort((a, b) => a.x - b.x)[0]!;
    const zoom = state.zoom;
    await clickOn(page, west);
    state = await waitForMap(page, (s) => s.zoom > zoom + 1, 'a closer view');
  }
  return { state, clustersRead };
}

describe('the complaints and campaign layers (一张图)', () => {
  test('complaints of the last 30 days, in the legend’s colour; 90 days adds the older one; a click opens the complaint', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await openMap(page, stack.baseUrl);
    await page.locator('[data-layer="complaints"]').click();
    const recent = await waitForMap(page, (s) => drawnTotal(s) === 3 && s.singles.length === 3, 'the three recent complaints');
    assert.deepEqual(recent.singles.map((s) => s.id).sort(), [complaints.gaojili, complaints.hetang, complaints.baimiao].sort());
    assert.ok(
      recent.singles.every((s) => s.kind === 'complaint' && s.code === null),
      JSON.stringify(recent.singles),
    );
    // What a screen reader hears for them is words, not their ids.
    assert.deepEqual(await page.locator('[data-view-list] button[data-single]').allTextContents(), [
      '未关联房屋的投诉（第 1 件）',
      '未关联房屋的投诉（第 2 件）',
      '未关联房屋的投诉（第 3 件）',
    ]);
    // On a wide screen the layer's own choice stands beside the layer buttons, as wide as its words.
    const buttons = await page.locator('[data-layer="campaign"]').boundingBox();
    const days = await page.getByRole('combobox', { name: '时间范围' }).boundingBox();
    assert.ok(buttons && days && days.x > buttons.x + buttons.width && days.y < buttons.y + buttons.height, 'beside the buttons');
    assert.ok(days.width < 300, `not across the page: ${days.width} px`);
    const legend = await legendColours(page);
    assert.deepEqual(legend, { complaint: STATUS_COLOURS.complaint });
    await page.locator('[data-legend="complaints"]').getByText('投诉').waitFor();
    assert.equal(await assertColours(page, recent, legend), 3, 'three complaints kilometres apart');
    await assertNoMessageKeys(page);
    await screenshot(page, 'map-complaints-1440');

    await pickOption(page, '时间范围', '近 90 天');
    const ninety = await waitForMap(page, (s) => drawnTotal(s) === 4, 'the old complaint too');
    assert.ok(
      ninety.singles.some((s) => s.id === complaints.old) || ninety.clusters.some((c) => c.count === 2),
      `the 40-day-old one is drawn: ${JSON.stringify(ninety)}`,
    );
    assert.ok((await assertColours(page, ninety, legend)) >= 2);
    await screenshot(page, 'map-complaints-90-days-1440');

    const hetang = ninety.singles.find((s) => s.id === complaints.hetang);
    assert.ok(hetang, '鹤堂’s complaint alone');
    await clickOn(page, hetang);
    await page.waitForURL(new RegExp(`/complaints/${complaints.hetang}/show$`));
    await page.getByRole('heading', { name: trackingNos.get(complaints.hetang), level: 1 }).waitFor();
    assert.deepEqual(outside, [], 'nothing asked of the internet');
    await context.close();
  });

  test('a running campaign’s houses inspected and still to inspect, a closed one’s overdue, in the legend’s colours; a house opens its card', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', LAPTOP);
    await openMap(page, stack.baseUrl);
    await page.locator('[data-layer="campaign"]').click();
    await pickOption(page, '专项排查', RUNNING);
    const district = await waitForMap(page, (s) => drawnTotal(s) === 12, 'the campaign’s 12 houses');
    const legend = await legendColours(page);
    assert.deepEqual(legend, { done: STATUS_COLOURS.done, pending: STATUS_COLOURS.pending, overdue: STATUS_COLOURS.overdue });
    assert.deepEqual(
      (await page.locator('[data-legend="campaign"] [data-legend-entry]').allInnerTexts()).map((t) => t.trim()),
      ['已排查', '待排查', '超期'],
    );
    // Each village's circle holds an inspected house and houses still to inspect: grey, as 待排查.
    assert.ok(
      [...district.clusters, ...district.singles].every((f) => f.kind === 'pending' || (f.count === 1 && f.kind === 'done')),
      JSON.stringify(district),
    );
    await screenshot(page, 'map-campaign-district-1440');
    const districtRead = await assertColours(page, district, legend, (f) => f.count > 1);

    const { state: village, clustersRead } = await zoomWest(page, legend);
    assert.ok(districtRead + clustersRead > 0, 'a cluster’s colour read on the way');
    const mine = village.singles.filter((s) => houses.byVillage.gaojili.includes(s.code ?? ''));
    assert.equal(mine.length, 6, `高基里’s six business houses: ${JSON.stringify(village)}`);
    assert.deepEqual(
      mine.filter((s) => s.kind === 'done').map((s) => s.code),
      [inspected[0]],
    );
    assert.ok(mine.filter((s) => s.code !== inspected[0]).every((s) => s.kind === 'pending'));
    assert.equal(await assertColours(page, village, legend), village.singles.length, 'houses 30 m apart, drawn apart');
    await assertNoMessageKeys(page);

    const done = mine.find((s) => s.kind === 'done')!;
    await clickOn(page, done);
    const card = page.locator(`[data-house-card="${done.code}"]`);
    await card.getByRole('heading').waitFor();
    await card.locator('[data-last-inspection]').getByRole('link').waitFor();
    assert.equal(await card.getByRole('link', { name: '房屋档案' }).getAttribute('href'), `/buildings/${done.code}/show`);
    await screenshot(page, 'map-campaign-card-1440');
    await card.getByRole('button', { name: '关闭' }).click();
    await screenshot(page, 'map-campaign-1440');

    // The closed campaign over the same view: the houses not inspected by the deadline are overdue, red.
    await pickOption(page, '专项排查', CLOSED);
    const closed = await waitForMap(
      page,
      (s) => drawnTotal(s) === 6 && s.singles.some((f) => f.kind === 'overdue'),
      'the closed campaign’s six houses',
    );
    assert.deepEqual(
      closed.singles.map((s) => [s.code, s.kind]).sort(),
      houses.byVillage.gaojili
        .filter((_, i) => i % 5 === 0)
        .map((code) => [code, code === inspected[0] ? 'done' : 'overdue'])
        .sort(),
    );
    assert.equal(await assertColours(page, closed, legend), 6);
    await screenshot(page, 'map-campaign-closed-1440');
    assert.deepEqual(outside, []);
    await context.close();
  });

  test('on a phone: both layers fit the screen, a complaint opens its page', async () => {
    const { context, page, outside } = await offlinePage(browser, stack.baseUrl, 'officer', PHONE);
    // 高基里 from the region filter: the map fits its houses.
    await openMap(page, stack.baseUrl, `?filter=${encodeURIComponent(JSON.stringify({ regionCode: VILLAGES.gaojili.code }))}`);
    await page.locator('[data-layer="campaign"]').click();
    await pickOption(page, '专项排查', CLOSED);
    const village = await waitForMap(page, (s) => s.singles.length === 6, 'the closed campaign’s six houses one by one');
    assert.deepEqual(village.singles.map((s) => s.kind).sort(), ['done', 'overdue', 'overdue', 'overdue', 'overdue', 'overdue']);
    assert.equal(await assertColours(page, village, await legendColours(page)), 6);
    assert.ok(await fitsWidth(page));
    await page.locator('[data-map]').scrollIntoViewIfNeeded();
    await screenshot(page, 'map-campaign-phone');

    await page.locator('[data-layer="complaints"]').click();
    await page.locator('[data-legend="complaints"]').waitFor();
    const recent = await waitForMap(page, (s) => s.singles.some((f) => f.id === complaints.gaojili), '高基里’s complaint');
    assert.ok(
      recent.singles.every((s) => s.id !== complaints.old),
      'the 40-day-old complaint is not drawn',
    );
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'map-complaints-phone');
    await clickOn(
      page,
      recent.singles.find((s) => s.id === complaints.gaojili)!,
    );
    await page.waitForURL(new RegExp(`/complaints/${complaints.gaojili}/show$`));
    await page.getByRole('heading', { name: trackingNos.get(complaints.gaojili), level: 1 }).waitFor();
    assert.ok(await fitsWidth(page));
    assert.deepEqual(outside, []);
    await context.close();
  });
});
