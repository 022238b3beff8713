/**
 * Risk tiers in the admin UI: the house file shows the tier as a coloured chip with its reasons and
 * the tier's history (from → to, why, when); the registry shows a tier column and filters by tier.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { pickOption, waitForRows } from './houses.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
const codes = { red: '', orange: '', green: '' };

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const judged = {
    latestJudgement: 'none',
    latestJudgementAt: today(),
    rectificationStatus: 'not_needed',
    use: 'own_home',
    floorsAbove: 2,
  };
  codes.green = await createHouse(officer, { ...judged, address: '凤城街道高基里一巷 3 号' });
  codes.orange = await createHouse(officer, {
    ...judged,
    address: '凤城街道高基里二巷 8 号',
    use: 'business',
    businessCategory: 'catering',
    floorsAbove: 4,
  });
  // Green when registered, red once an officer records 存在严重安全隐患 and grade D: two rows of history.
  codes.red = await createHouse(officer, { ...judged, address: '凤城街道高基里三巷 5 号' });
  const edited = await officer.patch(`/api/buildings/${codes.red}`, {
    latestJudgement: 'serious',
    appraisalGrade: 'D',
    appraisalDate: today(),
    appraisalReport: '清远市房屋安全鉴定站 2026-118',
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('risk tiers in the admin UI', () => {
  test('the house file shows the tier chip, its reasons and the tier history', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/buildings/${codes.red}/show`);
    const section = page.getByTestId('house-risk');
    await section.getByRole('heading', { name: '风险分级' }).waitFor();
    assert.equal(await section.locator('[data-risk-tier="red"]').first().textContent(), '红色');
    assert.deepEqual(await section.getByTestId('risk-reasons').locator('li').allTextContents(), [
      '排查结论为存在严重安全隐患',
      '鉴定等级为 C 级或 D 级（危房）',
    ]);
    await section.getByText('第 1 版规则').waitFor();
    const history = section.getByTestId('risk-history').locator('li');
    await history.nth(1).waitFor();
    assert.equal(await history.count(), 2);
    // Newest first: green → red by the officer's edit, then the first assessment at registration.
    const latest = history.nth(0);
    assert.deepEqual(await latest.locator('[data-risk-tier]').evaluateAll((els) => els.map((e) => e.getAttribute('data-risk-tier'))), [
      'green',
      'red',
    ]);
    assert.match((await latest.textContent()) ?? '', /档案修改/);
    assert.match((await latest.textContent()) ?? '', /排查结论为存在严重安全隐患；鉴定等级为 C 级或 D 级/);
    assert.match((await history.nth(1).textContent()) ?? '', /首次评定.*绿色/);
    // The header carries the chip too.
    assert.ok((await page.locator('[data-risk-tier="red"]').count()) >= 2);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-house-risk');
    await context.close();

    // On an inspector's phone the section reads top to bottom, nothing sticking out.
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, stack.baseUrl, 'officer');
    await phone.page.goto(`${stack.baseUrl}/buildings/${codes.red}/show`);
    const onPhone = phone.page.getByTestId('house-risk');
    await onPhone.getByTestId('risk-history').locator('li').nth(1).waitFor();
    await onPhone.scrollIntoViewIfNeeded();
    assert.ok(await fitsWidth(phone.page), 'the house file fits a 390 px screen');
    await screenshot(phone.page, 'phone-house-risk');
    await phone.context.close();
  });

  test('the registry shows each house’s tier and filters by it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/buildings?filter=${encodeURIComponent('{}')}`);
    assert.equal((await waitForRows(page, 3)).length, 3);
    const tierOf = async (address: string) =>
      page.getByRole('row').filter({ hasText: address }).locator('[data-risk-tier]').getAttribute('data-risk-tier');
    assert.equal(await tierOf('高基里三巷'), 'red');
    assert.equal(await tierOf('高基里二巷'), 'orange');
    assert.equal(await tierOf('高基里一巷'), 'green');
    await pickOption(page, '风险等级', '红色');
    assert.deepEqual(await waitForRows(page, 1), ['凤城街道高基里三巷 5 号']);
    assert.match(decodeURIComponent(page.url()), /"riskTier":"red"/);
    await screenshot(page, 'desktop-buildings-risk-filter');
    await pickOption(page, '风险等级', '橙色');
    await page.getByRole('row').filter({ hasText: '高基里二巷' }).waitFor();
    assert.deepEqual(await waitForRows(page, 1), ['凤城街道高基里二巷 8 号']);
    await assertNoMessageKeys(page);
    await context.close();
  });

  test('a campaign targets a tier from its form: the count follows the tier, the campaign page says which', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/campaigns/create`);
    await page.getByLabel('名称').fill('凤城街道红色风险房屋专项排查');
    await page.getByLabel('范围').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    await page.getByTestId('campaign-house-count').getByText('按当前范围和条件，将排查 3 栋房屋').waitFor();
    await pickOption(page, '风险等级', '红色');
    await page.getByTestId('campaign-house-count').getByText('按当前范围和条件，将排查 1 栋房屋').waitFor();
    await page.getByLabel('截止').fill(new Date(Date.now() + 8 * 3600_000 + 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/show$/);
    await page.getByText('风险等级：红色').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-campaign-red-houses');
    await context.close();
  });
});
