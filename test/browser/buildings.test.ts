import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { addHouses, pickOption, waitForRows } from './houses.ts';
import type { Houses } from './houses.ts';
import { assertNoMessageKeys, download, fitsWidth, isPdf, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let houses: Houses;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  houses = await addHouses(stack.db);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the building list', () => {
  test('filters by text, region subtree, judgement, use and minimum floors', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.getByRole('menuitem', { name: '房屋档案' }).click();
    assert.equal((await waitForRows(page, 4)).length, 4);
    await assertNoMessageKeys(page);
    assert.ok(await fitsWidth(page), 'the registry fits a 1366 px screen (the table scrolls inside its card)');
    await screenshot(page, 'desktop-buildings-list');

    await page.getByPlaceholder('编码、地址或产权人').fill('二巷');
    assert.deepEqual(await waitForRows(page, 1), ['凤城街道高基里二巷 8 号']);
    await page.getByPlaceholder('编码、地址或产权人').fill('');
    await waitForRows(page, 4);

    // A town's subtree holds the houses of all its villages.
    await page.getByLabel('区域').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    assert.deepEqual(
      (await waitForRows(page, 3)).sort(),
      ['凤城街道高基里一巷 3 号', '凤城街道高基里二巷 8 号', '鹤堂社区东街 12 号'].sort(),
    );

    await pickOption(page, '最新排查结论', '存在严重安全隐患');
    assert.deepEqual(await waitForRows(page, 1), ['凤城街道高基里二巷 8 号']);
    // Used for business while seriously dangerous and not appraised: flagged in the list.
    await page.getByRole('row').filter({ hasText: '二巷' }).getByText('不得经营').waitFor();
    await screenshot(page, 'desktop-buildings-filtered');

    // The list remembers its filters; an explicit empty filter starts afresh.
    const unfiltered = `${stack.baseUrl}/buildings?filter=${encodeURIComponent('{}')}`;
    await page.goto(unfiltered);
    await waitForRows(page, 4);
    await pickOption(page, '房屋用途', '出租');
    assert.deepEqual(await waitForRows(page, 1), ['鹤堂社区东街 12 号']);

    // Minimum floors lives behind the "add filter" button.
    await page.goto(unfiltered);
    await waitForRows(page, 4);
    await page.getByRole('button', { name: '添加筛选' }).click();
    await page.getByRole('menuitemcheckbox', { name: '最低层数' }).click();
    await page.getByLabel('最低层数').fill('4');
    assert.deepEqual((await waitForRows(page, 2)).sort(), ['东城街道白庙路 6 号', '凤城街道高基里二巷 8 号'].sort());
    assert.match(decodeURIComponent(page.url()), /"minFloors":4/);
    await context.close();
  });

  test('a town officer sees only the houses of their town; on a phone the list is compact', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings`);
    await page.getByText('凤城街道高基里二巷 8 号').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByText('东城街道白庙路 6 号').count(), 0);
    assert.ok(await fitsWidth(page), 'the phone list fits the screen');
    await screenshot(page, 'phone-buildings-list');
    await page.getByText('凤城街道高基里二巷 8 号').click();
    await page.getByRole('heading', { name: '基本情况' }).waitFor();
    assert.ok(await fitsWidth(page), 'the phone house file fits the screen');
    await screenshot(page, 'phone-building-house-file');
    await context.close();
  });
});

describe('the house file', () => {
  test('shows the five groups, the QR code, the business-use warning, the owner on request, and the history', async () => {
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const current = await admin.get<{ version: number }>(`/api/buildings/${houses.shop}`);
    const patched = await admin.patch(`/api/buildings/${houses.shop}`, { floorsAbove: 6, version: current.body.version });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.goto(`${stack.baseUrl}/buildings`);
    await page.getByRole('row').filter({ hasText: '二巷 8 号' }).click();
    await page.waitForURL(new RegExp(`/buildings/${houses.shop}/show$`));
    for (const group of [
      '基本情况',
      '建设情况',
      '管理情况',
      '排查情况',
      '整治情况',
      '房屋二维码',
      '变更记录',
      '排查记录',
      '投诉举报',
      '隐患案件',
    ]) {
      await page.getByRole('heading', { name: group, exact: true }).waitFor();
    }
    await page.getByRole('alert').filter({ hasText: '不得用于经营' }).waitFor();
    const qr = page.getByRole('img', { name: `房屋 ${houses.shop} 的二维码` });
    await qr.waitFor();
    await page.waitForFunction((code) => {
      const img = document.querySelector<HTMLImageElement>(`img[alt="房屋 ${code} 的二维码"]`);
      return img !== null && img.complete && img.naturalWidth > 0;
    }, houses.shop);

    // Owner details arrive masked; the full view is an explicit, audited request.
    const basic = page.locator('section[aria-labelledby="group-basic"]');
    await basic.getByText('张**').waitFor();
    assert.equal(await basic.getByText('13812345678').count(), 0);
    await basic.getByText('查看完整信息将记入审计日志').waitFor();
    await basic.getByRole('button', { name: '查看完整信息' }).click();
    await basic.getByText('13812345678').waitFor();
    await basic.getByText('张三丰').waitFor();
    await basic.getByText('本次查看已记录').waitFor();

    // The change history names the field in Chinese, before → after.
    const history = page.locator('section[aria-labelledby="group-history"]');
    await history.getByText('地上层数：').waitFor();
    assert.match(await history.innerText(), /地上层数：\s*5\s*→?\s*6/);
    assert.match(await history.innerText(), /林管理/);
    // No inspections, complaints or cases yet: each section says so in its own words.
    await page.getByText('暂无排查记录', { exact: true }).waitFor();
    await page.getByText('暂无投诉举报', { exact: true }).waitFor();
    await page.getByText('暂无隐患案件', { exact: true }).waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-building-house-file');

    const audit = await admin.get<{ data: { action: string; subjectId: string }[] }>('/api/audit-log?action=building.personal_viewed');
    assert.ok(
      audit.body.data.some((e) => e.subjectId === houses.shop),
      'the full view was audited',
    );
    await context.close();
  });

  test('打印标签 downloads the house’s label sheet, and a selection’s labels come as one PDF', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/buildings/${houses.home}/show`);
    await page.getByRole('heading', { name: '基本情况' }).waitFor();
    // An inspector prints but does not edit.
    assert.equal(await page.getByRole('link', { name: '编辑' }).count(), 0);
    const label = await download(page, page.getByRole('button', { name: '打印标签' }).first());
    assert.ok(isPdf(label.bytes), `label is a PDF (${label.name})`);
    assert.match(label.name, /\.pdf$/);

    await page.goto(`${stack.baseUrl}/buildings`);
    await waitForRows(page, 2);
    await page.getByRole('checkbox', { name: '全选' }).first().check();
    await page.getByText('已选择 2 项').waitFor();
    const labels = await download(page, page.getByRole('button', { name: '打印标签' }));
    assert.ok(isPdf(labels.bytes), 'selection labels are a PDF');
    await context.close();
  });
});

describe('in English', () => {
  test('the list, the house file and the import page speak English, enums included', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'House files' }).click();
    await page.getByRole('columnheader', { name: 'Building code' }).waitFor();
    await page.getByText('Reinforced concrete').first().waitFor();
    await assertNoMessageKeys(page);
    await page.goto(`${stack.baseUrl}/buildings/${houses.shop}/show`);
    await page.getByRole('heading', { name: 'Basic facts' }).waitFor();
    await page.getByText('Serious hidden danger').first().waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-building-house-file-english');
    await page.goto(`${stack.baseUrl}/building-imports/create`);
    await page.getByRole('button', { name: 'Upload and import' }).waitFor();
    await assertNoMessageKeys(page);
    await context.close();
  });
});

describe('house file forms', () => {
  test('a new house: Chinese validation messages, then saved with a code from its village', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings/create`);
    await page.getByLabel('房屋地址').fill('高');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.ra-input-address').getByText('至少 2 个字符').waitFor();
    await page.locator('.ra-input-floorsAbove').getByText('必填').waitFor();
    await page.locator('.ra-input-villageCode').getByText('必填').waitFor();

    await page.getByRole('combobox', { name: '所属村（社区）' }).fill('高基里');
    await page.getByRole('option', { name: /^高基里社区居委会/ }).click();
    await page.getByLabel('房屋地址').fill('高基里三巷 1 号');
    await page.getByLabel('地上层数').fill('2');
    await pickOption(page, '结构类型', '砖木结构');
    await pickOption(page, '房屋用途', '经营');
    await page.getByLabel('建成年份').fill('2099');
    await page.getByRole('button', { name: '保存' }).click();
    // The domain's own rules, in the same words the API and the importer use.
    await page.locator('.ra-input-businessCategory').getByText('经营用房须填写经营类别').waitFor();
    await page
      .locator('.ra-input-yearBuilt')
      .getByText(/建成年份不能晚于/)
      .waitFor();
    await screenshot(page, 'desktop-building-create-invalid');

    await pickOption(page, '经营类别', '餐饮');
    await page.getByLabel('建成年份').fill('2001');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('房屋档案已创建').waitFor();
    await page.waitForURL(/\/buildings\/441802006001\d{5}[\dX]\/show$/);
    await page.getByRole('heading', { name: '高基里三巷 1 号', level: 1 }).waitFor();
    await context.close();
  });

  test('an edit saves only what changed, and a stale edit is refused with advice to reload', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings/${houses.rental}/edit`);
    await page.getByLabel('常住人数').fill('6');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('房屋档案已保存').waitFor();
    await page.waitForURL(/\/show$/);
    await page.locator('section[aria-labelledby="group-history"]').getByText('常住人数：').waitFor();
    const file = await (
      await loggedIn(stack.baseUrl, 'town')
    ).get<{ changes: { changes: Record<string, unknown> }[] }>(`/api/buildings/by-code/${houses.rental}`);
    assert.deepEqual(Object.keys(file.body.changes[0]?.changes ?? {}), ['occupants'], 'only the changed field was sent');

    await page.goto(`${stack.baseUrl}/buildings/${houses.rental}/edit`);
    await page.getByLabel('常住人数').fill('7');
    // Someone else saves first.
    const other = await loggedIn(stack.baseUrl, 'officer');
    const now = await other.get<{ version: number }>(`/api/buildings/${houses.rental}`);
    assert.equal((await other.patch(`/api/buildings/${houses.rental}`, { occupants: 9, version: now.body.version })).status, 200);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '该房屋已被他人修改' }).first().waitFor();
    await screenshot(page, 'desktop-building-edit-stale');
    // The notice's button (the top bar's refresh icon has the same name).
    await page.getByRole('button', { name: '刷新' }).filter({ hasText: '刷新' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="occupants"]')?.value === '9');
    await context.close();
  });
});

describe('import', () => {
  test('a file with bad rows: progress, counts, the problems by line and column, and the error report', async () => {
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const template = await admin.get<string>('/api/building-imports/template.csv');
    assert.equal(template.status, 200);
    const headers =
      template.body
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]
        ?.split(',') ?? [];
    assert.ok(headers.includes('地址'), `template headers: ${headers.join(',')}`);
    const row = (values: Record<string, string>) => headers.map((h) => values[h] ?? '').join(',');
    const csv = [
      headers.join(','),
      row({ '村（社区）代码': '441802006002', 地址: '鹤堂社区西街 1 号', 地上层数: '2', 结构类型: '砖混结构', 房屋用途: '自住' }),
      row({ '村（社区）代码': '441802006002', 地址: '鹤堂社区西街 2 号', 地上层数: '很多', 结构类型: '砖混结构', 房屋用途: '自住' }),
      row({ '村（社区）代码': '441802006002', 地址: '鹤堂社区西街 3 号', 地上层数: '3', 结构类型: '砖混结构', 房屋用途: '出租' }),
      row({ '村（社区）代码': '441802006002', 地址: '鹤堂社区西街 4 号', 地上层数: '3', 结构类型: '茅草屋', 房屋用途: '自住' }),
    ].join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'ydym-import-'));
    const file = join(dir, '鹤堂房屋.csv');
    writeFileSync(file, `\uFEFF${csv}\r\n`);

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.getByRole('menuitem', { name: '批量导入' }).click();
    await page.getByText('请先下载模板').waitFor();
    const csvTemplate = await download(page, page.getByRole('button', { name: 'CSV 模板' }));
    assert.match(csvTemplate.bytes.toString('utf8'), /地址/);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('鹤堂房屋.csv').waitFor();
    assert.ok(await page.getByRole('button', { name: '上传并导入' }).isEnabled());
    // Let the button's colour finish changing from disabled to enabled before the picture.
    await page.waitForTimeout(400);
    await screenshot(page, 'desktop-import-upload');
    await page.getByRole('button', { name: '上传并导入' }).click();

    await page.waitForURL(/\/building-imports\/[0-9a-f-]{36}\/show$/);
    await page.getByText('已完成', { exact: true }).waitFor({ timeout: 60_000 });
    const count = (name: string) => page.locator(`[data-count="${name}"] dd`).innerText();
    assert.equal(await count('inserted'), '2');
    assert.equal(await count('failedRows'), '2');
    const problems = page.locator('table[aria-labelledby="import-problems"]');
    await problems.waitFor();
    for (const heading of ['行号', '列', '值', '原因']) await problems.getByRole('columnheader', { name: heading }).waitFor();
    const text = await problems.innerText();
    assert.match(text, /地上层数\s+很多/);
    assert.match(text, /结构类型\s+茅草屋/);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-import-report');

    const report = await download(page, page.getByRole('button', { name: '下载错误报告（CSV）' }));
    assert.match(report.bytes.toString('utf8'), /很多/);

    await page.goto(`${stack.baseUrl}/building-imports`);
    await page.getByRole('row').filter({ hasText: '鹤堂房屋.csv' }).getByText('已完成').waitFor();
    await screenshot(page, 'desktop-imports-list');
    await context.close();
  });
});

describe('label batches', () => {
  test('a batch for a village shows its progress and gives its PDF when done', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.getByRole('menuitem', { name: '标签打印' }).click();
    await page.getByRole('link', { name: '生成标签' }).click();
    // In the form only: the list's 区域 column (its sort label) can still be on the page.
    await page.waitForURL(/\/label-batches\/create$/);
    const form = page.locator('form');
    await form.getByLabel('区域').fill('高基里');
    await page.getByRole('option', { name: /^高基里社区居委会/ }).click();
    await form.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/label-batches$/);
    const row = page.getByRole('row').filter({ hasText: '高基里社区居委会' });
    await row.getByText('已完成').waitFor({ timeout: 60_000 });
    await screenshot(page, 'desktop-label-batches');
    const pdf = await download(page, row.getByRole('button', { name: '下载 PDF' }));
    assert.ok(isPdf(pdf.bytes), 'the batch file is a PDF');
    await context.close();
  });
});
