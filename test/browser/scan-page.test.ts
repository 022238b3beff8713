import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildingCode } from '../../domain/buildings/code.ts';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let serious: string;
let unInspected: string;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const store = new DatabaseBuildingStore(stack.db);
  serious = await store.create(
    {
      villageCode: '441802006001',
      address: '凤城街道高基里二巷 8 号',
      ownerName: '张三丰',
      ownerPhone: '13812345678',
      floorsAbove: 5,
      structureType: 'reinforced_concrete',
      use: 'business',
      businessCategory: 'catering',
      latestJudgement: 'serious',
      latestJudgementAt: '2025-04-02',
    },
    stack.db,
  );
  unInspected = await store.create(
    { villageCode: '441802007001', address: '东城街道白庙路 6 号', floorsAbove: 2, structureType: 'timber', use: 'own_home' },
    stack.db,
  );
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the scan page and records which scripts the phone had to download. */
async function openScanPage(page: Page, code: string): Promise<string[]> {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${stack.baseUrl}/m/b/${code}`);
  await page.locator('.scan-main section:not([aria-busy])').first().waitFor();
  await page.waitForLoadState('networkidle');
  return scripts;
}

describe('the scan page, at phone size', () => {
  test('shows the public summary with the judgement in red, no personal data, and a link to file a complaint', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const scripts = await openScanPage(page, serious);
    await page.getByText('一栋一码 · 房屋电子身份证').waitFor();
    await page.getByRole('heading', { name: '凤城街道高基里二巷 8 号' }).waitFor();
    assert.equal(await page.locator('.scan-code').first().getAttribute('data-code'), serious);
    const body = await page.locator('body').innerText();
    for (const text of [
      '清城区 · 凤城街道 · 高基里社区居委会',
      '经营',
      '地上 5 层',
      '钢筋混凝土结构',
      '存在严重安全隐患',
      '排查日期 2025-04-02',
    ]) {
      assert.ok(body.includes(text), `shows ${text}`);
    }
    // Serious is red.
    const color = await page.locator('.scan-judgement-value').evaluate((el) => getComputedStyle(el).color);
    assert.equal(color, 'rgb(183, 28, 28)');
    // No owner name or phone, masked or not.
    assert.ok(!/张|138|5678/.test(body), 'no personal data on the public page');
    // Anyone may complain, without an account.
    assert.equal(await page.getByRole('link', { name: '投诉举报' }).getAttribute('href'), `/m/b/${serious}/complain`);
    assert.equal(await page.getByRole('link', { name: '开始排查' }).count(), 0, 'no inspection for a passer-by');
    assert.ok(await fitsWidth(page));
    // A light page: neither react-admin nor MUI is downloaded.
    assert.ok(scripts.length > 0);
    assert.deepEqual(
      scripts.filter((s) => /react-admin|mui|AdminApp/.test(s)),
      [],
      `scripts loaded: ${scripts.join(', ')}`,
    );
    assert.equal(await page.title(), `房屋 ${serious} · 一栋一码`);
    await screenshot(page, 'phone-scan-serious');
    await context.close();
  });

  test('a house never inspected says so; an inspector of another village gets no inspect button', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await openScanPage(page, unInspected);
    await page.getByText('尚未排查').waitFor();
    await screenshot(page, 'phone-scan-not-inspected');
    await signIn(page, stack.baseUrl, 'inspector');
    await openScanPage(page, unInspected);
    await page.getByText('尚未排查').waitFor();
    assert.equal(await page.getByRole('link', { name: '开始排查' }).count(), 0);
    await context.close();
  });

  test('the inspector of the village, signed in on the phone, sees 开始排查 leading to the inspection form', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await openScanPage(page, serious);
    const inspect = page.getByRole('link', { name: '开始排查' });
    await inspect.waitFor();
    assert.equal(await inspect.getAttribute('href'), `/m/b/${serious}/inspect`);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-scan-inspector');
    await context.close();
  });

  test('a mistyped code gets a page saying what is wrong with it, and a box to type it again', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const wrongCheck = serious.slice(0, 17) + (serious[17] === '0' ? '1' : '0');
    await openScanPage(page, wrongCheck);
    await page.getByRole('heading', { name: '房屋编码有误' }).waitFor();
    await page.getByText('校验位不正确').waitFor();
    await page.getByText(wrongCheck).waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-scan-mistyped');

    await openScanPage(page, '44180200600100');
    await page.getByText('房屋编码应为 18 位').waitFor();

    // Typing the right code (lower-case x accepted) opens the house.
    await page.getByRole('textbox', { name: '重新输入房屋编码' }).fill(serious.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '凤城街道高基里二巷 8 号' }).waitFor();
    await context.close();
  });

  test('a well-formed code that nobody registered gets a clear "not found" page', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const unknown = buildingCode('441802006001', 99_999);
    await openScanPage(page, unknown);
    await page.getByRole('heading', { name: '未找到该房屋' }).waitFor();
    await page.getByText('未在本平台登记').waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-scan-unknown');
    await context.close();
  });
});
