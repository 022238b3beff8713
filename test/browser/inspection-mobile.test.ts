import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { tinyPng } from '../support/cases.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fitsWidth, newPage, signIn, submitLogin } from './ui.ts';

const HOUSE_POSITION = { latitude: 23.7005, longitude: 113.0312 };
/** About 15 m from the house: the inspector is on site. */
const PHONE_POSITION = { latitude: 23.7006, longitude: 113.0313, accuracy: 12 };

interface ListedInspection {
  id: string;
  judgement: string;
  presence: string;
  hazards: { category: string; description: string; caseNumber: string; joined: boolean }[];
  files: { id: string }[];
}

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

async function newHouse(address: string): Promise<string> {
  return new DatabaseBuildingStore(stack.db).create(
    { villageCode: '441802006001', address, floorsAbove: 3, structureType: 'brick_concrete', use: 'rental', ...HOUSE_POSITION },
    stack.db,
  );
}

/** A phone that lets the page know where it is. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
    geolocation: PHONE_POSITION,
  });
  return { context, page: await context.newPage() };
}

/** The inspections of a house as the API lists them, read with the phone's own session. */
async function inspectionsOf(context: BrowserContext, code: string): Promise<{ data: ListedInspection[]; total: number }> {
  const response = await context.request.get(`${stack.baseUrl}/api/inspections?buildingCode=${code}`);
  assert.equal(response.status(), 200, await response.text());
  return (await response.json()) as { data: ListedInspection[]; total: number };
}

/** One inspection with its photos (the list leaves them out). */
async function inspection(context: BrowserContext, id: string): Promise<ListedInspection> {
  const response = await context.request.get(`${stack.baseUrl}/api/inspections/${id}`);
  assert.equal(response.status(), 200, await response.text());
  return (await response.json()) as ListedInspection;
}

async function openFromScanPage(page: Page, code: string): Promise<void> {
  await page.goto(`${stack.baseUrl}/m/b/${code}`);
  await page.getByRole('link', { name: '开始排查' }).click();
  await page.getByRole('radio', { name: '存在一定安全隐患' }).waitFor();
  await page.getByText(`已定位（±${PHONE_POSITION.accuracy} 米）`).waitFor();
}

async function attachPhoto(page: Page, name: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: tinyPng() });
  await page.getByText('已添加 1 张，最多 20 张').waitFor();
}

describe('the daily inspection on the phone', () => {
  test('an inspector scans a house, finds a hazard, attaches a photo and sees the case it opened', async () => {
    const code = await newHouse('凤城街道高基里四巷 2 号');
    const { context, page } = await phone();
    await signIn(page, stack.baseUrl, 'inspector');
    await openFromScanPage(page, code);
    assert.equal(new URL(page.url()).pathname, `/m/b/${code}/inspect`);
    await page.getByRole('heading', { name: '凤城街道高基里四巷 2 号' }).waitFor();

    // The form says what is missing, next to the field, before anything is sent.
    const submit = page.getByRole('button', { name: '提交排查' });
    await submit.click();
    await page.locator('#error-judgement').getByText('请选择初步判断').waitFor();
    await page.getByRole('radio', { name: '存在一定安全隐患' }).check();
    await submit.click();
    await page.locator('#error-hazards').getByText('请至少勾选一项隐患类型').waitFor();
    await page.getByRole('checkbox', { name: '承重结构损伤' }).check();
    await submit.click();
    await page.locator('#error-hazard-structure_damage').getByText('请简要描述该隐患').waitFor();
    assert.equal(await page.locator('#error-judgement').count(), 0, 'a fixed field no longer shows its error');
    await screenshot(page, 'phone-inspect-errors');

    const description = page.getByRole('textbox', { name: '承重结构损伤：情况描述' });
    await description.fill('东侧承重墙斜向裂缝，宽约 2 毫米');
    assert.equal(await page.locator('#error-hazard-structure_damage').count(), 0, 'typing clears the error');
    await attachPhoto(page, '东墙裂缝.png');
    await page.getByRole('textbox', { name: '备注（选填）' }).fill('户主称去年暴雨后出现');
    assert.ok(await fitsWidth(page), 'no sideways scrolling on the form');
    await screenshot(page, 'phone-inspect-form');

    await submit.click();
    await page.getByRole('heading', { name: '已提交' }).waitFor();
    const result = page.locator('.insp-result');
    await result.getByText('已立案').waitFor();
    const caseNumber = await result.locator('[data-case-number]').getAttribute('data-case-number');
    assert.ok(caseNumber, 'the new case number is shown');
    assert.ok((await result.innerText()).includes(`案件编号 ${caseNumber}`));
    const caseLink = await result.getByRole('link', { name: '查看案件' }).getAttribute('href');
    assert.match(caseLink ?? '', /^\/cases\/[0-9a-f-]{36}\/show$/);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-inspect-submitted');

    // Recorded once, as filled, with the photo and the phone's position near the house.
    const listed = await inspectionsOf(context, code);
    assert.equal(listed.total, 1);
    const recorded = await inspection(context, listed.data[0]?.id ?? '');
    assert.equal(recorded.judgement, 'some');
    assert.equal(recorded.presence, 'near');
    assert.equal(recorded.files.length, 1, 'with its photo');
    assert.deepEqual(
      recorded.hazards.map((h) => [h.category, h.description, h.caseNumber, h.joined]),
      [['structure_damage', '东侧承重墙斜向裂缝，宽约 2 毫米', caseNumber, false]],
    );

    // Back on the house page, the judgement is the one just given.
    await page.getByRole('link', { name: '返回房屋页面' }).click();
    await page.locator('.scan-judgement-value').getByText('存在一定安全隐患').waitFor();
    await context.close();

    // At the town's office the new case waits in the town officer's inbox, to be assigned.
    const desk = await newPage(browser);
    await signIn(desk.page, stack.baseUrl, 'town');
    await desk.page.goto(`${stack.baseUrl}/inbox?view=claimable`);
    await desk.page
      .getByRole('row')
      .filter({ hasText: caseNumber as string })
      .filter({ hasText: '分派' })
      .waitFor();
    await screenshot(desk.page, 'desktop-inbox-case-from-inspection');
    await desk.context.close();
  });

  test('with no network the form is kept on the phone as 待发送 and sent once when the network is back', async () => {
    const code = await newHouse('凤城街道高基里四巷 6 号');
    const { context, page } = await phone();
    await signIn(page, stack.baseUrl, 'inspector');
    await openFromScanPage(page, code);
    await page.getByRole('radio', { name: '存在严重安全隐患' }).check();
    await page.getByRole('checkbox', { name: '地基基础' }).check();
    await page.getByRole('textbox', { name: '地基基础：情况描述' }).fill('西北角地基下沉，墙脚开裂');
    await attachPhoto(page, '地基.png');

    await context.setOffline(true);
    // A double tap: two clicks before the page can answer the first.
    await page.getByRole('button', { name: '提交排查' }).evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await page.getByRole('heading', { name: '已保存在手机上，待发送' }).waitFor();
    const outbox = page.locator('.outbox');
    await outbox.getByText('1 份排查待发送').waitFor();
    await outbox.getByText('凤城街道高基里四巷 6 号').waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-inspect-queued');

    // The house page (opened without network) lists it too.
    await page.getByRole('link', { name: '返回房屋页面' }).click();
    await page.locator('.outbox').getByText('1 份排查待发送').waitFor();
    await screenshot(page, 'phone-scan-outbox');

    await context.setOffline(false);
    await page.locator('.outbox').waitFor({ state: 'detached' });
    const listed = await inspectionsOf(context, code);
    assert.equal(listed.total, 1, 'sent exactly once');
    const recorded = await inspection(context, listed.data[0]?.id ?? '');
    assert.equal(recorded.judgement, 'serious');
    assert.equal(recorded.presence, 'near');
    assert.equal(recorded.files.length, 1, 'with its photo, uploaded when the network came back');

    // Opening the page again sends nothing more.
    await page.reload();
    await page.getByRole('heading', { name: '凤城街道高基里四巷 6 号' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal((await inspectionsOf(context, code)).total, 1);
    await context.close();
  });

  test('a kept form the server refuses is marked 发送失败 with its reason, not sent again, and can be deleted', async () => {
    const code = await newHouse('凤城街道高基里四巷 12 号');
    const { context, page } = await phone();
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/m/b/${code}`);
    await page.getByRole('link', { name: '开始排查' }).waitFor();
    // A form kept by an older version of the page, with a description the server finds too short.
    await page.evaluate(
      (form) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ydym-outbox', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('inspections', { keyPath: 'id' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('inspections', 'readwrite');
            tx.objectStore('inspections').put(form);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      {
        id: crypto.randomUUID(),
        buildingCode: code,
        address: '凤城街道高基里四巷 12 号',
        judgement: 'some',
        hazards: [{ category: 'other', description: '裂' }],
        notes: '',
        position: null,
        inspectedAt: new Date().toISOString(),
        photos: [],
        status: 'pending',
        reason: null,
      },
    );
    await page.reload();
    const outbox = page.locator('.outbox');
    await outbox.getByText('1 份排查发送失败').waitFor();
    await outbox.getByText('发送失败', { exact: true }).waitFor();
    // The server's reason, with the field named as the inspector knows it.
    assert.match(await outbox.locator('.outbox-reason').innerText(), /^其他：\S+/);
    await screenshot(page, 'phone-scan-outbox-failed');
    await page.reload();
    await outbox.getByText('1 份排查发送失败').waitFor();
    assert.equal((await inspectionsOf(context, code)).total, 0);

    page.once('dialog', (dialog) => void dialog.accept());
    await outbox.getByRole('button', { name: '删除' }).click();
    await outbox.waitFor({ state: 'detached' });
    await context.close();
  });

  test('someone not signed in is sent to the sign-in page and brought back to the form', async () => {
    const code = await newHouse('凤城街道高基里四巷 9 号');
    const { context, page } = await phone();
    await page.goto(`${stack.baseUrl}/m/b/${code}`);
    await page.getByRole('heading', { name: '凤城街道高基里四巷 9 号' }).waitFor();
    assert.equal(await page.getByRole('link', { name: '开始排查' }).count(), 0, 'no inspection for a passer-by');

    await page.goto(`${stack.baseUrl}/m/b/${code}/inspect`);
    await page.waitForURL(/\/login$/);
    await submitLogin(page, stack.baseUrl, 'inspector', 'Ydym@2026');
    await page.waitForURL(`**/m/b/${code}/inspect`);
    await page.getByRole('radio', { name: '未发现安全隐患' }).check();
    await page.getByText('未发现安全隐患，无需勾选隐患类型。').waitFor();
    await page.getByRole('button', { name: '提交排查' }).click();
    await page.getByRole('heading', { name: '已提交' }).waitFor();
    await page.getByText('未发现安全隐患，未立案。').waitFor();
    await context.close();
  });
});
