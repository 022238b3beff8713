/**
 * The inspector's 定期巡查 batch in real Chromium on a phone: after a scheduling pass, the inbox's
 * 定期巡查 tab counts the houses handed to them and lists them as cards, the red house first with its
 * tier, address and due time, and 开始排查 opens the phone's inspection form for that house; the
 * cockpit's coverage card counts them per village and inspector, and a figure opens a list of its total;
 * the phone map shows the inspector their own coverage, each figure opening its list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Coverage } from '../../domain/inspection-schedule/store.ts';
import { INSPECTION_SCHEDULE_WORKFLOW } from '../../workflows/inspection-schedule/messages.ts';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { offlinePage } from './map-steps.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let red = '';
let yellow = '';

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  // Judged dangerous 40 days ago (red: due 10 days ago), and one never inspected (yellow: due at once).
  red = await createHouse(officer, {
    address: '凤城街道高基里三巷 5 号',
    latestJudgement: 'serious',
    latestJudgementAt: new Date(Date.now() + 8 * 3_600_000 - 40 * 86_400_000).toISOString().slice(0, 10),
  });
  yellow = await createHouse(officer, { address: '凤城街道高基里四巷 12 号' });
  // The village's second inspector is away: both houses go to the demo inspector.
  await stack.db('users').where({ username: 'inspector2' }).update({ disabled: true });
  await stack.temporal.client.workflow.execute(INSPECTION_SCHEDULE_WORKFLOW, {
    taskQueue: stack.config.temporalTaskQueue,
    workflowId: 'inspection-schedule-browser',
  });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the inspector’s 定期巡查 batch on a phone', () => {
  test('the tab counts the batch, the red house comes first, and 开始排查 opens its inspection form', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/inbox?view=schedule`);
    const tab = page.locator('[data-view="schedule"]');
    await tab.getByText('定期巡查').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-view="schedule"]')?.textContent?.includes('2'));

    const cards = page.locator('[data-schedule-task]');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 2);
    assert.equal(await cards.first().getAttribute('data-schedule-task'), red, 'the red house first');
    const first = cards.first();
    assert.equal(await first.locator('[data-risk-tier]').getAttribute('data-risk-tier'), 'red');
    assert.ok((await first.innerText()).includes('凤城街道高基里三巷 5 号'));
    assert.equal(await cards.nth(1).getAttribute('data-schedule-task'), yellow);
    const start = first.getByRole('link', { name: '开始排查' });
    assert.equal(await start.getAttribute('href'), `/m/b/${red}/inspect`);
    await assertNoMessageKeys(page);
    assert.ok(await fitsWidth(page), 'the cards fit a phone');
    await page.waitForTimeout(300);
    await screenshot(page, 'phone-inbox-schedule');

    await start.click();
    await page.waitForURL(new RegExp(`/m/b/${red}/inspect$`));
    await context.close();
  });

  test('the phone map’s due list shows when each scheduled house is due', async () => {
    const { context, page } = await offlinePage(browser, stack.baseUrl, 'inspector', PHONE);
    await page.goto(`${stack.baseUrl}/m/map`);
    const due = page.locator(`[data-due="${red}"] [data-due-at]`);
    await due.waitFor();
    assert.match(await due.innerText(), /^已逾期，应于 \d{4}-\d{2}-\d{2} 前巡查$/);
    await page.locator(`[data-due="${yellow}"] [data-due-at]`).waitFor();
    await context.close();
  });

  test('the phone map shows the inspector’s own coverage, each figure opening a list of the same total', async () => {
    const { context, page } = await offlinePage(browser, stack.baseUrl, 'inspector', PHONE);
    await page.goto(`${stack.baseUrl}/m/map`);
    const card = page.locator('[data-own-coverage="ready"]');
    await card.getByText('我的定期巡查').waitFor();
    const figure = (name: string) => card.locator(`[data-coverage="${name}"] .phone-coverage-value`);
    assert.equal(await figure('due').innerText(), '2', 'both houses were handed to this inspector');
    assert.equal(await figure('onTime').innerText(), '0');
    assert.equal(await figure('overdue').innerText(), '2', 'both are past their due moment');
    assert.ok((await card.locator('[data-coverage="overdue"]').innerText()).includes('逾期未查'));
    assert.ok(await fitsWidth(page), 'the figures fit a phone');
    await assertNoMessageKeys(page);
    await screenshot(page, 'phone-map-own-coverage');

    await card.locator('[data-coverage="overdue"]').click();
    await page.waitForURL(/\/inspection-due\?.*coverage=overdue/);
    await page.locator('[data-list-total]').waitFor();
    assert.equal(await page.locator('[data-list-total]').innerText(), '2');
    assert.equal(await page.locator('[data-due-item]').count(), 2);
    assert.ok(await fitsWidth(page), 'the list fits a phone (its table scrolls within its card)');
    await screenshot(page, 'phone-inspection-due-list');
    await context.close();
  });

  test('the coverage an inspector reads is their own village’s, and asked with their id, their own houses’', async () => {
    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    const me = (await inspector.get<{ user: { id: string; regionCode: string } }>('/api/auth/me')).body.user;
    const own = (await inspector.get<Coverage>(`/api/inspection-due/coverage?assigneeId=${me.id}`)).body;
    assert.equal(own.total.due, 2);
    assert.deepEqual(
      own.villages.map((v) => v.villageCode),
      [me.regionCode],
    );
    const all = (await inspector.get<Coverage>('/api/inspection-due/coverage')).body;
    assert.ok(
      all.villages.every((v) => v.villageCode.startsWith(me.regionCode)),
      'only the inspector’s village',
    );
  });

  test('the cockpit shows coverage per village and inspector, each figure opening a list of the same total', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/cockpit`);
    const card = page.locator('[data-card="inspection-coverage"]');
    await card.getByText('定期巡查覆盖率').waitFor();
    const overdue = card.locator('[data-coverage-row="total"] [data-coverage="overdue"]');
    await overdue.waitFor();
    assert.equal(await overdue.innerText(), '2', 'both houses are past their due moment');
    assert.equal(await card.locator('[data-coverage-row="441802006001"] [data-coverage="due"]').innerText(), '2');
    const inspectorRow = card.locator('[data-coverage-row]').filter({ hasText: '李排查' });
    assert.equal(await inspectorRow.locator('[data-coverage="due"]').innerText(), '2');
    await assertNoMessageKeys(page);
    await screenshot(page, 'cockpit-inspection-coverage');

    await overdue.click();
    await page.waitForURL(/\/inspection-due\?/);
    await page.locator('[data-list-total]').waitFor();
    assert.equal(await page.locator('[data-list-total]').innerText(), '2');
    assert.equal(await page.locator('[data-due-item]').count(), 2);
    await assertNoMessageKeys(page);
    await context.close();
  });
});
