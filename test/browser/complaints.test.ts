/**
 * Complaints on the desktop, in real Chromium against the whole platform: citizens file through the
 * public API (one from a scanned house with a photo, name and phone; one from a map point beside the
 * house, anonymous; one past its verification deadline); officers read them with the complainant
 * masked, a verifying role reveals the complainant (audited) and records the on-site verification,
 * which opens a case or joins it; the auditor may do neither.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildingCode } from '../../domain/buildings/code.ts';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { createComplaintActivities } from '../../workers/activities/complaints.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { tinyPng } from '../support/cases.ts';
import { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, newPage, signIn } from './ui.ts';

interface Filed {
  id: string;
  trackingNo: string;
}

const ADDRESS = '凤城街道高基里六巷 9 号';
const HOUSE_POSITION = { latitude: 23.7205, longitude: 113.0512 };
/** About 90 m north of the house: a map pick whose nearest registered house is this one. */
const MAP_POINT = { latitude: HOUSE_POSITION.latitude + 0.0008, longitude: HOUSE_POSITION.longitude };
/** Well formed, but no such house. */
const UNKNOWN_HOUSE = buildingCode('441802006001', 99_999);

let stack: Stack;
let browser: Browser;
let house = '';
/** From the house's QR code, with a photo, a name and a phone. */
let scanned: Filed;
/** From a point on the map, anonymous. */
let fromMap: Filed;
/** Not verified in time. */
let late: Filed;
let caseNumber = '';

async function file(citizen: ApiClient, body: Record<string, unknown>): Promise<Filed> {
  const r = await citizen.post<{ trackingNo: string }>('/api/public/complaints', { fileIds: [], ...body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const row = (await stack.db('complaints').where({ tracking_no: r.body.trackingNo }).first('id')) as { id: string };
  return { id: row.id, trackingNo: r.body.trackingNo };
}

/** Waits until the complaint table shows `count` rows. */
async function waitForRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr td.column-trackingNo').length === n, count);
}

/** True when the table shows all its columns without scrolling sideways. */
async function tableFits(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const table = document.querySelector('table');
    const box = table?.parentElement;
    return !!table && !!box && table.scrollWidth <= box.clientWidth + 1 && table.getBoundingClientRect().right <= window.innerWidth;
  });
}

const rowOf = (page: Page, filed: Filed) => page.locator('tbody tr').filter({ hasText: filed.trackingNo });

async function contactViews(complaintId: string): Promise<number> {
  const row = await stack.db('audit_log').where({ action: 'complaint.contact_viewed', subject_id: complaintId }).count({ n: '*' }).first();
  return Number(row?.n);
}

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  house = await new DatabaseBuildingStore(stack.db).create(
    {
      villageCode: '441802006001',
      address: ADDRESS,
      ...HOUSE_POSITION,
      floorsAbove: 4,
      structureType: 'brick_concrete',
      yearBuilt: 1998,
      use: 'rental',
    },
    stack.db,
  );

  const citizen = new ApiClient(stack.baseUrl);
  late = await file(citizen, {
    buildingCode: house,
    category: 'ancillary',
    description: '三楼阳台栏杆松动，随时可能掉落',
    phone: '13700001111',
  });
  // As the complaint workflow's timer would once the deadline passes: the same activity, run now.
  await stack
    .db('complaints')
    .where({ id: late.id })
    .update({ verify_due_at: stack.db.raw(`now() - interval '2 hours'`) });
  await createComplaintActivities({ db: stack.db, config: stack.config, temporal: stack.temporal.client }).markComplaintOverdue({
    complaintId: late.id,
  });

  const photo = await citizen.request<{ id: string }>('POST', '/api/public/complaint-files', tinyPng(), {
    'Content-Type': 'image/png',
    'X-File-Name': encodeURIComponent('东墙裂缝.png'),
  });
  assert.equal(photo.status, 201, JSON.stringify(photo.body));
  scanned = await file(citizen, {
    buildingCode: house,
    category: 'structure_damage',
    description: '东侧外墙出现很长的斜裂缝，最近越来越宽',
    name: '王小明',
    phone: '13912345678',
    fileIds: [photo.body.id],
  });
  fromMap = await file(citizen, { position: MAP_POINT, category: 'structure_damage', description: '路边一栋房子的墙体开裂，楼下有人住' });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('complaints on the desktop', () => {
  test('a town officer opens 投诉举报: those to verify, newest first, the complainant masked, the overdue one flagged', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.getByRole('menuitem', { name: '投诉举报', exact: true }).click();
    await page.waitForURL(/\/complaints(\?.*)?$/);
    await waitForRows(page, 3);
    await page.getByRole('tab', { name: /待核实\s*3/ }).waitFor();
    await page.getByRole('tab', { name: /超期\s*1/ }).waitFor();
    await page.getByRole('tab', { name: /全部\s*3/ }).waitFor();
    assert.equal(await page.getByRole('tab', { name: /待核实/ }).getAttribute('aria-selected'), 'true');

    // Newest first: the map complaint, then the scanned one, then the late one.
    assert.match((await page.locator('tbody tr').nth(0).innerText()) ?? '', new RegExp(fromMap.trackingNo));
    const first = rowOf(page, scanned);
    await first.getByRole('link', { name: ADDRESS }).waitFor();
    await first.getByText('王**', { exact: true }).waitFor();
    await first.getByText('139****5678', { exact: true }).waitFor();
    await first.getByText('承重结构损伤').waitFor();
    await first.getByText('待核实', { exact: true }).waitFor();
    const map = rowOf(page, fromMap);
    await map.getByText('地图位置').waitFor();
    await map.getByText('匿名').waitFor();
    const overdue = rowOf(page, late);
    await overdue.getByText('核实超期').waitFor();
    await overdue.getByText('137****1111').waitFor();
    await overdue
      .locator('[data-due-tone="overdue"]')
      .getByText(/已超期/)
      .waitFor();
    const text = await page.locator('body').innerText();
    for (const secret of ['王小明', '13912345678', '13700001111']) assert.ok(!text.includes(secret), `the list shows ${secret}`);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-complaints-list');

    await page.getByRole('tab', { name: /超期/ }).click();
    await waitForRows(page, 1);
    await rowOf(page, late).waitFor();
    assert.match(page.url(), /overdue/);
    await context.close();
  });

  test('the auditor reads a complaint with the complainant masked, and may neither reveal nor verify it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'auditor');
    await page.goto(`${stack.baseUrl}/complaints/${scanned.id}/show`);
    await page.getByRole('heading', { name: scanned.trackingNo, level: 1 }).waitFor();
    const contact = page.locator('section[aria-labelledby="complaint-contact"]');
    await contact.getByText('王** 139****5678').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('button', { name: '查看完整信息' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: '核实', exact: true }).count(), 0);
    assert.equal(await contactViews(scanned.id), 0);
    await assertNoMessageKeys(page);
    await context.close();
  });

  test('the town officer reveals the complainant (audited) and confirms the complaint: a new case', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/complaints`);
    await waitForRows(page, 3);
    await rowOf(page, scanned).locator('td.column-createdAt').click();
    await page.waitForURL(new RegExp(`/complaints/${scanned.id}/show$`));
    await page.getByRole('heading', { name: scanned.trackingNo, level: 1 }).waitFor();
    await page.getByText('网页', { exact: true }).waitFor();
    await page.getByTestId('complaint-house').getByText(ADDRESS).waitFor();
    await page.getByTestId('complaint-description').getByText('东侧外墙出现很长的斜裂缝，最近越来越宽').waitFor();
    await page
      .locator('section[aria-labelledby="complaint-notices"]')
      .getByText(/您的投诉已受理/)
      .waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('section[aria-labelledby="complaint-content"] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });

    const contact = page.locator('section[aria-labelledby="complaint-contact"]');
    await contact.getByText('王** 139****5678').waitFor();
    await contact.getByText('查看完整信息将记入审计日志。').waitFor();
    await contact.getByRole('button', { name: '查看完整信息' }).click();
    await contact.getByText('王小明').waitFor();
    await contact.getByText('13912345678').waitFor();
    await contact.getByText('本次查看已记入审计日志。').waitFor();
    assert.equal(await contactViews(scanned.id), 1);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-complaint-show');

    await page.getByRole('button', { name: '核实', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `核实投诉 ${scanned.trackingNo}` }).waitFor();
    await dialog.getByRole('radio', { name: '属实', exact: true }).check();
    await dialog.getByRole('radio', { name: /严重隐患/ }).check();
    // The house is known from its QR code: no code to type.
    assert.equal(await dialog.getByLabel('房屋编码').count(), 0);
    await dialog.getByLabel('回复投诉人').fill('已到现场核实，外墙裂缝属实，已责令户主停止使用并加固');
    await dialog.getByLabel('内部备注').fill('户主称下月自行加固，需盯紧');
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-complaint-verify');
    await dialog.getByRole('button', { name: '提交核实结果' }).click();
    await page.getByText('核实结果已提交').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const verification = page.locator('section[aria-labelledby="complaint-verification"]');
    await verification.getByText('新立案').waitFor();
    await verification.getByText('黄镇街').waitFor();
    await verification.getByTestId('verify-note').getByText('户主称下月自行加固，需盯紧').waitFor();
    await page.getByText('属实·已立案').first().waitFor();
    await page
      .locator('section[aria-labelledby="complaint-notices"]')
      .getByText(/属实，已立案整改/)
      .waitFor();
    assert.equal(await page.getByRole('button', { name: '核实', exact: true }).count(), 0);
    const caseLink = page.getByTestId('complaint-case').getByRole('link');
    caseNumber = (await caseLink.innerText()).trim();
    assert.ok(caseNumber.length > 0);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-complaint-confirmed');

    await caseLink.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/show$/);
    await page.getByText(caseNumber).first().waitFor();
    await context.close();
  });

  test('a complaint from the map needs the house found on site: refused without it or with an unknown one, then it joins the open case', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/complaints/${fromMap.id}/show`);
    await page.getByRole('heading', { name: fromMap.trackingNo, level: 1 }).waitFor();
    const place = page.locator('section[aria-labelledby="complaint-place"]');
    await place.getByText(`纬度 ${MAP_POINT.latitude.toFixed(6)}，经度 ${MAP_POINT.longitude.toFixed(6)}`).waitFor();
    await page
      .getByTestId('map-help')
      .getByText(/核实属实时须填写现场核实的房屋编码/)
      .waitFor();
    await page.locator('section[aria-labelledby="complaint-contact"]').getByText('匿名').waitFor();
    await page.waitForLoadState('networkidle');
    // Nothing to reveal for an anonymous complaint.
    assert.equal(await page.getByRole('button', { name: '查看完整信息' }).count(), 0);

    await page.getByRole('button', { name: '核实', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '属实', exact: true }).check();
    const code = dialog.getByLabel('房屋编码');
    await dialog.getByLabel('回复投诉人').fill('现场核实墙体开裂属实，已纳入整改');
    await dialog.getByRole('button', { name: '提交核实结果' }).click();
    await dialog.getByText('请填写现场核实的房屋编码').waitFor();

    // A well-formed code of no house: the API names the field, and the dialog shows its message there.
    await code.fill(UNKNOWN_HOUSE);
    await dialog.getByRole('button', { name: '提交核实结果' }).click();
    await dialog.getByText(`房屋 ${UNKNOWN_HOUSE} 不存在或不在投诉所在镇（街道）`).waitFor();
    assert.equal((await stack.db('complaints').where({ id: fromMap.id }).first('status')).status, 'verifying');
    await screenshot(page, 'desktop-complaint-verify-house-error');

    await code.fill(house);
    await dialog.getByTestId('building-preview').getByText(ADDRESS).waitFor();
    await dialog.getByRole('button', { name: '提交核实结果' }).click();
    await page.getByText('核实结果已提交').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const verification = page.locator('section[aria-labelledby="complaint-verification"]');
    await verification.getByText('并入已有案件').waitFor();
    await page.getByTestId('complaint-case').getByRole('link', { name: caseNumber }).waitFor();
    // Verified on site, the complaint now names its house.
    await page.getByTestId('complaint-house').getByText(ADDRESS).waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-complaint-joined');

    // All complaints: two verified into one case, one overdue.
    await page.getByRole('link', { name: '列表', exact: true }).click();
    await page.getByRole('tab', { name: /全部/ }).click();
    await waitForRows(page, 3);
    await page.getByRole('tab', { name: /待核实\s*1/ }).waitFor();
    await rowOf(page, fromMap).getByRole('link', { name: caseNumber }).waitFor();
    await rowOf(page, scanned).getByText('属实·已立案').waitFor();
    await screenshot(page, 'desktop-complaints-all');
    assert.ok(await tableFits(page), 'the complaint table fits the desktop width');
    await context.close();
  });

  test('the house file lists its complaints, each opening its page, and links to all of them', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings/${house}/show`);
    const section = page.locator('section[aria-labelledby="related-complaints"]');
    await section.getByRole('heading', { name: '投诉举报' }).waitFor();
    await section.locator(`[data-complaint="${scanned.id}"]`).getByText('属实·已立案').waitFor();
    await section.locator(`[data-complaint="${scanned.id}"]`).getByText('王** 139****5678').waitFor();
    await section.locator(`[data-complaint="${fromMap.id}"]`).getByText('匿名').waitFor();
    await section.locator(`[data-complaint="${late.id}"]`).getByText('核实超期').waitFor();
    assert.equal(await section.locator('[data-complaint]').count(), 3);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-house-file-complaints');

    await section.getByRole('link', { name: '查看全部 3 条' }).click();
    await page.waitForURL(/\/complaints\?/);
    await waitForRows(page, 3);
    assert.equal(await page.getByRole('tab', { name: /全部/ }).getAttribute('aria-selected'), 'true');
    await rowOf(page, fromMap).getByRole('link', { name: caseNumber }).waitFor();
    await screenshot(page, 'desktop-complaints-of-house');

    await page.goto(`${stack.baseUrl}/buildings/${house}/show`);
    await section.locator(`[data-complaint="${late.id}"]`).click();
    await page.waitForURL(new RegExp(`/complaints/${late.id}/show$`));
    await page.getByRole('heading', { name: late.trackingNo, level: 1 }).waitFor();
    await page.getByText('已超过核实期限，请尽快到现场核实。').waitFor();
    await context.close();
  });
});
