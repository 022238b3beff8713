import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { tinyPng } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, newPage, signIn } from './ui.ts';

/** The fields of `POST /api/inspections`' answer this test reads. */
interface InspectionReply {
  id: string;
  presence: string;
  flagged: boolean;
  distanceM: number | null;
  hazards: { category: string; caseId: string; caseNumber: string; joined: boolean }[];
  files: { id: string }[];
}

const ADDRESS = '凤城街道高基里三巷 5 号';
const HOUSE_POSITION = { latitude: 23.7005, longitude: 113.0312 };

let stack: Stack;
let browser: Browser;
let house = '';
/** Sent from beside the house, with a hazard and a photo. */
let onSite: InspectionReply;
/** Sent hours after it was filled, without a position: flagged for the town officer. */
let noPosition: InspectionReply;

async function uploadPhoto(inspector: ApiClient, buildingCode: string): Promise<string> {
  const r = await inspector.request<{ id: string }>('POST', `/api/inspection-files?buildingCode=${buildingCode}`, tinyPng(), {
    'Content-Type': 'image/png',
    'X-File-Name': encodeURIComponent('东墙裂缝.png'),
    'Idempotency-Key': randomUUID(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function submit(inspector: ApiClient, form: Record<string, unknown>): Promise<InspectionReply> {
  const r = await inspector.post<InspectionReply>('/api/inspections', { id: randomUUID(), buildingCode: house, ...form });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

/** The number of rows the inspection table shows, once it shows `count`. */
async function waitForRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr td.column-address').length === n, count);
}

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  house = await new DatabaseBuildingStore(stack.db).create(
    {
      villageCode: '441802006001',
      address: ADDRESS,
      ...HOUSE_POSITION,
      floorsAbove: 3,
      structureType: 'brick_concrete',
      yearBuilt: 2001,
      use: 'rental',
    },
    stack.db,
  );

  const inspector = await loggedIn(stack.baseUrl, 'inspector');
  const photo = await uploadPhoto(inspector, house);
  onSite = await submit(inspector, {
    judgement: 'some',
    hazards: [{ category: 'structure_damage', description: '东侧承重墙斜向裂缝，宽约 3 毫米' }],
    notes: '住户称裂缝近一个月出现',
    fileIds: [photo],
    // About 33 m north of the house.
    position: { latitude: HOUSE_POSITION.latitude + 0.0003, longitude: HOUSE_POSITION.longitude, accuracy: 12 },
    inspectedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  });
  noPosition = await submit(inspector, {
    judgement: 'none',
    hazards: [],
    fileIds: [],
    position: null,
    inspectedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  });
  assert.equal(onSite.presence, 'near');
  assert.equal(noPosition.presence, 'missing');
  assert.equal(noPosition.flagged, true);
  assert.equal(onSite.hazards[0]?.joined, false);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('daily inspections on the desktop', () => {
  test('a town officer opens 排查记录 and, with 位置异常, sees only the inspection sent without a position', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.getByRole('menuitem', { name: '排查记录', exact: true }).click();
    await page.waitForURL(/\/inspections(\?.*)?$/);
    await waitForRows(page, 2);
    // Newest inspection first; each row says where the phone was.
    const rows = page.locator('tbody tr');
    await rows
      .nth(0)
      .getByText(/^现场（\d+ 米）$/)
      .waitFor();
    await rows.nth(0).getByText('存在一定安全隐患').waitFor();
    await rows.nth(0).getByText('承重结构损伤').waitFor();
    await rows
      .nth(0)
      .getByRole('link', { name: onSite.hazards[0]?.caseNumber ?? '' })
      .waitFor();
    await rows.nth(1).getByText('未提供位置').waitFor();
    await rows.nth(1).getByText('未发现安全隐患').waitFor();
    await screenshot(page, 'desktop-inspections-list');
    await page.getByRole('tab', { name: /位置异常\s*1/ }).waitFor();
    await assertNoMessageKeys(page);

    await page.getByRole('tab', { name: /位置异常/ }).click();
    await waitForRows(page, 1);
    await page.locator('tbody tr').getByText('未提供位置').waitFor();
    assert.equal(await page.locator('tbody tr').getByText(/^现场/).count(), 0);
    assert.match(page.url(), /flagged/);
    await screenshot(page, 'desktop-inspections-flagged');

    // The flagged one explains itself: no position, for the town to verify; it was sent hours late.
    await page.locator('tbody tr').first().click();
    await page.waitForURL(new RegExp(`/inspections/${noPosition.id}/show$`));
    await page.getByTestId('presence-help').getByText('提交时未提供位置（定位被拒绝或不可用），需镇街核实。').waitFor();
    await page.getByText('离线填写，稍后上传').waitFor();
    await page.getByText('未发现隐患').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-inspection-flagged');
    await context.close();
  });

  test('the inspection page shows the case its hazard opened, and the photo', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/inspections`);
    await waitForRows(page, 2);
    await page.locator('tbody tr').first().locator('td.column-inspectedAt').click();
    await page.waitForURL(new RegExp(`/inspections/${onSite.id}/show$`));
    await page.getByRole('heading', { name: ADDRESS, level: 1 }).waitFor();
    await page.getByText('李排查').waitFor();
    const hazards = page.locator('section[aria-labelledby="inspection-hazards"]');
    await hazards.getByText('东侧承重墙斜向裂缝，宽约 3 毫米').waitFor();
    await hazards.getByText('新立案').waitFor();
    await page
      .getByTestId('presence-help')
      .getByText(/排查时手机距房屋 \d+ 米，在 200 米以内/)
      .waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('section[aria-labelledby="inspection-photos"] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-inspection-show');

    const caseNumber = onSite.hazards[0]?.caseNumber ?? '';
    await hazards.getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(new RegExp(`/cases/${onSite.hazards[0]?.caseId}/show$`));
    await page.getByText(caseNumber).first().waitFor();
    await context.close();
  });

  test('the house file lists its inspections, each opening its page', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings/${house}/show`);
    const section = page.locator('section[aria-labelledby="related-inspections"]');
    await section.getByRole('heading', { name: '排查记录' }).waitFor();
    await section.locator(`[data-inspection="${onSite.id}"]`).getByText('存在一定安全隐患').waitFor();
    await section.locator(`[data-inspection="${onSite.id}"]`).getByText('承重结构损伤').waitFor();
    await section
      .locator(`[data-inspection="${onSite.id}"]`)
      .getByText(/^现场（\d+ 米）$/)
      .waitFor();
    await section.locator(`[data-inspection="${noPosition.id}"]`).getByText('未提供位置').waitFor();
    assert.equal(await section.locator('[data-inspection]').count(), 2);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-house-file-inspections');

    await section.locator(`[data-inspection="${onSite.id}"]`).click();
    await page.waitForURL(new RegExp(`/inspections/${onSite.id}/show$`));
    await page.getByRole('heading', { name: ADDRESS, level: 1 }).waitFor();
    await context.close();
  });
});
