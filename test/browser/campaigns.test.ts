/**
 * Special inspections in real Chromium on the real stack: the district officer starts one from the
 * desktop (a refusal of the filters shown on the form, then the campaign's page with its total), the
 * village inspector finds its houses in the inbox's 专项排查 tab (with 开始排查 on a phone), an
 * inspection shows on the campaign page per village and per house, and a campaign past its deadline
 * shows 已截止 with its overdue villages. Days last two seconds, so a deadline passes during the test.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { waitForCampaign } from '../support/campaigns.ts';
import type { CampaignReply } from '../support/campaigns.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { pickOption } from './houses.ts';
import { MENU, assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

const NAME = '凤城街道经营性自建房专项排查';
const MY_VILLAGE = '441802006001';
const OTHER_VILLAGE = '441802006002';

let stack: Stack;
let browser: Browser;
let officer: ApiClient;
let inspector: ApiClient;
/** Business houses of three floors or more: two in the demo inspector's village, one in the next. */
let mine: string[] = [];
let other = '';
let campaignId = '';

/** A day ahead as `YYYY-MM-DD` in Beijing, for the date picker. */
const beijingDay = (daysAhead: number) => new Date(Date.now() + 8 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** A figure of the totals card. */
const total = (page: Page, key: string) => page.locator(`[data-total="${key}"] p`).nth(1);
/** One count of a village's row. */
const villageCount = (page: Page, village: string, key: string) => page.locator(`[data-village="${village}"] [data-count="${key}"]`);

before(async () => {
  stack = await startStack({ CASE_DAY_SECONDS: '2' });
  browser = await launchBrowser();
  officer = await loggedIn(stack.baseUrl, 'officer');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  mine = [
    await createHouse(officer, { address: '凤城街道高基里一巷 2 号', use: 'business', businessCategory: 'catering', floorsAbove: 3 }),
    await createHouse(officer, { address: '凤城街道高基里二巷 9 号', use: 'business', businessCategory: 'lodging', floorsAbove: 4 }),
  ];
  other = await createHouse(officer, {
    villageCode: OTHER_VILLAGE,
    address: '凤城街道东门路 11 号',
    use: 'business',
    businessCategory: 'retail',
    floorsAbove: 5,
  });
  await createHouse(officer, { use: 'business', businessCategory: 'retail', floorsAbove: 2 }); // too low
  await createHouse(officer, { use: 'own_home', floorsAbove: 3 }); // not business
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('special inspections on the desktop and in the inbox', () => {
  test('the district officer starts one from the form; a filter nothing matches is refused on the form', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('menuitem', { name: MENU.campaigns, exact: true }).click();
    await page.waitForURL(/\/campaigns(\?.*)?$/);
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL(/\/campaigns\/create$/);

    await page.getByLabel('名称').fill(NAME);
    await page.getByLabel('范围').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    await pickOption(page, '房屋用途', '经营');
    // How many houses the campaign will cover shows before saving, and follows the conditions.
    await page.getByTestId('campaign-house-count').getByText('按当前范围和条件，将排查 4 栋房屋').waitFor();
    await page.getByLabel('最低层数').fill('50');
    await page.getByTestId('campaign-house-count').getByText('当前范围和条件下没有房屋，请放宽条件').waitFor();
    await page.getByLabel('截止').fill(beijingDay(3));
    assert.ok(await page.getByRole('radio', { name: '村（社区）排查员' }).isChecked(), 'inspectors by default');
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByTestId('filters-error')
      .getByText(/没有符合条件的房屋/)
      .waitFor();
    assert.match(page.url(), /\/campaigns\/create$/);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-campaign-create-refused');

    await page.getByLabel('最低层数').fill('3');
    await page.getByTestId('campaign-house-count').getByText('按当前范围和条件，将排查 3 栋房屋').waitFor();
    await screenshot(page, 'desktop-campaign-create-count');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/show$/);
    campaignId = /\/campaigns\/([0-9a-f-]{36})\/show$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-total="total"] p:nth-of-type(2)')?.textContent === '3');
    assert.equal(await total(page, 'pending').innerText(), '3');
    await page.getByText('房屋用途：经营 · 3 层及以上').waitFor();
    await page.locator('[data-status="running"]').first().waitFor();
    assert.equal(await villageCount(page, MY_VILLAGE, 'total').innerText(), '2');
    assert.equal(await villageCount(page, OTHER_VILLAGE, 'total').innerText(), '1');
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-campaign-show-new');

    // The deadline is the end of the picked day in Beijing.
    const created = (await officer.get<{ dueAt: string; assigneeRole: string }>(`/api/campaigns/${campaignId}`)).body;
    assert.equal(created.dueAt, new Date(`${beijingDay(3)}T23:59:59.999+08:00`).toISOString());
    assert.equal(created.assigneeRole, 'inspector');
    await context.close();
  });

  test('the village inspector finds the houses of their village in the inbox, with 开始排查 on a phone', async () => {
    assert.ok(campaignId, 'the campaign of the first test');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.getByRole('menuitem', { name: MENU.inbox, exact: true }).click();
    await page.getByRole('tab', { name: /专项排查\s*2/ }).click();
    await page.waitForURL(/view=campaigns/);
    const rows = page.locator('tr[data-campaign-task]');
    await rows.nth(1).waitFor();
    assert.deepEqual((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-campaign-task')))).sort(), [...mine].sort());
    assert.equal(await page.locator(`[data-campaign-task="${other}"]`).count(), 0);
    await rows.first().getByRole('link', { name: NAME }).waitFor();
    await rows.first().getByRole('cell', { name: '高基里社区居委会' }).waitFor();
    await assertNoMessageKeys(page);
    // Let the tab's underline finish moving before the picture.
    await page.waitForTimeout(400);
    await screenshot(page, 'desktop-inbox-campaigns');
    // The case tabs still work beside it.
    await page.getByRole('tab', { name: /待认领/ }).click();
    await page.waitForURL(/view=claimable/);
    await page.getByText('暂无可认领的任务。').waitFor();
    await context.close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, stack.baseUrl, 'inspector');
    await phone.page.goto(`${stack.baseUrl}/inbox?view=campaigns`);
    const card = phone.page.locator(`[data-campaign-task="${mine[0]}"]`);
    await card.getByRole('link', { name: '开始排查' }).waitFor();
    // The form opens for this campaign (titled with it, recorded against it).
    assert.equal(await card.getByRole('link', { name: '开始排查' }).getAttribute('href'), `/m/b/${mine[0]}/inspect?campaign=${campaignId}`);
    await phone.page.waitForTimeout(400);
    await screenshot(phone.page, 'phone-inbox-campaigns');
    assert.ok(await fitsWidth(phone.page), 'the inbox cards fit a phone');
    await phone.context.close();
  });

  test('an inspection of a campaign house shows on the campaign page, per village and per house', async () => {
    assert.ok(campaignId, 'the campaign of the first test');
    const inspected = await inspector.post<{ id: string; kind: string; campaignId: string | null }>('/api/inspections', {
      id: randomUUID(),
      buildingCode: mine[0],
      judgement: 'some',
      hazards: [{ category: 'use_change', description: '一楼改为仓库' }],
      fileIds: [],
      position: null,
      inspectedAt: new Date().toISOString(),
    });
    assert.equal(inspected.status, 201, JSON.stringify(inspected.body));
    assert.equal(inspected.body.campaignId, campaignId);

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/campaigns/${campaignId}/show`);
    await page.waitForFunction(() => document.querySelector('[data-total="done"] p:nth-of-type(2)')?.textContent === '1');
    assert.equal(await total(page, 'withHazards').innerText(), '1');
    assert.equal(await villageCount(page, MY_VILLAGE, 'done').innerText(), '1');
    assert.equal(await villageCount(page, MY_VILLAGE, 'pending').innerText(), '1');
    assert.equal(await villageCount(page, OTHER_VILLAGE, 'done').innerText(), '0');

    await page.locator(`[data-village="${MY_VILLAGE}"]`).click();
    await page.waitForURL(new RegExp(`village=${MY_VILLAGE}`));
    const houses = page.getByTestId('village-houses');
    const done = houses.locator(`[data-house="${mine[0]}"]`);
    await done.locator('[data-state="done"]').waitFor();
    await done.getByText('发现 1 处').waitFor();
    assert.equal(await done.getByRole('link', { name: '查看记录' }).getAttribute('href'), `/inspections/${inspected.body.id}/show`);
    assert.equal(await done.getByRole('link', { name: '凤城街道高基里一巷 2 号' }).getAttribute('href'), `/buildings/${mine[0]}/show`);
    await houses.locator(`[data-house="${mine[1]}"] [data-state="pending"]`).waitFor();
    await assertNoMessageKeys(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'desktop-campaign-show-progress');

    await done.getByRole('link', { name: '查看记录' }).click();
    await page.waitForURL(new RegExp(`/inspections/${inspected.body.id}/show$`));
    await page.getByText('一楼改为仓库').waitFor();
    await context.close();

    // Inspected: the house has left the inspector's inbox.
    const tasks = (await inspector.get<{ data: { buildingCode: string }[] }>('/api/campaign-tasks')).body.data;
    assert.deepEqual(
      tasks.map((t) => t.buildingCode),
      [mine[1]],
    );
  });

  test('past its deadline a campaign shows 已截止 and the villages that did not finish', async () => {
    const late = await officer.post<CampaignReply>('/api/campaigns', {
      name: '凤城街道经营性自建房快速排查',
      regionCode: '441802006',
      filters: { use: 'business', minFloors: 3 },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 5_000).toISOString(),
    });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    await waitForCampaign(officer, late.body.id, (c) => c.status === 'closed', 'closed at the deadline');

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/campaigns`);
    // The running tab holds the first campaign only; all holds both.
    await page.getByRole('tab', { name: /进行中\s*1/ }).waitFor();
    await page.getByRole('tab', { name: /全部\s*2/ }).click();
    await page.locator('tbody tr').nth(1).waitFor();
    const lateRow = page.locator('tbody tr').filter({ hasText: '快速排查' });
    await lateRow.locator('[data-status="closed"]').getByText('已截止').waitFor();
    await lateRow.getByText('超期 3').waitFor();
    const firstRow = page.locator('tbody tr').filter({ hasText: NAME });
    await firstRow.getByText('发现隐患 1').waitFor();
    await firstRow.getByText('村（社区）排查员').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-campaigns-list');

    await lateRow.click();
    await page.waitForURL(new RegExp(`/campaigns/${late.body.id}/show$`));
    await page.locator('[data-status="closed"]').first().waitFor();
    await page.getByText('已过截止时间，未排查的房屋记为超期。').waitFor();
    assert.equal(await villageCount(page, MY_VILLAGE, 'overdue').innerText(), '2');
    assert.equal(await villageCount(page, OTHER_VILLAGE, 'overdue').innerText(), '1');
    assert.equal(await total(page, 'overdue').innerText(), '3');
    // No withdrawing what has ended.
    assert.equal(await page.getByRole('button', { name: '撤销' }).count(), 0);
    await page.locator(`[data-village="${OTHER_VILLAGE}"]`).click();
    await page.getByTestId('village-houses').locator(`[data-house="${other}"] [data-state="overdue"]`).waitFor();
    await assertNoMessageKeys(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'desktop-campaign-show-closed');
    await context.close();
  });

  test('the district officer withdraws a running campaign with a reason; an inspector may not', async () => {
    assert.ok(campaignId, 'the campaign of the first test');
    const { context: inspectorContext, page: inspectorPage } = await newPage(browser, DESKTOP);
    await signIn(inspectorPage, stack.baseUrl, 'inspector');
    await inspectorPage.goto(`${stack.baseUrl}/campaigns/${campaignId}/show`);
    await inspectorPage.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    // The inspector reads the progress of their own village only.
    await inspectorPage.locator(`[data-village="${MY_VILLAGE}"]`).waitFor();
    assert.equal(await inspectorPage.locator(`[data-village="${OTHER_VILLAGE}"]`).count(), 0);
    assert.equal(await inspectorPage.getByRole('button', { name: '撤销' }).count(), 0);
    await inspectorContext.close();

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/campaigns/${campaignId}/show`);
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByLabel('原因').fill('并入全区排查');
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await page.getByText('专项排查已撤销').waitFor();
    await page.locator('[data-status="cancelled"]').first().waitFor();
    await page.getByText('已撤销：并入全区排查').waitFor();
    await context.close();
    assert.equal((await inspector.get<{ total: number }>('/api/campaign-tasks')).body.total, 0);
  });
});
