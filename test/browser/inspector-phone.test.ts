/**
 * The inspector's journey on a phone (issue 15, section 2): from a scanned label, 工作人员登录 comes
 * back to the same house with 开始排查 (and the sign-in page follows only paths of this site); the
 * phone's home is the inspector's work with 扫码; complaints to verify wait in the inbox's 待核实 tab and
 * are verified with photos and the phone's position; a campaign house's form is titled with the
 * campaign and the inspection recorded against it. Also: the inbox opens on the tab with work, and a
 * fresh one-day task is not coloured urgent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse, openTask, registerCase, tinyPng } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { DEMO_PASSWORD, assertNoMessageKeys, fitsWidth, newPage, signIn, submitLogin } from './ui.ts';

const HOUSE_AT = { latitude: 23.7205, longitude: 113.0512 };
/** About 15 m from the house: on site. */
const PHONE_AT = { latitude: 23.7206, longitude: 113.0513, accuracy: 8 };

let stack: Stack;
let browser: Browser;
let officer: ApiClient;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  officer = await loggedIn(stack.baseUrl, 'officer');
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A phone that lets the page know where it is. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
    geolocation: PHONE_AT,
  });
  return { context, page: await context.newPage() };
}

describe('the inspector on a phone', () => {
  test('signed out on a label’s page: 工作人员登录 comes back to the same house with 开始排查', async () => {
    const code = await createHouse(officer, { ...HOUSE_AT, address: '凤城街道高基里 30 号' });
    const { context, page } = await phone();
    await page.goto(`${stack.baseUrl}/m/b/${code}`);
    const staff = page.getByRole('link', { name: '工作人员登录' });
    await staff.waitFor();
    assert.equal(await page.getByRole('link', { name: '开始排查' }).count(), 0);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'inspector-phone-scan-signed-out');
    await staff.click();
    await page.waitForURL(/\/login\?next=/);
    await submitLogin(page, stack.baseUrl, 'inspector', DEMO_PASSWORD);
    await page.waitForURL(`${stack.baseUrl}/m/b/${code}`);
    await page.getByRole('link', { name: '开始排查' }).waitFor();
    await page.getByRole('link', { name: '返回我的工作' }).waitFor();
    assert.equal(await page.getByRole('link', { name: '工作人员登录' }).count(), 0);
    await screenshot(page, 'inspector-phone-scan-signed-in');
    await context.close();
  });

  test('a first sign-in from a label’s page goes through the password change and still comes back to the house', async () => {
    const code = await createHouse(officer, { ...HOUSE_AT, address: '凤城街道高基里 31 号' });
    await stack.db('users').where({ username: 'inspector2' }).update({ must_change_password: true });
    const { context, page } = await phone();
    await page.goto(`${stack.baseUrl}/m/b/${code}`);
    await page.getByRole('link', { name: '工作人员登录' }).click();
    await page.waitForURL(/\/login\?next=/);
    await submitLogin(page, stack.baseUrl, 'inspector2', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await page.locator('.ra-input-currentPassword input').fill(DEMO_PASSWORD);
    await page.locator('.ra-input-newPassword input').fill('Paicha#2026qx');
    await page.locator('.ra-input-confirmPassword input').fill('Paicha#2026qx');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL(`${stack.baseUrl}/m/b/${code}`);
    await page.getByRole('link', { name: '开始排查' }).waitFor();
    await context.close();
  });

  test('the sign-in page does not follow a return path to another site', async () => {
    for (const outside of ['https://example.com/phish', '//example.com/m/b/1', '/\\example.com']) {
      const { context, page } = await newPage(browser, PHONE);
      await page.goto(`${stack.baseUrl}/login?next=${encodeURIComponent(outside)}`);
      await submitLogin(page, stack.baseUrl, 'inspector', DEMO_PASSWORD);
      await page.getByText('李排查，您好').waitFor();
      assert.equal(new URL(page.url()).origin, stack.baseUrl, `${outside} → ${page.url()}`);
      await context.close();
    }
  });

  test('the phone’s home is the inspector’s work, with 扫码; the desktop keeps the office home', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    const home = page.locator('[data-home="work"]');
    await home.waitFor();
    const scan = page.getByRole('link', { name: '扫码', exact: true }).first();
    assert.equal(new URL((await scan.getAttribute('href')) ?? '', stack.baseUrl).pathname, '/m/scan');
    for (const view of ['mine', 'claimable', 'verify', 'campaigns']) await home.locator(`[data-work="${view}"]`).waitFor();
    for (const office of ['房屋档案', '标签打印', '行政区划', '个人设置'])
      assert.equal(await home.getByText(office, { exact: true }).count(), 0, `${office} on the phone home`);
    // 扫码 is in the app bar too.
    await page.locator('header').getByRole('link', { name: '扫码' }).waitFor();
    assert.ok(await fitsWidth(page));
    await assertNoMessageKeys(page);
    await screenshot(page, 'inspector-phone-home');
    await page.locator('[data-work="verify"]').click();
    await page.waitForURL(/\/inbox\?view=verify/);
    await context.close();

    const desk = await newPage(browser, DESKTOP);
    await signIn(desk.page, stack.baseUrl, 'inspector');
    await desk.page.getByText('常用功能').waitFor();
    await desk.page.getByRole('menuitem', { name: '扫码' }).waitFor();
    await screenshot(desk.page, 'inspector-desktop-home');
    await desk.context.close();
  });

  test('the inbox opens on 待认领 when nothing is the user’s own yet, and a fresh one-day task is not urgent', async () => {
    const code = await createHouse(officer, { ...HOUSE_AT, address: '凤城街道高基里 31 号' });
    const opened = await registerCase(officer, code);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/inbox`);
    await page.waitForURL(/view=claimable/);
    await page.getByRole('tab', { name: /待认领/, selected: true }).waitFor();
    const row = page.locator('tr', { hasText: opened.number });
    await row.waitFor();
    // The assignment is due in one day: with nearly all of it left, it is not coloured.
    assert.equal(await row.locator('[data-due-tone]').getAttribute('data-due-tone'), 'normal');
    await screenshot(page, 'inbox-opens-on-claimable');
    await context.close();

    // Claimed, it is the town officer's own: on a phone their home lists it among the tasks due soonest.
    const town = await loggedIn(stack.baseUrl, 'town');
    const claimed = await town.post(`/api/tasks/${openTask(opened, 'assign').id}/claim`);
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    const mobile = await newPage(browser, PHONE);
    await signIn(mobile.page, stack.baseUrl, 'town');
    const soon = mobile.page.locator('[data-due-soon]');
    await soon.getByText(opened.number).waitFor();
    assert.equal(await soon.locator('[data-due-tone]').first().getAttribute('data-due-tone'), 'normal');
    assert.ok(await fitsWidth(mobile.page));
    await screenshot(mobile.page, 'town-phone-home-due-soon');
    await mobile.context.close();
  });

  test('a complaint to verify waits in 待核实 and is verified with photos and the phone’s position', async () => {
    const code = await createHouse(officer, { ...HOUSE_AT, address: '凤城街道高基里 32 号' });
    const citizen = new ApiClient(stack.baseUrl);
    const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: code,
      category: 'structure_damage',
      description: '二楼外墙出现斜向裂缝，越来越长',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));

    const { context, page } = await phone();
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/inbox?view=verify`);
    const card = page.locator(`[data-verify-task="${filed.body.trackingNo}"]`);
    await card.waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'inspector-phone-inbox-verify');
    await card.getByRole('button', { name: '核实', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`已定位（±${PHONE_AT.accuracy} 米）`).waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: '裂缝.png', mimeType: 'image/png', buffer: tinyPng() });
    await dialog.getByText('已添加 1 张，最多 9 张').waitFor();
    await dialog.getByRole('radio', { name: '不属实' }).check();
    await dialog.getByLabel('回复投诉人').fill('现场查看为装饰层裂缝，主体结构未见损坏');
    await screenshot(page, 'inspector-phone-verify-dialog');
    await dialog.getByRole('button', { name: '提交核实结果' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });

    const list = await officer.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    const id = list.body.data[0]?.id as string;
    const complaint = await officer.get<{ status: string; verifyFiles: { id: string }[]; verifyPresence: string; verifyPosition: unknown }>(
      `/api/complaints/${id}`,
    );
    assert.equal(complaint.body.status, 'unfounded');
    assert.equal(complaint.body.verifyFiles.length, 1);
    assert.equal(complaint.body.verifyPresence, 'near');

    await page.goto(`${stack.baseUrl}/complaints/${id}/show`);
    const evidence = page.getByTestId('verification-evidence');
    await evidence.getByText('在现场').waitFor();
    await evidence.locator('img').waitFor();
    assert.ok(await evidence.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
    await evidence.scrollIntoViewIfNeeded();
    await screenshot(page, 'inspector-phone-complaint-evidence');
    await context.close();

    const desk = await newPage(browser, DESKTOP);
    await signIn(desk.page, stack.baseUrl, 'officer');
    await desk.page.goto(`${stack.baseUrl}/complaints/${id}/show`);
    await desk.page.getByTestId('verification-evidence').getByText('在现场').waitFor();
    await screenshot(desk.page, 'complaint-evidence-desktop');
    await desk.context.close();
  });

  test('开始排查 from a campaign house: the form names the campaign and the inspection is recorded against it', async () => {
    const code = await createHouse(officer, { ...HOUSE_AT, address: '凤城街道高基里 33 号', floorsAbove: 11 });
    const name = '高基里高层自建房专项排查';
    const campaign = await officer.post<{ id: string }>('/api/campaigns', {
      name,
      regionCode: '441802006001',
      filters: { minFloors: 11 },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));

    const { context, page } = await phone();
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/inbox?view=campaigns`);
    const card = page.locator(`[data-campaign-task="${code}"]`);
    await card.getByRole('link', { name: '开始排查' }).click();
    await page.getByText(`专项排查：${name}`).waitFor();
    assert.equal(await page.getByText('日常排查', { exact: true }).count(), 0);
    await page.getByText(`已定位（±${PHONE_AT.accuracy} 米）`).waitFor();
    await screenshot(page, 'inspector-phone-campaign-form');
    await page.getByRole('radio', { name: '未发现安全隐患' }).check();
    await page.getByRole('button', { name: '提交排查' }).click();
    await page.getByRole('heading', { name: '已提交' }).waitFor();

    const inspector = await loggedIn(stack.baseUrl, 'inspector');
    const inspections = await inspector.get<{
      data: { id: string; kind: string; campaignId: string | null; campaignName: string | null }[];
    }>(`/api/inspections?buildingCode=${code}`);
    const recorded = inspections.body.data[0];
    assert.equal(recorded?.kind, 'special');
    assert.equal(recorded?.campaignId, campaign.body.id);
    assert.equal(recorded?.campaignName, name);
    const houses = await officer.get<{ data: { buildingCode: string; status: string; inspectionId: string | null }[] }>(
      `/api/campaigns/${campaign.body.id}/items`,
    );
    assert.deepEqual(
      houses.body.data.filter((h) => h.buildingCode === code).map((h) => [h.status, h.inspectionId]),
      [['done', recorded?.id]],
    );

    await page.goto(`${stack.baseUrl}/inspections/${recorded?.id}/show`);
    await page.getByText(`专项排查：${name}`).waitFor();
    await screenshot(page, 'inspector-phone-inspection-campaign');
    await context.close();
  });
});
