/**
 * The complete house file in the admin UI: the safety timeline (安全) on the house page lists a case, a
 * complaint without its complainant, an appraisal with its agency flag and the tier changes, newest
 * first; it reads on a desktop and on a phone.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse, registerCase } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let code: string;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const town = await loggedIn(stack.baseUrl, 'town');
  code = await createHouse(officer, { address: '凤城街道档案路 6 号', use: 'business', businessCategory: 'catering', floorsAbove: 3 });
  await registerCase(town, code, 'general');
  const citizen = new ApiClient(stack.baseUrl);
  const filed = await citizen.request(
    'POST',
    '/api/public/complaints',
    { buildingCode: code, category: 'structure_damage', description: '二楼外墙开裂', name: '欧阳某', phone: '13900002222', fileIds: [] },
    { 'Idempotency-Key': randomUUID(), 'X-Forwarded-For': '10.1.2.3' },
  );
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const appraised = await town.post(`/api/buildings/${code}/appraisals`, {
    agencyName: '某某鉴定咨询公司',
    agencyQualificationNo: 'XX-001',
    reportNo: 'QY-2026-77',
    appraisedOn: '2026-03-01',
    grade: 'C',
    nextDueOn: '2027-03-01',
  });
  assert.equal(appraised.status, 201, JSON.stringify(appraised.body));
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const scan = await town.request<{ id: string }>('POST', `/api/buildings/${code}/files?purpose=approval`, pdf, {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent('营业执照.pdf'),
    'Idempotency-Key': randomUUID(),
  });
  assert.equal(scan.status, 201, JSON.stringify(scan.body));
  const approvals = await town.patch(`/api/buildings/${code}`, {
    approvals: [
      { type: 'business_licence', number: '91441802MA5X', issuer: '清城区市场监督管理局', date: '2024-03-01', fileId: scan.body.id },
      { type: 'rural_housing_approval', number: '清城宅 2003-118', date: '2003-05-01' },
    ],
  });
  assert.equal(approvals.status, 200, JSON.stringify(approvals.body));
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the house file in the admin UI', () => {
  test('the appraisal history shows the flagged report; an officer records a new one, a wrong date named on its field', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings/${code}/show`);
    // 审批: each approval with its issuer, and the business licence's scan a link away.
    const approvals = page.getByTestId('approvals').locator('li');
    await approvals.first().waitFor();
    assert.deepEqual(await approvals.allTextContents(), [
      '营业执照 91441802MA5X 清城区市场监督管理局 2024-03-01 · 扫描件',
      '农村宅基地批准书 清城宅 2003-118 2003-05-01',
    ]);
    const href = await approvals.first().getByRole('link', { name: '扫描件' }).getAttribute('href');
    const served = await page.request.get(`${stack.baseUrl}${href ?? ''}`);
    assert.equal(served.status(), 200);
    assert.equal(served.headers()['content-type'], 'application/pdf');

    const section = page.getByTestId('house-appraisals');
    await section.getByRole('heading', { name: '鉴定记录' }).waitFor();
    const flagged = section.locator('li[data-appraisal="QY-2026-77"]');
    await flagged.waitFor();
    assert.equal(await flagged.getByTestId('appraisal-flag').textContent(), '机构不在名录内');
    assert.match((await flagged.textContent()) ?? '', /下次鉴定 2027-03-01/);

    await section.getByRole('button', { name: '登记鉴定报告' }).click();
    const dialog = page.getByRole('dialog');
    // Picked from the district's list: its qualification number comes with it.
    await dialog.locator('input[name="agencyName"]').fill('清远市示例');
    await page.getByRole('option', { name: '清远市示例房屋安全鉴定有限公司' }).click();
    assert.equal(await dialog.locator('input[name="agencyQualificationNo"]').inputValue(), 'JD-4418-0001');
    await dialog.getByText('将与区房屋安全鉴定机构名录（第 1 版）核对').waitFor();
    await dialog.locator('input[name="reportNo"]').fill('QY-2026-99');
    await dialog.locator('input[name="appraisedOn"]').fill('2026-06-01');
    await dialog.getByRole('combobox', { name: '鉴定等级' }).click();
    await page.getByRole('option', { name: /^B 级/ }).click();
    await dialog.locator('input[name="scope"]').fill('整栋，含加建部分');
    await dialog.locator('input[name="nextDueOn"]').fill('2026-05-01');
    await screenshot(page, 'desktop-appraisal-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('下次鉴定日期须晚于鉴定日期').waitFor();
    await dialog.locator('input[name="nextDueOn"]').fill('2027-06-01');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const added = section.locator('li[data-appraisal="QY-2026-99"]');
    await added.waitFor();
    assert.equal(await added.getByTestId('appraisal-flag').count(), 0, 'a listed agency is not flagged');
    const entries = await section.locator('li[data-appraisal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-appraisal')));
    assert.deepEqual(entries, ['QY-2026-99', 'QY-2026-77'], 'newest first');
    // The house's grade follows the latest report.
    await page.getByText('B 级（个别危险构件）').first().waitFor();
    await assertNoMessageKeys(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-house-appraisals');

    // The area's list, opened on the flagged reports: the unlisted agency's report, not the listed one.
    await section.getByRole('link', { name: '本辖区机构存疑的鉴定报告' }).click();
    const rows = page.locator('.RaDataTable-table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', /QY-2026-77.*机构不在名录内/);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-appraisal-list');
    await context.close();
  });

  test('the safety timeline lists the house’s events newest first, flags the appraisal, never names the complainant', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/buildings/${code}/show`);
    const section = page.getByTestId('house-timeline');
    await section.getByRole('heading', { name: '安全事件时间线' }).waitFor();
    await section.locator('li[data-kind="appraisal"]').first().waitFor();
    const kinds = await section.locator('li[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    for (const k of ['case_opened', 'complaint', 'appraisal', 'risk']) assert.ok(kinds.includes(k), `${k} in ${kinds.join(',')}`);
    const appraisal = section.locator('li[data-kind="appraisal"]').filter({ hasText: 'QY-2026-77' });
    assert.match((await appraisal.textContent()) ?? '', /C 级 · 某某鉴定咨询公司 · 报告 QY-2026-77/);
    assert.equal(await appraisal.getByTestId('timeline-flag').textContent(), '机构不在名录内');
    const text = (await section.textContent()) ?? '';
    assert.ok(!text.includes('欧阳某') && !text.includes('13900002222'), 'no complainant identity');
    assert.match(text, /投诉举报/);
    await assertNoMessageKeys(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-house-timeline');
    await context.close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, stack.baseUrl, 'officer');
    await phone.page.goto(`${stack.baseUrl}/buildings/${code}/show`);
    const onPhone = phone.page.getByTestId('house-timeline');
    await onPhone.locator('li[data-kind="appraisal"]').first().waitFor();
    await onPhone.scrollIntoViewIfNeeded();
    assert.ok(await fitsWidth(phone.page), 'the house file fits a 390 px screen');
    await screenshot(phone.page, 'phone-house-timeline');
    await phone.context.close();
  });
});
