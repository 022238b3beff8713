import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildingCode } from '../../domain/buildings/code.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse, tinyPng } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fitsWidth } from './ui.ts';

const HOUSE_POSITION = { latitude: 23.7205, longitude: 113.0512 };
/** About 15 m from the house: the citizen stands beside it. */
const NEAR = { latitude: 23.7206, longitude: 113.0513, accuracy: 12 };
/** Some 80 km away, where no house is registered. */
const FAR = { latitude: 23.0, longitude: 113.5, accuracy: 20 };

interface StaffComplaint {
  id: string;
  buildingCode: string | null;
  regionCode: string;
  position: { latitude: number; longitude: number } | null;
  category: string;
  description: string;
  contact: { name: string | null; phone: string | null };
  files: { id: string }[];
}

let stack: Stack;
let browser: Browser;
let inspector: ApiClient;
let house: string;

before(async () => {
  // Every complaint here comes from 127.0.0.1: lift the per-address limit above what the tests file.
  stack = await startStack({ COMPLAINTS_PER_HOUR: '50' });
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  house = await createHouse(officer, { ...HOUSE_POSITION, address: '凤城街道高基里七巷 3 号' });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A citizen's phone (never signed in), keeping the paths of the scripts it downloads. */
async function citizenPhone(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { context, page, scripts };
}

/** A light page: neither react-admin nor MUI is downloaded, and no sign-in was asked for. */
function assertLight(page: Page, scripts: string[]): void {
  assert.ok(scripts.length > 0);
  assert.deepEqual(
    scripts.filter((s) => /react-admin|mui|AdminApp/.test(s)),
    [],
    `scripts loaded: ${scripts.join(', ')}`,
  );
  assert.ok(!page.url().includes('/login'));
}

/** The complaint as officers read it, found by its tracking number. */
async function staffView(trackingNo: string): Promise<StaffComplaint> {
  const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${trackingNo}`);
  assert.equal(list.body.data.length, 1, JSON.stringify(list.body));
  const one = await inspector.get<StaffComplaint>(`/api/complaints/${list.body.data[0]?.id}`);
  assert.equal(one.status, 200);
  return one.body;
}

async function complaintCount(): Promise<number> {
  const list = await inspector.get<{ total: number }>('/api/complaints');
  assert.equal(list.status, 200);
  return list.body.total;
}

/** Reads the number and the secret off the result page. */
async function filedKeys(page: Page): Promise<{ trackingNo: string; secret: string }> {
  await page.getByRole('heading', { name: '投诉已受理' }).waitFor();
  const trackingNo = (await page.locator('[data-tracking-no]').getAttribute('data-tracking-no')) ?? '';
  const secret = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? '';
  assert.match(trackingNo, /^TS\d{8}[A-HJ-NP-Z2-9]{8}$/);
  assert.match(secret, /^[A-Z2-9]{8}$/);
  return { trackingNo, secret };
}

async function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

describe('a citizen’s complaint on the phone', () => {
  test('scanned house: the form checks the fields, files with a photo and contact, and the progress page follows the verification', async () => {
    const { context, page, scripts } = await citizenPhone({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${stack.baseUrl}/m/b/${house}`);
    await page.getByRole('link', { name: '投诉举报' }).click();
    await page.waitForURL(`**/m/b/${house}/complain`);
    await page.getByRole('heading', { name: '凤城街道高基里七巷 3 号' }).waitFor();
    await page.getByText('您的身份信息将严格保密，仅核实人员可见').waitFor();

    // An empty form says what is missing next to each field, before anything is sent.
    const submit = page.getByRole('button', { name: '提交投诉' });
    await submit.click();
    await page.locator('#error-category').getByText('请选择问题类型').waitFor();
    await page.locator('#error-description').getByText('请描述您看到的问题').waitFor();
    await page.getByRole('alert').getByText('请先修改标出的内容').waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complain-errors');

    await page.getByRole('radio', { name: '承重结构损伤' }).check();
    assert.equal(await page.locator('#error-category').count(), 0, 'a fixed field no longer shows its error');
    const description = page.getByRole('textbox', { name: '问题描述' });
    await description.fill('墙有裂');
    await submit.click();
    await page.locator('#error-description').getByText('问题描述至少 5 个字').waitFor();
    const text = '二楼外墙有一条斜向长裂缝，雨后渗水';
    await description.fill(text);
    await page.getByText(`${text.length} / 1000`).waitFor();
    await page.locator('input[type=file]:not([capture])').setInputFiles({ name: '外墙裂缝.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByText('已添加 1 张，最多 9 张').waitFor();
    await page.getByRole('textbox', { name: '姓名（选填）' }).fill('王小明');
    const phone = page.getByRole('textbox', { name: '手机号码（选填）' });
    await phone.fill('1391234');
    await submit.click();
    await page.locator('#error-phone').getByText('请填写 11 位手机号码').waitFor();
    await phone.fill('139 1234 5678');
    assert.ok(await fitsWidth(page), 'no sideways scrolling on the form');
    await screenshot(page, 'phone-complain-form');

    await submit.click();
    const { trackingNo, secret } = await filedKeys(page);
    await page.getByText('请截图或记下编号和查询码').waitFor();
    assert.ok((await fontSize(page, '[data-secret]')) >= 28, 'the secret in large type');
    assert.ok((await fontSize(page, '[data-tracking-no]')) >= 24, 'the number in large type');
    await page.getByRole('button', { name: '复制编号和查询码' }).click();
    await page.getByRole('button', { name: '已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(trackingNo) && copied.includes(secret), copied);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complain-filed');

    // Filed as given: the house, the photo, and the contact (masked for officers).
    const filed = await staffView(trackingNo);
    assert.equal(filed.buildingCode, house);
    assert.equal(filed.category, 'structure_damage');
    assert.equal(filed.description, text);
    assert.equal(filed.files.length, 1, 'with its photo');
    assert.deepEqual(filed.contact, { name: '王**', phone: '139****5678' });

    // The progress page opens without retyping, and the secret never appears in the address.
    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.waitForURL(`**/m/c/${trackingNo}`);
    assert.ok(!page.url().includes(secret));
    await page.locator('[data-status]').getByText('待核实').waitFor();
    await page
      .locator('.prg-timeline')
      .getByText(/您的投诉已受理/)
      .waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-progress-verifying');

    // The inspector finds nothing on site and replies.
    const reply = '经现场查看，裂缝为外墙抹灰层开裂，主体结构未见损伤。';
    const verified = await inspector.post(`/api/complaints/${filed.id}/verify`, { result: 'unfounded', reply });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const me = await inspector.get<{ user: { name: string } }>('/api/auth/me');
    const inspectorName = me.body.user.name;
    assert.ok(inspectorName);

    // Later, on the lookup page: the number is remembered, the secret has to be typed.
    await page.goto(`${stack.baseUrl}/m/c`);
    const number = page.getByRole('textbox', { name: '投诉编号' });
    assert.equal(await number.inputValue(), trackingNo, 'the last number is filled in');
    const secretBox = page.getByRole('textbox', { name: '查询码' });
    await secretBox.fill('AAAA2222');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('alert').getByText('投诉编号或查询码不正确').waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-progress-lookup');
    await secretBox.fill(secret.toLowerCase());
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.locator('[data-status]').getByText('经核实不属实').waitFor();
    await page.getByText(reply).first().waitFor();
    await page
      .locator('.prg-timeline')
      .getByText(/经现场核实，未发现您反映的问题/)
      .waitFor();
    const body = await page.locator('body').innerText();
    for (const hidden of ['王小明', '王**', '13912345678', '139****5678', inspectorName])
      assert.ok(!body.includes(hidden), `the progress page shows ${hidden}`);
    assert.ok(body.includes('核实时间'));
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-progress-unfounded');

    assertLight(page, scripts);
    await context.close();
  });

  test('no house code: filed from the phone’s position near a house; far from any house the server’s refusal is shown', async () => {
    const { context, page, scripts } = await citizenPhone({ permissions: ['geolocation'], geolocation: NEAR });
    // A label nobody registered leads to the complaint by position.
    await page.goto(`${stack.baseUrl}/m/b/${buildingCode('441802006001', 99_998)}`);
    await page.getByRole('heading', { name: '未找到该房屋' }).waitFor();
    await page.getByRole('link', { name: '没有二维码或找不到房屋？按位置投诉' }).click();
    await page.waitForURL('**/m/complain');
    await page.getByRole('heading', { name: '按位置投诉举报' }).waitFor();

    await page.getByRole('radio', { name: '违规加层扩建' }).check();
    await page.getByRole('textbox', { name: '问题描述' }).fill('楼顶正在搭建铁皮房，已经三层高');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.locator('#error-position').getByText('请点击“使用当前位置”，或填写经纬度').waitFor();

    await page.getByRole('button', { name: '使用当前位置' }).click();
    await page.getByText(`已获取当前位置（±${NEAR.accuracy} 米）`).waitFor();
    assert.equal(await page.locator('#error-position').count(), 0);
    // The map offers the house beside the citizen; left alone, the complaint goes by their own position.
    await page.locator(`.cmp-map-house[data-code="${house}"]`).waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complain-position');
    const before = await complaintCount();
    // A double tap: two clicks before the page can answer the first.
    await page.getByRole('button', { name: '提交投诉' }).evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    const { trackingNo } = await filedKeys(page);
    assert.equal(await complaintCount(), before + 1, 'filed once');
    const filed = await staffView(trackingNo);
    assert.equal(filed.buildingCode, null);
    assert.equal(filed.regionCode, '441802006001', 'the village of the nearest house');
    assert.ok(filed.position && Math.abs(filed.position.latitude - NEAR.latitude) < 1e-6);
    assert.deepEqual(filed.contact, { name: null, phone: null });

    // Somewhere no house is registered.
    await context.setGeolocation(FAR);
    await page.getByRole('link', { name: '再投诉一件' }).click();
    await page.getByRole('radio', { name: '周边环境' }).check();
    await page.getByRole('textbox', { name: '问题描述' }).fill('山坡有落石，威胁坡下房屋');
    await page.getByRole('button', { name: '使用当前位置' }).click();
    await page.getByText(`已获取当前位置（±${FAR.accuracy} 米）`).waitFor();
    await page.getByText('附近 300 米内没有登记的房屋').waitFor();
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page
      .locator('#error-position')
      .getByText(/附近没有登记的房屋/)
      .waitFor();
    assert.equal(await page.getByRole('heading', { name: '投诉已受理' }).count(), 0);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complain-far');

    // Typed coordinates are checked before sending.
    await page.getByText('手动填写经纬度', { exact: true }).click();
    await page.getByRole('textbox', { name: '纬度' }).fill('95');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.locator('#error-position').getByText('纬度应为 -90 到 90 之间的数字').waitFor();

    // The progress lookup, opened fresh, is as light.
    await page.goto(`${stack.baseUrl}/m/c/${trackingNo}`);
    assert.equal(await page.getByRole('textbox', { name: '投诉编号' }).inputValue(), trackingNo);
    await page.getByRole('link', { name: '没有二维码或找不到房屋？按位置投诉' }).waitFor();
    await page.waitForLoadState('networkidle');
    assertLight(page, scripts);
    await context.close();
  });

  test('a phone that refuses its position is told how to allow it, or to type the coordinates', async () => {
    const { context, page } = await citizenPhone();
    await page.goto(`${stack.baseUrl}/m/complain`);
    await page.getByRole('button', { name: '使用当前位置' }).click();
    await page.getByText(/请在手机设置中允许浏览器使用位置信息，或手动填写经纬度/).waitFor();
    await page.getByRole('textbox', { name: '纬度' }).fill(String(NEAR.latitude));
    await page.getByRole('textbox', { name: '经度' }).fill(String(NEAR.longitude));
    await page.getByText('将使用填写的经纬度').waitFor();
    await page.locator(`.cmp-map-house[data-code="${house}"]`).waitFor();
    await page
      .getByText(/距所选位置约 \d+ 米/)
      .first()
      .waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-complain-typed-position');
    await context.close();
  });
});
