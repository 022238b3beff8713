/**
 * The 数据上报 page in real Chromium on the real stack: a town officer asks for a full report of the
 * town, sees it finish with its counts and digest, downloads the CSV (national five-group headers)
 * and the manifest, then asks for a change report after an edit and reads what changed.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertBuildings } from '../../domain/imports/insert.ts';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { housesIn } from '../support/imports.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { MENU, assertNoMessageKeys, download, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  await stack.db.transaction((trx) => insertBuildings(trx, [...housesIn('441802006', 12, 5), ...housesIn('441802007', 5, 6)]));
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newReport(page: Page, kind: '全量' | '变更') {
  await page.getByRole('link', { name: '生成上报' }).click();
  await page.waitForURL(/\/data-reports\/create$/);
  // The list's column of the same name stays on the page until the route changes (a run under load
  // filled its sort label): look for the field in the form only.
  const form = page.locator('form');
  await form.getByLabel('上报区域').fill('凤城');
  await page.getByRole('option', { name: /^凤城街道/ }).click();
  await form.getByLabel(kind).check();
  await form.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/data-reports$/);
}

describe('the 数据上报 page', () => {
  test('a town officer makes a full report, downloads its CSV and manifest, then a change report after an edit', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.getByRole('menuitem', { name: MENU.reports }).click();
    await newReport(page, '全量');
    const row = page.getByRole('row').filter({ hasText: '凤城街道' }).filter({ hasText: '全量' });
    await row.getByText('已完成').waitFor({ timeout: 60_000 });
    assert.match(await row.innerText(), /\b12\b/);
    const csv = await download(page, row.getByRole('button', { name: 'CSV' }));
    const text = csv.bytes.toString('utf8');
    assert.ok(text.startsWith('\ufeff【基本情况】房屋编码,'), text.slice(0, 60));
    assert.equal(text.trim().split('\r\n').length, 13);
    const manifest = await download(page, row.getByRole('button', { name: '清单' }));
    const files = (JSON.parse(manifest.bytes.toString('utf8')) as { files: { name: string; sha256: string }[] }).files;
    assert.equal(files.find((f) => f.name.endsWith('.csv'))?.sha256, createHash('sha256').update(csv.bytes).digest('hex'));

    const code = (await stack.db('buildings').where('village_code', 'like', '441802006%').orderBy('code').first('code')) as {
      code: string;
    };
    await stack.db('buildings').where(code).update({ occupants: 42 });
    await newReport(page, '变更');
    const changes = page.getByRole('row').filter({ hasText: '变更' });
    await changes.getByText('已完成').waitFor({ timeout: 60_000 });
    await changes.getByText('新增 0，修改 1，删除 0').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-data-reports');
    await context.close();
  });

  test('on a phone the list shows the reports', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/data-reports`);
    await page.locator('[data-report]').first().waitFor();
    assert.equal(await page.locator('[data-report]').count(), 2);
    await page.locator('[data-report]').first().getByText('新增 0，修改 1，删除 0').waitFor();
    await assertNoMessageKeys(page);
    assert.ok(await fitsWidth(page), 'the cards fit the phone');
    await screenshot(page, 'phone-data-reports');
    await context.close();
  });

  test('the auditor sees the reports and their manifests, not the files holding owners', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'auditor');
    await page.getByRole('menuitem', { name: MENU.reports }).click();
    const row = page.getByRole('row').filter({ hasText: '全量' });
    await row.getByRole('button', { name: '清单' }).waitFor();
    assert.equal(await row.getByRole('button', { name: 'CSV' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: '生成上报' }).count(), 0);
    await context.close();
  });
});
