/**
 * Wording and small things people ran into (issue 15 §5): the sign-in title stays readable, dates read
 * 2026-12-06 whatever the browser's language, the registry filters 尚未排查, the user form offers the
 * regions of the role's level, the audit log names every action and subject in Chinese, the staff
 * inspection form does not carry the public page's note, and the progress page says how a lost 查询码
 * is recovered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Share of the pixels behind a box that are dark (white text is readable only on a dark ground). */
async function darkShare(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  assert.ok(box, `${selector} is not shown`);
  const png = PNG.sync.read(await page.screenshot({ clip: box }));
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const luminance = 0.2126 * (png.data[i] ?? 0) + 0.7152 * (png.data[i + 1] ?? 0) + 0.0722 * (png.data[i + 2] ?? 0);
    if (luminance < 140) dark++;
  }
  return dark / (png.width * png.height);
}

describe('wording and small things', () => {
  test('the sign-in title is white on the blue band, on a desktop of any height and on a phone', async () => {
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['desktop-tall', { width: 1366, height: 1200 }],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(`${stack.baseUrl}/login`);
      await page.getByRole('heading', { name: '一栋一码', level: 1 }).waitFor();
      const share = await darkShare(page, 'h1');
      assert.ok(share > 0.5, `${name}: only ${Math.round(share * 100)}% of the title's ground is dark`);
      await screenshot(page, `${name === 'phone' ? 'phone' : name}-login-title`);
      await context.close();
    }
  });

  test('date fields read and show 2026-12-06 in an English browser too; the registry filters 尚未排查', async () => {
    await firstHouse();
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/buildings/create`);
    const date = page.getByLabel('排查日期');
    assert.equal(await date.getAttribute('type'), 'text');
    assert.equal(await date.getAttribute('placeholder'), '2026-12-06');
    await date.fill('2024/5/1');
    await date.blur();
    assert.equal(await date.inputValue(), '2024-05-01');
    await date.fill('05/01/2024');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('请按“年-月-日”填写日期，如 2026-12-06').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-building-form-date');

    await page.goto(`${stack.baseUrl}/buildings`);
    await page.getByRole('combobox', { name: '最新排查结论' }).click();
    await page.getByRole('option', { name: '尚未排查', exact: true }).click();
    await page.waitForURL(/not_inspected/);
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'desktop-buildings-not-inspected');
    await context.close();
  });

  test('the campaign form says on a phone too how many houses it will cover', async () => {
    await firstHouse();
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/campaigns/create`);
    await page.getByTestId('campaign-house-count').getByText('选择排查范围后，这里显示将排查的房屋数量').waitFor();
    await page.getByLabel('范围').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    await page.getByTestId('campaign-house-count').getByText('按当前范围和条件，将排查 1 栋房屋').waitFor();
    assert.ok(await fitsWidth(page));
    await assertNoMessageKeys(page);
    await screenshot(page, 'phone-campaign-create-count');
    await context.close();
  });

  test('the user form offers the regions of the role’s level; a wrong level is refused naming the field', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.goto(`${stack.baseUrl}/users/create`);
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '村（社区）排查员' }).click();
    await page.getByText('该角色的管辖区域须为村（社区）一级').waitFor();
    const asked = page.waitForRequest((r) => r.url().includes('/api/regions') && r.url().includes('level=village'));
    await page.getByLabel('管辖区域').fill('高基');
    await asked;
    await page
      .getByRole('option', { name: /^高基里社区/ })
      .first()
      .waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-user-create-region-level');
    await context.close();
  });

  test('the audit log names actions and subjects in Chinese, and its filter offers every action', async () => {
    // A view of a complainant's details, written to the audit log.
    const filed = await new ApiClient(stack.baseUrl).post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: (await firstHouse()).code,
      category: 'structure_damage',
      description: '楼梯扶手松动，担心有人摔倒',
      name: '赵六',
      phone: '13700001111',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    const listed = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    assert.equal((await inspector.get(`/api/complaints/${listed.body.data[0]?.id}/contact`)).status, 200);

    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      await signIn(page, stack.baseUrl, 'auditor');
      await page.goto(`${stack.baseUrl}/audit-log`);
      await page.getByText('查看投诉人信息').first().waitFor();
      await page.getByText(`投诉 · ${filed.body.trackingNo}`).first().waitFor();
      await page.getByText('查看投诉人信息').first().waitFor();
      const text = await page.locator('main').innerText();
      assert.doesNotMatch(text, /\b(?:complaint|case|auth|user|building)\.[a-z_]+\b/, 'a raw action code is shown');
      assert.doesNotMatch(text, /投诉 · [0-9a-f]{8}-/, 'a complaint is named by its id');
      assert.doesNotMatch(text, /\bsystem\b/, 'the demo seed shows as 系统');
      await assertNoMessageKeys(page);
      if (name === 'phone') assert.ok(await fitsWidth(page));
      await screenshot(page, `${name}-audit-log-names`);
      if (name === 'desktop') {
        await page.getByRole('combobox', { name: '操作' }).click();
        for (const action of ['查看投诉人信息', '查看户主完整信息', '按户主姓名搜索房屋', '导出案卷', '解锁账号'])
          await page.getByRole('option', { name: action, exact: true }).waitFor();
        await screenshot(page, 'desktop-audit-log-action-filter');
        await page.keyboard.press('Escape');
      }
      await context.close();
    }
  });

  test('the staff inspection form does not say 本页仅公开房屋基本信息; the progress page says how a lost 查询码 is recovered', async () => {
    const house = await firstHouse();
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/m/b/${house.code}/inspect`);
    await page.getByText('排查记录和照片仅用于自建房安全监管').waitFor();
    assert.equal(await page.getByText('本页仅公开房屋基本信息').count(), 0);
    await screenshot(page, 'phone-inspect-footer');
    await context.close();

    for (const [name, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const visitor = await newPage(browser, viewport);
      await visitor.page.goto(`${stack.baseUrl}/m/c`);
      await visitor.page.getByRole('heading', { name: '查询码遗失了？' }).waitFor();
      await visitor.page.getByText(/短信找回查询码将在平台接入短信通知后提供/).waitFor();
      await visitor.page.getByText(/请联系房屋所在镇（街道）住建办/).waitFor();
      if (name === 'phone') assert.ok(await fitsWidth(visitor.page));
      await screenshot(visitor.page, `${name}-progress-lost-secret`);
      await visitor.context.close();
    }
  });
});

let house: string | undefined;
/** A house in the inspector's village, registered once for the tests that need one. */
async function firstHouse(): Promise<{ code: string }> {
  house ??= await createHouse(await loggedIn(stack.baseUrl, 'officer'));
  return { code: house };
}
