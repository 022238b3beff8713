/**
 * What each task shows its person, in Chromium at desk and phone width: 分派 the hazard as found (the
 * inspection's account, notes, position and photo), the house in brief and its other open case, which
 * the officer assigns in the same form; 整改 on a phone the measures, party, deadline and hazard above
 * the evidence form; 复核 the photos as found beside the rectification's.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { complete, createHouse, openTask, tinyPng, upload, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let town: ApiClient;
let inspector: ApiClient;
let damage: CaseInfo;
let balcony: CaseInfo;
const AT = { latitude: 23.7005, longitude: 113.0312 };

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  const code = await createHouse(officer, { ...AT, use: 'business', businessCategory: 'catering', floorsAbove: 4 });
  const pic = await inspector.request<{ id: string }>('POST', `/api/inspection-files?buildingCode=${code}`, tinyPng(), {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent('东墙裂缝.png'),
  });
  const r = await inspector.post<{ hazards: { category: string; caseId: string }[] }>('/api/inspections', {
    id: randomUUID(),
    buildingCode: code,
    judgement: 'some',
    hazards: [
      { category: 'structure_damage', description: '东侧承重墙斜向裂缝，长约 1.5 米' },
      { category: 'ancillary', description: '二楼阳台栏板松动' },
    ],
    notes: '户主在场，二楼住人',
    fileIds: [pic.body.id],
    position: { latitude: AT.latitude + 0.0002, longitude: AT.longitude, accuracy: 8 },
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const id = (category: string) => r.body.hazards.find((h) => h.category === category)?.caseId as string;
  damage = await waitForCase(town, id('structure_damage'), (c) => c.status === 'assigning');
  balcony = await waitForCase(town, id('ancillary'), (c) => c.status === 'assigning');
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openTaskPage(page: Page, username: string, taskId: string, step: string): Promise<void> {
  await signIn(page, stack.baseUrl, username);
  await page.goto(`${stack.baseUrl}/inbox/${taskId}`);
  await page.getByRole('heading', { name: step, level: 2, exact: true }).waitFor();
}

describe('each task shows what its person needs', () => {
  test('分派 shows the hazard as found and the house on a phone, without sideways scrolling', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await openTaskPage(page, 'town', openTask(damage, 'assign').id, '分派');
    await page.getByRole('heading', { name: '隐患发现情况' }).waitFor();
    await page.getByText('户主在场，二楼住人').waitFor();
    await page.getByRole('img', { name: '东墙裂缝.png' }).waitFor();
    assert.ok(await fitsWidth(page), 'the assign page fits a phone');
    await assertNoMessageKeys(page);
    await screenshot(page, 'phone-task-assign-context');
    await context.close();
  });

  test('分派 on a desk: the inspection’s account, the house in brief and its other open case, assigned together in one form', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await openTaskPage(page, 'town', openTask(damage, 'assign').id, '分派');
    const found = page.getByRole('region', { name: '隐患发现情况' });
    await found.getByText('东侧承重墙斜向裂缝，长约 1.5 米').waitFor();
    await found.getByText('排查员 李排查').waitFor();
    await found.getByText('户主在场，二楼住人').waitFor();
    await found.getByText(/北纬 23\.700700，东经 113\.031200/).waitFor();
    const photo = found.getByRole('img', { name: '东墙裂缝.png' });
    await photo.waitFor();
    assert.ok(await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 'the inspection photo loads');
    const house = page.getByRole('region', { name: '房屋概况' });
    await house.getByText('张*').waitFor();
    await house.getByText('经营 · 餐饮').waitFor();
    await house.getByText('地上 4 层，地下 0 层').waitFor();
    await house.getByText(/存在一定安全隐患/).waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /张三|13812345678/);
    const other = house.getByTestId('house-open-case');
    await other.getByRole('link', { name: balcony.number }).waitFor();
    await other.getByText('二楼阳台栏板松动').waitFor();
    await other.getByText('待分派', { exact: true }).waitFor();

    await page.getByLabel('整改责任人姓名').fill('张三');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.locator('.ra-input-measures').getByLabel('维修加固').check();
    const together = page.getByTestId('assign-together');
    await together.getByLabel(`一并分派 ${balcony.number}`).check();
    await together.getByLabel('委托有资质机构鉴定').check();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-task-assign-context');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByText('已分派 2 个案件').waitFor();
    damage = await waitForCase(town, damage.id, (c) => c.status === 'rectifying');
    balcony = await waitForCase(town, balcony.id, (c) => c.status === 'rectifying');
    const decided = (await town.get<{ measures: string[] }>(`/api/cases/${balcony.id}`)).body;
    assert.deepEqual(decided.measures, ['appraisal']);
    await context.close();
  });

  test('整改 on a phone: the measures, the party, the deadline in force and the hazard above the evidence form', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const rectify = openTask(damage, 'rectify');
    await openTaskPage(page, 'inspector', rectify.id, '整改');
    const brief = page.getByRole('region', { name: '分派决定' });
    await brief.getByTestId('rectify-measures').getByText('维修加固').waitFor();
    await brief.getByText('张* · 产权人 · 138****5678').waitFor();
    const due = new Date(rectify.dueAt as string).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    assert.equal(await brief.getByTestId('rectify-deadline').innerText(), due);
    await brief.getByText('按隐患等级的默认期限').waitFor();
    await brief.getByText('东侧承重墙斜向裂缝，长约 1.5 米').waitFor();
    await brief.getByRole('img', { name: '东墙裂缝.png' }).waitFor();
    // Above the form: the brief comes before the evidence input.
    const briefBox = await brief.boundingBox();
    const formBox = await page.getByLabel('整改情况').boundingBox();
    assert.ok(briefBox && formBox && briefBox.y < formBox.y, 'the requirements sit above the evidence form');
    assert.ok(await fitsWidth(page), 'the rectify page fits a phone');
    await assertNoMessageKeys(page);
    await screenshot(page, 'phone-task-rectify-context');
    await context.close();
  });

  test('分派 of a complaint’s case shows what was reported, its photo and place, never who reported it', async () => {
    const officer = await loggedIn(stack.baseUrl, 'officer');
    const code = await createHouse(officer, { ...AT, address: '凤城街道高基里 30 号' });
    const citizen = new ApiClient(stack.baseUrl);
    const pic = await citizen.request<{ id: string }>('POST', '/api/public/complaint-files', tinyPng(), { 'Content-Type': 'image/png' });
    const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: code,
      category: 'surroundings',
      description: '屋后山坡有泥土滑落，下雨时更严重',
      fileIds: [pic.body.id],
      name: '赵举报',
      phone: '13911112222',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    const v = await inspector.post<{ caseId: string }>(`/api/complaints/${list.body.data[0]?.id}/verify`, {
      result: 'confirmed',
      reply: '已立案整改',
      note: '现场见后坡有新鲜滑落土方',
    });
    assert.equal(v.status, 200, JSON.stringify(v.body));
    const c = await waitForCase(town, v.body.caseId, (x) => x.status === 'assigning');
    const { context, page } = await newPage(browser, DESKTOP);
    await openTaskPage(page, 'town', openTask(c, 'assign').id, '分派');
    const found = page.getByRole('region', { name: '隐患发现情况' });
    await found.getByText('群众投诉').waitFor();
    await found.getByText('屋后山坡有泥土滑落，下雨时更严重').waitFor();
    await found.getByText(`投诉编号 ${filed.body.trackingNo}`).waitFor();
    await found.getByText('现场见后坡有新鲜滑落土方').waitFor();
    await found.getByText('扫描本房屋标签投诉').waitFor();
    await found.getByText('投诉人身份保密，此处不显示。').waitFor();
    const img = found.getByRole('img').first();
    await img.waitFor();
    assert.ok(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth > 0), 'the complaint photo loads');
    assert.doesNotMatch(await page.locator('body').innerText(), /赵举报|赵\*|13911112222|139\*{4}2222/);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-task-assign-complaint');
    await context.close();
  });

  test('复核 shows before beside after on a desk, and one above the other on a phone', async () => {
    const photo = await upload(inspector, damage.id, tinyPng(), '加固后.png');
    const now = await complete(inspector, openTask(damage, 'rectify').id, { description: '已加固东墙并修补裂缝', fileIds: [photo] });
    const recheck = openTask(now, 'recheck').id;
    for (const [viewport, name] of [
      [DESKTOP, 'desktop-task-recheck-before-after'],
      [PHONE, 'phone-task-recheck-before-after'],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      await openTaskPage(page, 'town', recheck, '复核');
      const before = page.getByRole('region', { name: '整改前（发现时）' });
      const afterCard = page.getByRole('region', { name: '整改后（整改材料）' });
      await before.getByRole('img', { name: '东墙裂缝.png' }).waitFor();
      await afterCard.getByText('已加固东墙并修补裂缝').waitFor();
      await afterCard.getByRole('img', { name: '加固后.png' }).waitFor();
      const [b, a] = [await before.boundingBox(), await afterCard.boundingBox()];
      assert.ok(b && a);
      if (viewport === DESKTOP) assert.ok(Math.abs(b.y - a.y) < 2 && a.x > b.x, 'side by side on a desk');
      else assert.ok(a.y > b.y + b.height - 1, 'stacked on a phone');
      assert.ok(await fitsWidth(page));
      await assertNoMessageKeys(page);
      await screenshot(page, name);
      await context.close();
    }
  });
});
