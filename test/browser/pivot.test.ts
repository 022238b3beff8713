/**
 * 统计分析 in a real browser against the real API: the table with its totals, case dimensions off for
 * houses, a cell opening a list with the cell's total, a cell turned into a special inspection, and
 * the XLSX and CSV exports downloaded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PHONE, screenshot } from '../support/browser.ts';
import type { Stack } from '../support/stack.ts';
import { statisticsFixture } from './houses.ts';
import { assertNoMessageKeys, download, fitsWidth, newPage, signIn, listTotal } from './ui.ts';

const LAPTOP = { width: 1440, height: 900 };

let stack: Stack;
let browser: Browser;

before(async () => {
  ({ stack, browser } = await statisticsFixture([
    ['shop', 'serious'],
    ['rental', 'general'],
  ]));
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const cell = (page: Page, name: string) => page.locator(`[data-cell="${name}"]`);

describe('the pivot', () => {
  test('houses by town and use, with totals; a cell opens its list; case dimensions are off for houses', async () => {
    const { context, page } = await newPage(browser, LAPTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.locator('[data-pivot]').waitFor();
    await page.goto(`${stack.baseUrl}/pivot?measure=houses&rows=region&cols=use`);
    await page.locator('[data-pivot] [data-row="441802006"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await cell(page, 'total|total').locator('[data-value]').getAttribute('data-value'), '4');
    assert.equal(await cell(page, '441802006|total').locator('[data-value]').getAttribute('data-value'), '3');
    assert.equal(await cell(page, '441802006|business').locator('[data-value]').getAttribute('data-value'), '1');

    // Case dimensions cannot be picked for a count of houses.
    await page.locator('[data-control="rows"]').locator('..').click();
    assert.equal(await page.getByRole('option', { name: '隐患类别' }).getAttribute('aria-disabled'), 'true');
    await page.keyboard.press('Escape');
    await assertNoMessageKeys(page);
    await screenshot(page, 'pivot-houses-1440');

    await cell(page, '441802006|own_home').locator('a').click();
    await page.waitForURL(/\/buildings\?filter=/);
    assert.equal(await listTotal(page), 1);
    await page.goBack();
    await page.locator('[data-pivot]').waitFor();

    // 发起专项排查 from a cell: the campaign form with the cell's region and house filters.
    await cell(page, '441802006|rental').getByRole('button', { name: '单元格操作' }).click();
    await page.getByRole('menuitem', { name: '发起专项排查' }).click();
    await page.waitForURL(/\/campaigns\/create/);
    await page.getByRole('combobox', { name: '房屋用途' }).filter({ hasText: '出租' }).waitFor();
    await context.close();
  });

  test('hazards by category and severity; the exports download XLSX and CSV', async () => {
    const { context, page } = await newPage(browser, LAPTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/pivot?measure=hazardsOpen&rows=category&cols=severity`);
    await page.locator('[data-pivot] [data-row="structure_damage"]').waitFor();
    await page.waitForLoadState('networkidle');
    const serious = cell(page, 'structure_damage|serious').locator('[data-value]');
    assert.equal(await serious.getAttribute('data-value'), '1');
    await serious.click();
    await page.waitForURL(/\/cases\?filter=/);
    assert.equal(await listTotal(page), 1);
    await page.goBack();
    await page.locator('[data-pivot]').waitFor();

    const xlsx = await download(page, page.getByRole('button', { name: '导出 XLSX' }));
    assert.match(xlsx.name, /\.xlsx$/);
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
    const csv = await download(page, page.getByRole('button', { name: '导出 CSV' }));
    assert.match(csv.name, /\.csv$/);
    assert.match(csv.bytes.toString('utf8'), /承重结构损伤/);
    await screenshot(page, 'pivot-hazards-1440');
    await context.close();
  });

  test('on a phone the controls stack and the table scrolls inside its card', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/pivot?measure=houses&rows=region&cols=riskTier`);
    await page.locator('[data-pivot] [data-row="total"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.ok(await fitsWidth(page), 'the pivot fits the phone');
    await screenshot(page, 'pivot-phone');
    await context.close();
  });
});
