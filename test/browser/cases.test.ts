import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { tinyPng } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { addHouses, pickOption } from './houses.ts';
import type { Houses } from './houses.ts';
import { assertNoMessageKeys, download, fitsWidth, isPdf, newPage, signIn } from './ui.ts';

// CASE_DAY_SECONDS keeps its default (one real day): no deadline passes while the test runs.
let stack: Stack;
let browser: Browser;
let houses: Houses;
/** The case the path below drives, once registered. */
let caseUrl = '';

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  houses = await addHouses(stack.db);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: tinyPng() });

/** Opens the inbox tab and waits until the task of `step` shows (its row is written just after the step before ends). */
async function openTaskFromInbox(page: Page, view: string, step: string, phone: boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto(`${stack.baseUrl}/inbox?view=${view}`);
    await page.getByRole('tab', { name: /待认领/ }).waitFor();
    const item = phone ? page.locator('[data-task]').filter({ hasText: step }) : page.getByRole('row').filter({ hasText: step });
    try {
      await item.first().getByRole('link', { name: '办理' }).click({ timeout: 3000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
  await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: step, level: 2 }).waitFor();
}

/** The marker classes bpmn-js gave one diagram element. */
async function markerOf(page: Page, elementId: string): Promise<string[]> {
  const element = page.locator(`.djs-element[data-element-id="${elementId}"]`).first();
  await element.waitFor();
  return ((await element.getAttribute('class')) ?? '').split(/\s+/).filter((c) => c.startsWith('ydym-'));
}

async function rectifyOnPhone(page: Page, description: string, shot: string): Promise<void> {
  await openTaskFromInbox(page, 'claimable', '整改', true);
  await page.getByLabel('整改情况').fill(description);
  // The camera input of a phone (capture="environment"): the file uploads at once and shows its thumbnail.
  await page.getByTestId('fileIds-camera').setInputFiles(photo('整改照片.png'));
  await page.locator('[data-upload-status="done"]').waitFor();
  assert.ok(await fitsWidth(page), 'the rectify form fits a phone');
  await assertNoMessageKeys(page);
  await screenshot(page, shot);
  await page.getByRole('button', { name: '提交' }).click();
  await page.waitForURL(/\/inbox$/);
  await page.getByText('已提交', { exact: true }).waitFor();
}

describe('a hazard case through the inbox, from registration to 销号', () => {
  test('a town officer registers a hazard from the house file; the case page shows it waiting for assignment', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await page.goto(`${stack.baseUrl}/buildings/${houses.home}/show`);
    await page.getByRole('link', { name: '登记隐患' }).click();
    await page.waitForURL(/\/cases\/create\?buildingCode=/);
    // The code comes prefilled, and the house it names is shown to catch a typo.
    assert.equal(await page.getByLabel('房屋编码').inputValue(), houses.home);
    await page.getByTestId('building-preview').getByText('凤城街道高基里一巷 3 号').waitFor();
    await pickOption(page, '隐患类型', '承重结构损伤');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.ra-input-severity').getByText('必填').waitFor();
    await page.locator('.ra-input-description').getByText('必填').waitFor();
    await page.getByText('存在一定安全隐患：个别构件损坏。').waitFor();
    await page.getByLabel(/^一定隐患/).check();
    await page.getByLabel('隐患描述').fill('二层楼板出现贯通裂缝，宽约 2 毫米');
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-case-create');
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/show$/);
    caseUrl = page.url();
    await page.getByText(/隐患已登记，案件编号 YH\d+/).waitFor();
    await page.getByRole('heading', { name: '凤城街道高基里一巷 3 号', level: 1 }).waitFor();
    await page.getByText('待分派', { exact: true }).first().waitFor();
    await page.locator('[data-task-step="assign"]').getByRole('link', { name: '办理' }).waitFor();
    assert.deepEqual(await markerOf(page, 'Task_assign'), ['ydym-active']);
    assert.deepEqual(await markerOf(page, 'StartEvent_registered'), ['ydym-done']);
    await page.getByText('校验通过（共 1 条）').waitFor();
    // A town officer may escalate, not cancel; the dossier is for auditors and district officers.
    await page.getByRole('button', { name: '督办' }).waitFor();
    assert.equal(await page.getByRole('button', { name: '撤销' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: '导出案卷' }).count(), 0);
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-case-registered');
    await context.close();
  });

  test('the town officer assigns it from the inbox; the form shows problems on its fields', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    // The inbox is the first menu entry of a town officer.
    await page.getByRole('menuitem').first().filter({ hasText: '我的待办' }).click();
    await page.getByRole('tab', { name: /待认领\s*1/ }).click();
    // The picture is of the list, once the task is in it.
    await page.getByRole('row').filter({ hasText: '分派' }).first().waitFor();
    await screenshot(page, 'desktop-inbox-claimable');
    await openTaskFromInbox(page, 'claimable', '分派', false);
    await page.getByLabel('整改责任人姓名').fill('李四');
    await page.getByLabel('联系电话').fill('139000022');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('请填写 11 位手机号或带区号的固定电话').waitFor();
    await page.locator('.ra-input-measures').getByText('必填').waitFor();
    await screenshot(page, 'desktop-task-assign-invalid');
    await page.getByLabel('联系电话').fill('13900002222');
    await page.getByLabel('维修加固').check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByText('已提交', { exact: true }).waitFor();
    await context.close();
  });

  test('on a phone all the inbox tabs show with their counts whole, even at 999+', async () => {
    for (const [username, counts] of [
      ['town', { mine: 12, claimable: 1500, done: 340, overdue: 27 }],
      ['inspector', { mine: 3, claimable: 45, done: 120, overdue: 2 }],
    ] as const) {
      const { context, page } = await newPage(browser, PHONE);
      await page.route('**/api/tasks/counts', (route) => route.fulfill({ json: counts }));
      await signIn(page, stack.baseUrl, username);
      await page.goto(`${stack.baseUrl}/inbox`);
      await page.getByRole('tab', { name: /超期/ }).getByText(String(counts.overdue)).waitFor();
      await screenshot(page, `phone-inbox-tabs-${username}`);
      const tabs = await page.getByRole('tab').evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          const count = el.querySelector('[data-tab-count]')?.getBoundingClientRect();
          return { name: el.textContent, left: box.left, right: box.right, countRight: count?.right ?? box.left };
        }),
      );
      for (const tab of tabs) {
        assert.ok(tab.right <= PHONE.width, `${username}: tab ${tab.name} ends at ${tab.right}, past the phone's ${PHONE.width} px`);
        assert.ok(tab.countRight <= tab.right, `${username}: the count of ${tab.name} is cut off at the tab's edge`);
      }
      assert.equal(tabs.find((t) => t.name?.startsWith('待认领'))?.name, `待认领${counts.claimable > 999 ? '999+' : counts.claimable}`);
      await context.close();
    }
  });

  test('an inspector on a phone submits the rectification with a photo taken on site', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await page.goto(`${stack.baseUrl}/inbox?view=claimable`);
    await page.locator('[data-task]').filter({ hasText: '整改' }).waitFor();
    assert.ok(await fitsWidth(page), 'the inbox cards fit a phone');
    await screenshot(page, 'phone-inbox');
    await openTaskFromInbox(page, 'claimable', '整改', true);
    // A file the API would refuse is stopped at once, and can be removed.
    await page.getByTestId('fileIds-picker').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await page.locator('[data-upload-status="failed"]').getByText('文件类型不支持').waitFor();
    await page.getByRole('button', { name: '移除 说明.txt' }).click();
    assert.equal(await page.locator('[data-upload-status]').count(), 0);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('请至少上传 1 张照片').waitFor();
    await context.close();

    const again = await newPage(browser, PHONE);
    await signIn(again.page, stack.baseUrl, 'inspector');
    await rectifyOnPhone(again.page, '已对二层楼板裂缝进行灌浆修补', 'phone-task-rectify');
    // Whoever submitted the evidence never rechecks it (four eyes).
    await again.page.goto(`${stack.baseUrl}/inbox?view=claimable`);
    await again.page.getByText('暂无可认领的任务。').waitFor();
    await again.context.close();
  });

  test('the town officer fails the recheck with a reason, judging the evidence on the task page', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await openTaskFromInbox(page, 'claimable', '复核', false);
    const evidence = page.locator('section[aria-labelledby="latest-evidence"]');
    await evidence.getByText('已对二层楼板裂缝进行灌浆修补').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('section[aria-labelledby="latest-evidence"] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    await page.getByLabel('不通过').check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('.ra-input-reasons').getByText('必填').waitFor();
    await page.getByLabel('不通过原因').fill('钢梁与楼板连接处未做防锈处理');
    await screenshot(page, 'desktop-task-recheck-fail');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/inbox$/);
    await context.close();
  });

  test('the rectification comes back to the inspector; when someone else is faster, the page says so and refreshes', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    await openTaskFromInbox(page, 'claimable', '整改', true);
    await page.getByLabel('整改情况').fill('已补做防锈处理');
    await page.getByTestId('fileIds-camera').setInputFiles(photo('防锈处理.png'));
    await page.locator('[data-upload-status="done"]').waitFor();

    // Meanwhile the other inspector of the community claims the same task.
    const taskId = page.url().split('/').at(-1) ?? '';
    const other = await loggedIn(stack.baseUrl, 'inspector2');
    assert.equal((await other.post(`/api/tasks/${taskId}/claim`)).status, 200);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText(/该任务已被他人认领.*页面已刷新/).waitFor();
    await page.getByText('王网格 正在办理该任务。').waitFor();
    await screenshot(page, 'phone-task-conflict');
    assert.equal((await other.post(`/api/tasks/${taskId}/release`)).status, 200);
    await context.close();

    const again = await newPage(browser, PHONE);
    await signIn(again.page, stack.baseUrl, 'inspector');
    await rectifyOnPhone(again.page, '已补做防锈处理并重新涂装', 'phone-task-rectify-again');
    await again.context.close();
  });

  test('the town officer passes the recheck and closes the case, which then shows 已销号', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');
    await openTaskFromInbox(page, 'claimable', '复核', false);
    await page.getByLabel('通过', { exact: true }).check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/inbox$/);

    await openTaskFromInbox(page, 'claimable', '销号', false);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('警示牌摘除后请勾选').waitFor();
    await page.getByLabel('已摘除警示牌').check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/inbox$/);
    await page.getByRole('tab', { name: /已办/ }).click();
    await page.getByRole('row').filter({ hasText: '销号' }).waitFor();
    await screenshot(page, 'desktop-inbox-done');

    await page.goto(caseUrl);
    await page.getByText('已销号，警示牌已摘除。').waitFor();
    await page.getByText('复核不通过 1 次').waitFor();
    assert.deepEqual(await markerOf(page, 'Task_close'), ['ydym-done']);
    assert.deepEqual(await markerOf(page, 'EndEvent_closed'), ['ydym-done']);
    assert.deepEqual(await markerOf(page, 'Task_control'), [], 'a general hazard skips control');
    assert.equal(await page.locator('.ydym-active').count(), 0);
    // Rectify and recheck were each entered twice.
    await page.locator('.djs-overlays[data-container-id="Task_rectify"] .ydym-badge').getByText('2', { exact: true }).waitFor();
    assert.equal(await page.locator('[data-task-step]').count(), 0, 'no open task');
    await page.getByText(/校验通过（共 \d+ 条）/).waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-case-closed');
    await context.close();
  });

  test('the auditor finds the closed case, reads its trail with 校验通过, and exports the dossier', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'auditor');
    // Auditors work no steps: no inbox.
    assert.equal(await page.getByRole('menuitem', { name: '我的待办' }).count(), 0);
    await page.getByRole('menuitem', { name: '隐患案件' }).click();
    await pickOption(page, '状态', '已销号');
    const row = page.getByRole('row').filter({ hasText: '凤城街道高基里一巷 3 号' });
    await row.getByText('已销号').waitFor();
    // The filter reaches the address after a pause; a click before that would be undone by it.
    await page.waitForURL(/filter=.*closed/);
    await page.waitForLoadState('networkidle');
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-cases-list');
    await row.click();
    await page.waitForURL(caseUrl);
    await page.getByRole('heading', { name: '凤城街道高基里一巷 3 号', level: 1 }).waitFor();

    const timeline = page.locator('section[aria-labelledby="case-timeline"]');
    const verdict = await timeline.getByText(/校验通过（共 \d+ 条）/).innerText();
    assert.equal(await timeline.locator('li[data-seq]').count(), Number(/\d+/.exec(verdict)?.[0]), 'every entry is shown');
    const text = await timeline.innerText();
    for (const line of [
      '隐患登记',
      '分派：已分派',
      '认领「整改」任务',
      '退回「整改」任务',
      '复核：复核不通过（钢梁与楼板连接处未做防锈处理）',
      '复核：复核通过',
      '销号：已销号',
    ]) {
      assert.ok(text.includes(line), `the trail mentions ${line}`);
    }
    assert.match(text, /李排查（村（社区）排查员）/);
    // What each step recorded: the assignment (the owner masked) and both rectification accounts.
    const details = (await timeline.locator('[data-event-details]').allInnerTexts()).join('\n').replace(/\s+/g, ' ');
    for (const line of [
      '整改责任人 李* · 产权人 · 139****2222',
      '整治措施 维修加固',
      '整改情况 已对二层楼板裂缝进行灌浆修补',
      '整改情况 已补做防锈处理并重新涂装',
    ]) {
      assert.ok(details.includes(line), `the trail shows ${line}: ${details}`);
    }
    assert.doesNotMatch(text, /13900002222|李四/);
    assert.equal(await timeline.locator('img').count(), 2, 'one photo per rectification');
    const dossier = await download(page, page.getByRole('button', { name: '导出案卷' }));
    assert.ok(isPdf(dossier.bytes), `the dossier is a PDF (${dossier.name})`);
    await screenshot(page, 'desktop-case-audit');

    // The audit trail lists the case's actions beside the audit log, and leads back to the case.
    await page.goto(`${stack.baseUrl}/audit-log?filter=${encodeURIComponent(JSON.stringify({ source: 'case' }))}`);
    const claimed = page.getByRole('row').filter({ hasText: '认领任务' }).first();
    await claimed.getByText('案件记录').waitFor();
    await page.waitForLoadState('networkidle');
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-audit-log-case-trail');
    await claimed.getByRole('link', { name: /^案件 · / }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/show/);
    await context.close();

    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, stack.baseUrl, 'auditor');
    await phone.page.goto(caseUrl);
    await phone.page.getByText(/校验通过（共 \d+ 条）/).waitFor();
    // The diagram is drawn on a phone too (its close task is on the page).
    await phone.page.locator('.djs-element[data-element-id="Task_close"]').first().waitFor();
    assert.ok(await fitsWidth(phone.page), 'the case page fits a phone');
    await screenshot(phone.page, 'phone-case-audit');
    await phone.context.close();
  });
});

describe('in English', () => {
  test('the case page, the inbox and the case form speak English, enums included', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByText(/Verified \(\d+ entries\)/).waitFor();
    await page.getByText('Load-bearing structure damage').first().waitFor();
    await page.getByText('Some hazard').first().waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-case-english');
    await page.goto(`${stack.baseUrl}/inbox?view=done`);
    await page.getByRole('tab', { name: /To claim/ }).waitFor();
    await assertNoMessageKeys(page);
    await page.goto(`${stack.baseUrl}/cases/create`);
    await page.getByText('Serious hidden danger: unstable foundation', { exact: false }).waitFor();
    await assertNoMessageKeys(page);
    await context.close();
  });
});

describe('the process definition', () => {
  test('shows on each element how many cases are there now and passed it, per town', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('menuitem', { name: '流程定义' }).click();
    await page.waitForURL(/\/definitions\/hazard$/);
    await page.getByText('共 1 个案件').waitFor();
    await page.locator('.djs-overlays[data-container-id="Task_close"]').getByText('当前 0 / 经过 1').waitFor();
    assert.deepEqual(await markerOf(page, 'Task_rectify'), ['ydym-done']);
    await page.getByRole('columnheader', { name: '办理角色' }).waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-definition');

    await pickOption(page, '区域', '东城街道');
    await page.getByText('共 0 个案件').waitFor();
    assert.equal(await page.locator('.ydym-badge').count(), 0);
    await context.close();
  });
});
