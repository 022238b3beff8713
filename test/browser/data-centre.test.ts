/**
 * The data centre's pages in real Chromium on the real stack: 数据完整性 shows each village's gaps, a
 * count opens the registry list with the same total, a gap's list downloads as XLSX; on a phone the
 * table scrolls inside its card. 上级平台凭据: the administrator creates a credential, sees its token
 * once, the token reads the platform API, and revoking it makes it fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, download, fitsWidth, listTotal, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
const VILLAGE = '441802006001';

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const houses = [
    { address: '高基里 1 号', latitude: 23.7, longitude: 113.03 },
    { address: '高基里 2 号' },
    { address: '高基里 3 号', ownerName: null, ownerPhone: null },
    { address: '高基里 4 号', use: 'business', businessCategory: 'catering' },
  ];
  for (const over of houses) {
    const r = await officer.post('/api/buildings', {
      villageCode: VILLAGE,
      ownerName: '张三丰',
      ownerPhone: '13812345678',
      floorsAbove: 3,
      structureType: 'brick_concrete',
      use: 'own_home',
      ...over,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('数据完整性', () => {
  test('on the desktop: the counts per village, a count opens the list with the same total, a gap exported', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('menuitem', { name: '数据完整性' }).click();
    await page.locator('[data-completeness-table]').waitFor();
    const cell = page.locator(`[data-figure="${VILLAGE}.no_coordinates"]`);
    assert.equal(await cell.getAttribute('data-value'), '3');
    await page.getByRole('button', { name: '凤城街道' }).first().waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'completeness-desktop');
    const file = await download(page, page.getByRole('button', { name: '导出 XLSX' }));
    assert.match(file.name, /\.xlsx$/);
    assert.equal(file.bytes.subarray(0, 2).toString('latin1'), 'PK');
    await cell.click();
    await page.waitForURL(/\/buildings/);
    assert.equal(await listTotal(page), 3);
    await screenshot(page, 'completeness-list');
    await context.close();
  });

  test('on a phone: the inspector’s village, the table scrolls inside its card', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/completeness`);
    await page.locator('[data-completeness-table]').waitFor();
    assert.equal(await page.locator(`[data-figure="${VILLAGE}.no_owner"]`).getAttribute('data-value'), '1');
    assert.ok(await fitsWidth(page), 'the page fits a phone');
    await screenshot(page, 'completeness-phone');
    await context.close();
  });
});

describe('上级平台凭据', () => {
  test('the administrator creates a credential (token shown once) that reads the platform API, then revokes it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.getByRole('menuitem', { name: '上级平台凭据' }).click();
    await page.getByRole('button', { name: '新建凭据' }).click();
    await page.locator('[data-field="name"]').fill('广东省自建房平台');
    await page.getByRole('dialog').getByRole('combobox').click();
    await page.getByRole('dialog').getByRole('combobox').fill('清城');
    await page.getByRole('option').first().click();
    await page.locator('[data-action="create-client"]').click();
    const token = await page.locator('[data-token]').inputValue();
    assert.match(token, /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'api-clients-token');
    await page.getByRole('button', { name: '已复制' }).click();
    const row = page.locator('[data-client="广东省自建房平台"]');
    await row.getByText('有效').waitFor();
    const read = () => fetch(`${stack.baseUrl}/api/platform/v1/houses?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await read()).status, 200);
    await row.locator('[data-action="revoke"]').click();
    await page.locator('[data-action="confirm-revoke"]').click();
    await row.getByText('已吊销').waitFor();
    assert.equal((await read()).status, 401);
    await assertNoMessageKeys(page);
    await screenshot(page, 'api-clients-desktop');
    await context.close();
  });

  test('on a phone: the list fits, its table scrolls inside its card; no menu entry for an officer', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'admin');
    await page.goto(`${stack.baseUrl}/api-clients`);
    await page.locator('[data-client="广东省自建房平台"]').waitFor();
    assert.ok(await fitsWidth(page), 'the page fits a phone');
    await screenshot(page, 'api-clients-phone');
    await context.close();
    const officer = await newPage(browser, DESKTOP);
    await signIn(officer.page, stack.baseUrl, 'officer');
    await officer.page.getByRole('menuitem', { name: '数据完整性' }).waitFor();
    assert.equal(await officer.page.getByRole('menuitem', { name: '上级平台凭据' }).count(), 0);
    await officer.context.close();
  });
});
