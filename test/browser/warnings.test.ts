/**
 * The warning task (预警处置) in real Chromium on the real stack: a house rises to red, its rule runs,
 * and the town officer finds the warning in the inbox's 预警处置 tab (a card on a phone, a row on the
 * desktop), reads its evidence on the warning page, is told a dismissal needs a reason, acknowledges
 * it and dispatches it as a special inspection; the cockpit's live list shows waiting warnings, and the
 * map has their layer.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { runRule, waitForWarning, warningsOf } from '../support/warnings.ts';
import type { WarningInfo } from '../support/warnings.ts';
import { MENU, assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let warning: WarningInfo;

before(async () => {
  // Long days: nothing escalates while the test clicks.
  stack = await startStack({ CASE_DAY_SECONDS: '600' });
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const inspector = await loggedIn(stack.baseUrl, 'inspector');
  const code = await createHouse(officer, { address: '凤城街道高基里 18 号' });
  const r = await inspector.post('/api/inspections', {
    id: randomUUID(),
    buildingCode: code,
    judgement: 'serious',
    hazards: [{ category: 'structure_damage', description: '承重墙贯通裂缝' }],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  await runRule(stack.temporal.client, 'tier_red');
  const [w] = await warningsOf(officer, 'tier_red');
  assert.ok(w, 'the rule raised a warning');
  warning = w;
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the warning task', () => {
  test('on a phone: the 预警处置 tab shows the warning as a card with a big 处置 button', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/inbox?view=warnings`);
    // The tab is drawn before the counts arrive: wait for its count, not only for the tab.
    await page.locator('[data-view="warnings"]', { hasText: /预警处置\s*1/ }).waitFor();
    const card = page.locator(`[data-warning-task="${warning.id}"]`);
    await card.getByText('房屋升为红色风险').waitFor();
    await card.getByText('待签收').waitFor();
    assert.ok(await fitsWidth(page), 'the card fits a phone');
    await screenshot(page, 'warnings-inbox-phone');
    await card.getByRole('link', { name: '处置' }).click();
    await page.waitForURL(/\/warnings\//);
    await page.locator('[data-warning-evidence]').getByText('原风险等级').waitFor();
    await assertNoMessageKeys(page);
    await context.close();
  });

  test('on the desktop: evidence, a dismissal refused without a reason, acknowledged, dispatched as a special inspection', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.getByRole('menuitem', { name: MENU.inbox, exact: true }).click();
    // The serious inspection also opened a case, whose assignment waits first: the warnings have their own tab.
    await page.locator('[data-view="warnings"]').click();
    const row = page.locator(`[data-warning-task="${warning.id}"]`);
    await row.waitFor();
    await row.getByRole('link', { name: '房屋升为红色风险' }).click();
    await page.waitForURL(new RegExp(`/warnings/${warning.id}$`));
    const evidence = page.locator('[data-warning-evidence]');
    await evidence.getByText('现风险等级').waitFor();
    assert.match(await evidence.innerText(), /红/);

    await page.locator('[data-warning-action="dismiss"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '忽略' }).click();
    await dialog
      .getByText(/至少|2/)
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.locator('[data-warning-action="acknowledge"]').click();
    await page.locator('[data-warning-status="acknowledged"]').waitFor();
    assert.equal(await page.locator('[data-warning-action="acknowledge"]').count(), 0);

    await page.locator('[data-warning-action="dispatch"]').click();
    await page.getByRole('dialog').getByRole('button', { name: '派发' }).click();
    await page.locator('[data-warning-status="dispatched"]').waitFor();
    await page.getByRole('link', { name: '查看专项排查' }).waitFor();
    await screenshot(page, 'warnings-page-dispatched');
    const done = await waitForWarning(await loggedIn(stack.baseUrl, 'town'), warning.id, (w) => w.status === 'dispatched', 'dispatched');
    assert.equal(done.dispatch?.kind, 'inspection');
    await page.getByRole('link', { name: '查看专项排查' }).click();
    await page.waitForURL(/\/campaigns\/.+\/show$/);
    await page.getByText('房屋升为红色风险专项排查').first().waitFor();
    await assertNoMessageKeys(page);
    await context.close();
  });

  test('the cockpit lists the warnings still waiting, live', async () => {
    const officer = await loggedIn(stack.baseUrl, 'officer');
    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    const code = await createHouse(officer, { address: '凤城街道高基里 20 号' });
    await inspector.post('/api/inspections', {
      id: randomUUID(),
      buildingCode: code,
      judgement: 'serious',
      hazards: [{ category: 'structure_damage', description: '楼板断裂' }],
      fileIds: [],
      position: null,
      inspectedAt: new Date().toISOString(),
    });
    await runRule(stack.temporal.client, 'tier_red');
    const waiting = (await warningsOf(officer, 'tier_red')).find((w) => w.buildingCodes.includes(code));
    assert.ok(waiting);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/cockpit`);
    const card = page.locator('[data-card="warnings"]');
    await card.locator(`[data-warning-row="${waiting.id}"]`).waitFor();
    assert.equal(await card.locator(`[data-warning-row="${warning.id}"]`).count(), 0, 'a dispatched warning is no longer listed');
    await context.close();
  });

  test('the map has a 预警 layer with its legend', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/map`);
    const tile = page.waitForResponse((r) => r.url().includes('/api/map/tiles/warnings/'));
    await page.locator('[data-layer="warnings"]').click();
    assert.equal((await tile).status(), 200);
    const legend = page.locator('[data-legend="warnings"]');
    await legend.getByText('待处置预警').waitFor();
    await legend.getByText('超时未签收').waitFor();
    await assertNoMessageKeys(page);
    await context.close();
  });
});
