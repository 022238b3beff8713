/** Steps the admin UI tests share: signing in and out, reading the menu, spotting untranslated text. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../domain/demo-accounts.ts';
import { DESKTOP } from '../support/browser.ts';

export { DEMO_PASSWORD };

/** The side-menu entries as the UI labels them in Chinese, in the menu's order. */
export const MENU = {
  inbox: '我的待办',
  home: '首页',
  cockpit: '数据驾驶舱',
  pivot: '统计分析',
  map: '一张图',
  cases: '隐患案件',
  buildings: '房屋档案',
  inspections: '排查记录',
  complaints: '投诉举报',
  campaigns: '专项排查',
  imports: '批量导入',
  labels: '标签打印',
  reports: '数据上报',
  regions: '行政区划',
  users: '用户管理',
  definitions: '流程定义',
  auditLog: '审计日志',
} as const;

export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  return { context, page };
}

/** Fills the sign-in form and presses the button (the outcome is for the caller to check). */
export async function submitLogin(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Signs in and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, baseUrl, username, password);
  await page.getByText('您好').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '个人中心' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** Which of the given menu labels the side menu shows. */
export async function visibleMenu(page: Page, labels: readonly string[]): Promise<string[]> {
  const shown: string[] = [];
  for (const label of labels) {
    if (await page.getByRole('menuitem', { name: label, exact: true }).isVisible()) shown.push(label);
  }
  return shown;
}

/** Fails when the page shows a message key (e.g. `ra.action.save`) instead of its translation. */
export async function assertNoMessageKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  const keys = text.match(/\b(?:(?:ra|resources)\.[\w-]+\.[\w.-]+|app\.[\w.-]+)/g) ?? [];
  assert.deepEqual(keys, [], `untranslated keys on ${page.url()}`);
}

/** True when nothing sticks out sideways (a phone user should never scroll horizontally). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

/** Clicks something that downloads a file and returns the file's name and bytes. */
export async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** True when the bytes are a PDF document. */
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/** The total of the list on screen: react-admin's pager ("第 1-4 条，共 4 条"), or 0 when the list is empty. */
export async function listTotal(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  // The list's own words (its pagination, or react-admin's empty list), not any 暂无 on the page it came
  // from: a cockpit card saying 暂无… while the list was still loading read as an empty list.
  await page.waitForFunction(
    () => /第 \d+-\d+ 条，共 \d+ 条|没有找到/.test(document.body.innerText) || document.querySelector('.RaEmpty-message') !== null,
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('networkidle');
  const match = /第 \d+-\d+ 条，共 (\d+) 条/.exec(await page.locator('body').innerText());
  return match ? Number(match[1]) : 0;
}
