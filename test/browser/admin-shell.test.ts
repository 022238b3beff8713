import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { MENU, assertNoMessageKeys, fitsWidth, newPage, signIn, visibleMenu } from './ui.ts';

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

const ALL = Object.values(MENU);

describe('the admin shell', () => {
  const expected: Record<string, string[]> = {
    admin: [
      MENU.home,
      MENU.cockpit,
      MENU.pivot,
      MENU.map,
      MENU.cases,
      MENU.buildings,
      MENU.inspections,
      MENU.complaints,
      MENU.campaigns,
      MENU.imports,
      MENU.labels,
      MENU.reports,
      MENU.regions,
      MENU.users,
      MENU.definitions,
      MENU.auditLog,
    ],
    officer: [
      MENU.inbox,
      MENU.home,
      MENU.cockpit,
      MENU.pivot,
      MENU.map,
      MENU.cases,
      MENU.buildings,
      MENU.inspections,
      MENU.complaints,
      MENU.campaigns,
      MENU.imports,
      MENU.labels,
      MENU.reports,
      MENU.regions,
      MENU.definitions,
    ],
    town: [
      MENU.inbox,
      MENU.home,
      MENU.cockpit,
      MENU.pivot,
      MENU.map,
      MENU.cases,
      MENU.buildings,
      MENU.inspections,
      MENU.complaints,
      MENU.campaigns,
      MENU.imports,
      MENU.labels,
      MENU.reports,
      MENU.regions,
      MENU.definitions,
    ],
    inspector: [
      MENU.inbox,
      MENU.home,
      MENU.cockpit,
      MENU.pivot,
      MENU.map,
      MENU.cases,
      MENU.buildings,
      MENU.inspections,
      MENU.complaints,
      MENU.campaigns,
      MENU.labels,
      MENU.regions,
    ],
    auditor: [
      MENU.home,
      MENU.cockpit,
      MENU.pivot,
      MENU.map,
      MENU.cases,
      MENU.buildings,
      MENU.inspections,
      MENU.complaints,
      MENU.campaigns,
      MENU.reports,
      MENU.regions,
      MENU.definitions,
      MENU.auditLog,
    ],
  };

  for (const [username, menu] of Object.entries(expected)) {
    test(`${username} sees only the menu entries their role may use, and a personal-settings entry`, async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, stack.baseUrl, username);
      assert.deepEqual(await visibleMenu(page, ALL), menu);
      await assertNoMessageKeys(page);
      await screenshot(page, `desktop-home-${username}`);
      await page.getByRole('button', { name: '个人中心' }).click();
      assert.ok(await page.getByRole('menuitem', { name: '个人设置' }).isVisible());
      await context.close();
    });
  }

  test('every page an administrator opens is fully translated into Chinese', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    const pages: [string, string][] = [
      ['/users', 'users-list'],
      ['/users/create', 'users-create'],
      ['/audit-log', 'audit-log'],
      ['/regions/441802006', 'regions-town'],
      ['/profile', 'profile'],
    ];
    for (const [path, name] of pages) {
      await page.goto(`${stack.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await assertNoMessageKeys(page);
      await screenshot(page, `desktop-${name}`);
    }
    // An audit row opens to show everything recorded; the actor's name narrows the log to them.
    await page.goto(`${stack.baseUrl}/audit-log`);
    await page.getByRole('row').filter({ hasText: '登录' }).first().click();
    await page.getByText('请求 ID').waitFor();
    await page.getByRole('row').filter({ hasText: '登录' }).first().getByRole('button', { name: '林管理' }).click();
    await page.waitForURL(/actorId/);
    // Let the filter field's label finish moving before the picture.
    await page.waitForTimeout(400);
    await screenshot(page, 'desktop-audit-log-by-actor');

    await page.goto(`${stack.baseUrl}/users`);
    await page
      .getByRole('row')
      .filter({ hasText: /\binspector\b(?!2)/ })
      .first()
      .click();
    await page.getByText('最近登录').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-users-show');
    await context.close();
  });

  test('an address the app does not know gets a Chinese page with the way home, on a phone too', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/no-such-page`);
    await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
    await page.getByText('您输入的网址有误，或访问了失效的链接。').waitFor();
    assert.equal(await page.getByText('。.').count(), 0, 'no ASCII full stop after the Chinese one');
    await assertNoMessageKeys(page);
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-not-found');
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByText('陈业务，您好').waitFor();
    await context.close();
  });

  test('after switching to English the interface speaks English, down to react-admin’s own words', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Welcome, 林管理').waitFor();
    assert.deepEqual(await visibleMenu(page, ['Dashboard', 'Regions', 'Users', 'Audit log']), [
      'Dashboard',
      'Regions',
      'Users',
      'Audit log',
    ]);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('columnheader', { name: 'Username' }).waitFor();
    assert.ok(await page.getByText('Rows per page:').isVisible());
    assert.ok(await page.getByText('District administrator').first().isVisible());
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-users-list-english');
    await context.close();
  });

  test('at phone width the menu lives in a drawer and pages fit the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'inspector');
    assert.equal(await page.getByRole('menuitem', { name: MENU.regions }).isVisible(), false, 'menu hidden until asked for');
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-home-inspector');

    await page.getByRole('button', { name: '打开菜单' }).click();
    // A trial click waits for the drawer to finish sliding in.
    await page.getByRole('menuitem', { name: MENU.regions }).click({ trial: true });
    await screenshot(page, 'phone-drawer-inspector');
    await page.getByRole('menuitem', { name: MENU.regions }).click();
    await page.waitForURL(`${stack.baseUrl}/regions`);
    await page.getByRole('heading', { name: '高基里社区居委会' }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: MENU.regions }).isVisible(), false, 'drawer closes after a choice');
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-regions-inspector');

    // The language switch moves into the user menu on phones.
    await page.getByRole('button', { name: '个人中心' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Region tree').waitFor();
    await context.close();
  });

  test('at phone width an administrator gets compact lists and forms', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, stack.baseUrl, 'admin');
    for (const [path, name] of [
      ['/users', 'users-list'],
      ['/users/create', 'users-create'],
      ['/audit-log', 'audit-log'],
      ['/regions/441802006', 'regions-town'],
      ['/profile', 'profile'],
    ] as const) {
      await page.goto(`${stack.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      assert.ok(await fitsWidth(page), `${path} fits a phone`);
      await assertNoMessageKeys(page);
      await screenshot(page, `phone-${name}`);
    }
    await context.close();
  });
});
