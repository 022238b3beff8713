/**
 * The monthly bulletins page (月度通报) in real Chromium on the real stack: a district officer opens it
 * from the menu, asks for the bulletin of a town for last month (the month the form suggests), sees it
 * made in the list and downloads its PDF and workbook; a phone-width view of the list fits the screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, download, fitsWidth, isPdf, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  await createHouse(officer, { address: '凤城街道高基里 18 号' });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the bulletins page', () => {
  test('a district officer asks for a town’s bulletin of last month and downloads its PDF and workbook', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('menuitem', { name: '月度通报', exact: true }).click();
    await page.waitForURL(/\/bulletins$/);
    await page.getByRole('link', { name: '生成通报' }).click();
    // In the form only: the list's 区域 column (its sort label) can still be on the page.
    await page.waitForURL(/\/bulletins\/create$/);
    const form = page.locator('form');
    await form.getByLabel('区域').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    const beijing = new Date(Date.now() + 8 * 3600_000);
    const lastMonth = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    assert.equal(await form.getByLabel('月份').inputValue(), lastMonth);
    await screenshot(page, 'bulletins-create-desktop');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/bulletins$/);
    const row = page.locator('tr', { hasText: '凤城街道' }).filter({ hasText: lastMonth });
    await row.getByText('已完成').waitFor({ timeout: 60_000 });
    await assertNoMessageKeys(page);
    await screenshot(page, 'bulletins-list-desktop');
    const pdf = await download(page, row.getByRole('button', { name: 'PDF' }));
    assert.ok(isPdf(pdf.bytes), pdf.name);
    assert.equal(pdf.name, `bulletin-${pdf.name.split('-')[1]}-${lastMonth}.pdf`);
    const xlsx = await download(page, row.getByRole('button', { name: 'Excel' }));
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
    await context.close();
  });

  test('on a phone the list fits the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/bulletins`);
    await page.getByText('凤城街道').first().waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'bulletins-list-phone');
    assert.ok(await fitsWidth(page), 'the list fits a phone');
    await context.close();
  });
});
