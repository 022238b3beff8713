import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { MENU, assertNoMessageKeys, newPage, signIn, signOut, submitLogin, visibleMenu } from './ui.ts';

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

/** An account made through the API, so a test can break it without disturbing the demo users. */
async function makeUser(username: string, regionCode = '441802006001'): Promise<string> {
  const admin = await loggedIn(stack.baseUrl, 'admin');
  const r = await admin.post<{ id: string }>('/api/users', {
    username,
    name: '测试员',
    role: 'inspector',
    regionCode,
    password: 'Test2026x',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

describe('signing in', () => {
  test('a wrong password says how many tries remain, and the fifth locks the account until a stated time', async () => {
    await makeUser('lockme');
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${stack.baseUrl}/login`);
    const alert = page.getByRole('alert');
    for (let left = 4; left >= 1; left--) {
      await submitLogin(page, stack.baseUrl, 'lockme', 'not-the-password1');
      await alert.filter({ hasText: `再失败 ${left} 次` }).waitFor();
    }
    await submitLogin(page, stack.baseUrl, 'lockme', 'not-the-password1');
    await alert.filter({ hasText: '账号已锁定' }).waitFor();
    assert.match(await alert.innerText(), /请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}.*（北京时间）后再试/);
    await screenshot(page, 'phone-login-locked');
    await context.close();
  });

  test('a disabled account is told so at sign-in', async () => {
    const id = await makeUser('disableme');
    const admin = await loggedIn(stack.baseUrl, 'admin');
    assert.equal((await admin.patch(`/api/users/${id}`, { disabled: true })).status, 200);
    const { context, page } = await newPage(browser, DESKTOP);
    await submitLogin(page, stack.baseUrl, 'disableme', 'Test2026x');
    await page.getByRole('alert').filter({ hasText: '账号已停用' }).waitFor();
    await context.close();
  });
});

describe('user administration', () => {
  test('an administrator creates a user, the server’s objections land on the form, and the new user signs in', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.goto(`${stack.baseUrl}/users/create`);
    await page.getByLabel('用户名').fill('wang.town');
    await page.getByLabel('姓名').fill('王镇街');
    await page.getByLabel('手机号').fill('13900001111');
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '镇/街道住建办人员' }).click();
    await page.getByLabel('管辖区域').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    await page.getByLabel('初始密码').fill('short1');
    await page.getByRole('button', { name: '保存' }).click();
    // The API's password rule, shown under the field and as a notification.
    await page.locator('.ra-input-password').getByText('密码至少 8 位，且须同时包含字母和数字').waitFor();
    await screenshot(page, 'desktop-users-create-rejected');

    await page.getByLabel('初始密码').fill('Start2026x');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('用户已创建').waitFor();
    await page.getByText('wang.town').first().waitFor();
    assert.match(page.url(), /\/users\/[0-9a-f-]{36}\/show$/);
    await screenshot(page, 'desktop-users-created');

    await signOut(page);
    await signIn(page, stack.baseUrl, 'wang.town', 'Start2026x');
    assert.ok(await page.getByText('王镇街，您好').isVisible());
    // Same browser, new user: the menu follows the new user's abilities, not the administrator's.
    assert.deepEqual(await visibleMenu(page, Object.values(MENU)), [
      MENU.inbox,
      MENU.home,
      MENU.cases,
      MENU.buildings,
      MENU.inspections,
      MENU.complaints,
      MENU.campaigns,
      MENU.imports,
      MENU.labels,
      MENU.regions,
      MENU.definitions,
    ]);
    assert.ok(await page.getByText('凤城街道').first().isVisible());
    await context.close();
  });

  test('an administrator disables and re-enables an account, edits it, and resets its password', async () => {
    await makeUser('toggle.me');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'admin');
    await page.goto(`${stack.baseUrl}/users`);
    await page.getByRole('row').filter({ hasText: 'toggle.me' }).click();
    await page.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('用户已停用').waitFor();
    await page.getByText('已停用', { exact: true }).waitFor();
    await page.getByRole('button', { name: '启用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('用户已启用').waitFor();

    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByLabel('姓名').fill('测试员二');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('用户信息已保存').waitFor();
    await page.getByText('测试员二').first().waitFor();

    await page.getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新密码').fill('Reset2026y');
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('密码已重置，账号已解锁').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-users-show-after-reset');
    await context.close();
  });
});

describe('personal settings', () => {
  test('changing one’s password needs the current one, and signs the user out on their other devices', async () => {
    await makeUser('two.phones');
    const first = await newPage(browser, PHONE);
    const second = await newPage(browser, PHONE);
    await signIn(first.page, stack.baseUrl, 'two.phones', 'Test2026x');
    await signIn(second.page, stack.baseUrl, 'two.phones', 'Test2026x');

    const page = second.page;
    await page.goto(`${stack.baseUrl}/profile`);
    await page.locator('.ra-input-currentPassword input').fill('wrong-password1');
    await page.locator('.ra-input-newPassword input').fill('Better2026z');
    await page.locator('.ra-input-confirmPassword input').fill('Better2026z');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.ra-input-currentPassword').getByText('当前密码不正确').waitFor();
    await screenshot(page, 'phone-profile-wrong-current');
    await page.locator('.ra-input-currentPassword input').fill('Test2026x');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，您在其他设备上的登录已退出。').waitFor();

    // The other phone's next request is refused; it lands on the sign-in page with the reason.
    await first.page.getByRole('button', { name: '打开菜单' }).click();
    await first.page.getByRole('menuitem', { name: '行政区划' }).click();
    await first.page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await first.page.getByText('登录已失效，请重新登录').waitFor();
    await screenshot(first.page, 'phone-signed-out-elsewhere');
    await first.context.close();
    await second.context.close();
  });
});

describe('scope', () => {
  test('a town officer cannot open user pages, nor a region outside their town', async () => {
    const inspectorId = (
      await (await loggedIn(stack.baseUrl, 'admin')).get<{ data: { id: string; username: string }[] }>('/api/users?q=inspector')
    ).body.data[0]?.id;
    assert.ok(inspectorId);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, stack.baseUrl, 'town');

    await page.goto(`${stack.baseUrl}/users`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    await page.goto(`${stack.baseUrl}/users/${inspectorId}/show`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    await screenshot(page, 'desktop-town-users-denied');

    await page.goto(`${stack.baseUrl}/regions/441802007`);
    await page.getByText('该行政区划不存在或无权查看').waitFor();
    await screenshot(page, 'desktop-town-region-outside');

    await page.goto(`${stack.baseUrl}/regions/441802006001`);
    await page.getByRole('heading', { name: '高基里社区居委会' }).waitFor();
    await context.close();
  });
});
