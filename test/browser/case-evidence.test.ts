/**
 * The case page's evidence and the house file's cases, in Chromium at desktop and phone width: how the
 * case was found (the inspection's photo, notes and position, the joined complaint without its
 * complainant), the source linked to its record, the default deadline shown, the trail naming accounts,
 * the steps as a list on a phone, and the house file listing its cases with links.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, tinyPng, waitForCase } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let house: string;
let caseId: string;
let inspectionId: string;
let number: string;
const AT = { latitude: 23.7105, longitude: 113.0412 };

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const town = await loggedIn(stack.baseUrl, 'town');
  const inspector = await loggedIn(stack.baseUrl, 'inspector');
  house = await createHouse(officer, { ...AT, address: '凤城街道高基里 18 号' });
  const pic = await inspector.request<{ id: string }>('POST', `/api/inspection-files?buildingCode=${house}`, tinyPng(), {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent('东墙裂缝.png'),
  });
  inspectionId = randomUUID();
  const sent = await inspector.post<{ hazards: { caseId: string }[] }>('/api/inspections', {
    id: inspectionId,
    buildingCode: house,
    judgement: 'some',
    hazards: [{ category: 'structure_damage', description: '东侧承重墙斜向裂缝' }],
    notes: '户主在场，裂缝宽约 3 毫米',
    fileIds: [pic.body.id],
    position: { latitude: AT.latitude + 0.0003, longitude: AT.longitude, accuracy: 9 },
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  caseId = sent.body.hazards[0]?.caseId as string;
  // A citizen reports the same crack; the inspector confirms it into the open case.
  const citizen = new ApiClient(stack.baseUrl);
  const photo = await citizen.request<{ id: string }>('POST', '/api/public/complaint-files', tinyPng(), { 'Content-Type': 'image/png' });
  const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
    buildingCode: house,
    category: 'structure_damage',
    description: '二楼外墙裂缝越来越宽',
    name: '王小明',
    phone: '13912345678',
    fileIds: [photo.body.id],
  });
  const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
  await inspector.post(`/api/complaints/${list.body.data[0]?.id}/verify`, { result: 'confirmed', reply: '已并入整改' });
  const c = await waitForCase(town, caseId, (x) => x.status === 'assigning');
  number = c.number;
  await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the case page’s evidence and the house file’s cases', () => {
  test('the case page shows how the case was found, the source linked, the default deadline and accounts in the trail', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/cases/${caseId}/show`);
    const found = page.locator('section[aria-labelledby="case-discoveries"]');
    await found.getByRole('heading', { name: '发现证据' }).waitFor();
    const inspection = found.locator('[data-discovery="inspection"]');
    for (const text of [
      '日常排查',
      '立案依据',
      '东侧承重墙斜向裂缝',
      '户主在场，裂缝宽约 3 毫米',
      '23.710800, 113.041200（精度 9 米）',
      '李排查（账号 inspector）',
    ])
      await inspection.getByText(text, { exact: false }).first().waitFor();
    await inspection.locator('img[alt="东墙裂缝.png"]').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('section[aria-labelledby="case-discoveries"] img')].every(
        (i) => (i as HTMLImageElement).naturalWidth > 0,
      ),
    );
    const complaint = found.locator('[data-discovery="complaint"]');
    await complaint.getByText('并入本案').waitFor();
    await complaint.getByText('二楼外墙裂缝越来越宽').waitFor();
    await complaint.getByText('投诉人信息保密', { exact: false }).waitFor();
    const body = await page.locator('body').innerText();
    for (const secret of ['王小明', '王**', '13912345678', '139****5678'])
      assert.ok(!body.includes(secret), `the case page shows ${secret}`);

    const facts = page.locator('section[aria-labelledby="case-facts"]');
    const deadline = facts.locator('[data-deadline]');
    assert.match(await deadline.innerText(), /^\d{4}-\d{2}-\d{2}（默认期限）$/);
    const timeline = page.locator('section[aria-labelledby="case-timeline"]');
    await timeline.getByText(`黄镇街（账号 town，${ROLE_LABELS.town_officer}）`, { exact: false }).first().waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-case-evidence');

    await facts.locator('[data-case-source="inspection"]').click();
    await page.waitForURL(new RegExp(`/inspections/${inspectionId}/show$`));
    await context.close();
  });

  test('on a phone the case page lists its steps instead of the diagram, and its evidence fits', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/cases/${caseId}/show`);
    await page.locator('[data-step="rectify"][data-step-state="active"]').waitFor();
    assert.deepEqual(
      await page
        .locator('[data-step]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-step-state')}`)),
      ['assign:done', 'rectify:active', 'recheck:pending', 'close:pending', 'closed:pending'],
    );
    assert.equal(await page.locator('.djs-element').count(), 0, 'no diagram on a phone');
    await page.locator('[data-discovery="inspection"] img').waitFor();
    assert.ok(await fitsWidth(page), 'the case page fits a phone');
    await assertNoMessageKeys(page);
    await screenshot(page, 'phone-case-evidence');
    await context.close();
  });

  test('in English on a phone: the evidence, the steps and the deadline speak English', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'town');
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
    await page.goto(`${stack.baseUrl}/cases/${caseId}/show`);
    await page.getByRole('heading', { name: 'How it was found' }).waitFor();
    await page.getByText('Opened this case').waitFor();
    await page.getByText('In progress').waitFor();
    assert.match(await page.locator('[data-deadline]').innerText(), /^\d{4}-\d{2}-\d{2} \(default deadline\)$/);
    await assertNoMessageKeys(page);
    await screenshot(page, 'phone-case-evidence-english');
    await context.close();
  });

  test('the house file lists its cases with number, category, severity, status, registration and deadline, each opening the case', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'desktop-house-file-cases'],
      [PHONE, 'phone-house-file-cases'],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      await signIn(page, stack.baseUrl, 'town');
      await page.goto(`${stack.baseUrl}/buildings/${house}/show`);
      const cases = page.locator('section[aria-labelledby="related-cases"]');
      const item = cases.locator(`[data-case="${caseId}"]`);
      await item.waitFor();
      const text = await item.innerText();
      for (const part of [number, '承重结构损伤', '一定隐患', '整改中', '登记', '整改期限'])
        assert.ok(text.includes(part), `the case item shows ${part}: ${text}`);
      assert.match(text, /整改期限 \d{4}-\d{2}-\d{2}（默认期限）/);
      // The inspection and the complaint of the house link to their records too.
      await page.locator(`section[aria-labelledby="related-inspections"] a[href$="/inspections/${inspectionId}/show"]`).waitFor();
      await page.locator('section[aria-labelledby="related-complaints"] a[href*="/complaints/"]').first().waitFor();
      if (viewport === PHONE) assert.ok(await fitsWidth(page), 'the house file fits a phone');
      await assertNoMessageKeys(page);
      await screenshot(page, name);
      await item.click();
      await page.waitForURL(new RegExp(`/cases/${caseId}/show$`));
      await context.close();
    }
  });

  test('the dossier of the case is kept for looking at (test-artifacts)', async () => {
    const auditor = await loggedIn(stack.baseUrl, 'auditor');
    const pdf = await fetch(`${stack.baseUrl}/api/cases/${caseId}/dossier.pdf`, { headers: { Cookie: auditor.cookieHeader() } });
    assert.equal(pdf.status, 200);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/dossier-case-evidence.pdf', Buffer.from(await pdf.arrayBuffer()));
  });
});
