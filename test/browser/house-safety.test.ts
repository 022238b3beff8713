/**
 * The house file as an officer reads it while a case is open: the registry says the house has a hazard,
 * the 安全状态 history shows each change with the inspection or case behind it (linked), and the edit
 * form does not offer to overwrite what the cases decide.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse, waitForCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let code: string;
let caseId: string;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const inspector = await loggedIn(stack.baseUrl, 'inspector');
  const town = await loggedIn(stack.baseUrl, 'town');
  code = await createHouse(officer, { latestJudgement: 'none', latestJudgementAt: '2022-06-03', rectificationStatus: 'not_needed' });
  const r = await inspector.post<{ hazards: { caseId: string }[] }>('/api/inspections', {
    id: randomUUID(),
    buildingCode: code,
    judgement: 'some',
    hazards: [{ category: 'surroundings', description: '屋后边坡有滑塌迹象' }],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  caseId = r.body.hazards[0]?.caseId as string;
  await waitForCase(town, caseId, (c) => c.status === 'assigning');
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

test('the house file’s 安全状态 history links each change to its inspection; the edit form leaves the state to the cases', async () => {
  for (const [viewport, name] of [
    [DESKTOP, 'desktop'],
    [PHONE, 'phone'],
  ] as const) {
    const { context, page } = await newPage(browser, viewport);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/buildings/${code}/show`);
    const history = page.locator('section[aria-labelledby="group-history"]');
    await history.getByRole('button', { name: '安全状态' }).click();
    await history.getByText('存在一定安全隐患').first().waitFor();
    await history.getByText('待整治').first().waitFor();
    const link = history.getByRole('link', { name: '排查' }).first();
    assert.match((await link.getAttribute('href')) ?? '', /#?\/inspections\/[0-9a-f-]{36}\/show$/);
    // Times as Chinese forms write them (and as the date inputs take them), not 2026/12/06.
    assert.match(await history.locator('time').first().innerText(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await history.scrollIntoViewIfNeeded();
    await assertNoMessageKeys(page);
    assert.ok(await fitsWidth(page), `${name}: the house file fits the screen`);
    await screenshot(page, `${name}-house-safety-history`);

    if (name === 'desktop') {
      await page.goto(`${stack.baseUrl}/buildings/${code}`);
      await page.getByText('本房屋有未销号的隐患案件，此项由案件办理情况决定').first().waitFor();
      await page.getByText('本房屋有未销号的隐患案件，此项由案件办理情况决定').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'desktop-house-edit-state-from-cases');
      // Read-only: the select cannot be opened, the measures cannot be typed in.
      assert.equal(await page.getByRole('combobox', { name: '最新排查结论' }).isEnabled(), false);
      assert.equal(await page.locator('textarea[name="rectificationMeasures"]').getAttribute('readonly'), '');
    }
    await context.close();
  }
});

test('a case just registered is not coloured urgent: its one-day 分派 has nearly all its time left', async () => {
  const { context, page } = await newPage(browser, DESKTOP);
  await signIn(page, stack.baseUrl, 'officer');
  await page.goto(`${stack.baseUrl}/cases/${caseId}/show`);
  const header = page.locator('[data-due-tone]').first();
  await header.waitFor();
  assert.equal(await header.getAttribute('data-due-tone'), 'normal');
  await page.goto(`${stack.baseUrl}/cases`);
  const row = page.getByRole('row').filter({ hasText: '凤城街道高基里 8 号' }).first();
  await row.locator('[data-due-tone]').waitFor();
  assert.equal(await row.locator('[data-due-tone]').getAttribute('data-due-tone'), 'normal');
  await context.close();
});

test('in English, a case’s open task and the inbox name the step in English, not the definition’s Chinese', async () => {
  const { context, page } = await newPage(browser, DESKTOP);
  await signIn(page, stack.baseUrl, 'town');
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.goto(`${stack.baseUrl}/cases/${caseId}/show`);
  await page.getByText('Waiting for Assign').waitFor();
  assert.equal(await page.getByText('Waiting for 分派').count(), 0);
  await page.goto(`${stack.baseUrl}/inbox?view=claimable`);
  await page
    .locator('.MuiChip-label', { hasText: /^Assign$/ })
    .first()
    .waitFor();
  await context.close();
});
