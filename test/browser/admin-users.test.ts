import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { firstSignIn, loggedIn } from '../support/http.ts';
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

/** The password the users made here chose for themselves at their first sign-in. */
const OWN_PASSWORD = 'Test#2026xy';

/**
 * An account made through the API (and its administrator-set password already replaced by the
 * user's own), so a test can break it without disturbing the demo users.
 */
async function makeUser(username: string, regionCode = '441802006001'): Promise<string> {
  const admin = await loggedIn(stack.baseUrl, 'admin');
  const r = await admin.post<{ id: string }>('/api/users', {
    username,
    name: '测试员',
    role: 'inspector',
    regionCode,
    password: 'Given#2026x',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  await firstSignIn(stack.baseUrl, username, 'Given#2026x', OWN_PASSWORD);
  return r.body.id;
}

describe('signing in', () => {
  test('a wrong password gets one answer, the fifth locks sign-in from this address until a stated time, and the administrator unlocks it', async () => {
    await makeUser('lockme');
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${stack.baseUrl}/login`);
    const alert = page.getByRole('alert');
    for (let i = 1; i <= 4; i++) {
      await submitLogin(page, stack.baseUrl, 'lockme', 'not-the-password1');
      await alert.filter({ hasText: '用户名或密码错误' }).waitFor();
      assert.doesNotMatch(await alert.innerText(), /再失败/);
    }
    await submitLogin(page, stack.baseUrl, 'lockme', 'not-the-password1');
    await alert.filter({ hasText: '账号已锁定' }).waitFor();
    assert.match(await alert.innerText(), /请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}.*（北京时间）后再试/);
    await screenshot(page, 'phone-login-locked');

    const admin = await newPage(browser, DESKTOP);
    await signIn(admin.page, stack.baseUrl, 'admin');
    await admin.page.goto(`${stack.baseUrl}/users`);
    await admin.page.getByRole('row').filter({ hasText: 'lockme' }).click();
    await admin.page.getByText('已锁定', { exact: true }).waitFor();
    await screenshot(admin.page, 'desktop-users-show-locked');
    await admin.page.getByRole('button', { name: '解锁' }).click();
    await admin.page.getByText('账号已解锁').waitFor();
    await admin.page.getByText('正常', { exact: true }).waitFor();
    assert.equal(await admin.page.getByRole('button', { name: '解锁' }).count(), 0);
    await admin.context.close();

    await submitLogin(page, stack.baseUrl, 'lockme', OWN_PASSWORD);
    await page.getByText('您好').waitFor();
    await context.close();
  });

  test('a disabled account is told so at sign-in', async () => {
    const id = await makeUser('disableme');
    const admin = await loggedIn(stack.baseUrl, 'admin');
    assert.equal((await admin.patch(`/api/users/${id}`, { disabled: true })).status, 200);
    const { context, page } = await newPage(browser, DESKTOP);
    await submitLogin(page, stack.baseUrl, 'disableme', OWN_PASSWORD);
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
    await page.getByRole('option', { name: '镇（街道）住建办人员' }).click();
    await page.getByLabel('管辖区域').fill('凤城');
    await page.getByRole('option', { name: /^凤城街道/ }).click();
    await page.getByLabel('初始密码').fill('short1');
    await page.getByRole('button', { name: '保存' }).click();
    // The API's password rule, shown under the field and as a notification.
    await page.locator('.ra-input-password').getByText('密码长度须为 10–128 位').waitFor();
    await screenshot(page, 'desktop-users-create-rejected');

    await page.getByLabel('初始密码').fill('Start#2026x');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('用户已创建').waitFor();
    await page.getByText('wang.town').first().waitFor();
    assert.match(page.url(), /\/users\/[0-9a-f-]{36}\/show$/);
    await screenshot(page, 'desktop-users-created');

    // The new user's first sign-in leads to the password change, and nowhere else until it is done.
    await signOut(page);
    await submitLogin(page, stack.baseUrl, 'wang.town', 'Start#2026x');
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    assert.match(page.url(), /\/change-password$/);
    await page.goto(`${stack.baseUrl}/cases`);
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await page.locator('.ra-input-currentPassword input').fill('Start#2026x');
    await page.locator('.ra-input-newPassword input').fill('Password2026!');
    await page.locator('.ra-input-confirmPassword input').fill('Password2026!');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.ra-input-newPassword').getByText('该密码过于常见').waitFor();
    await screenshot(page, 'desktop-first-password-change');
    await page.locator('.ra-input-newPassword input').fill('Zhenjie#2026q');
    await page.locator('.ra-input-confirmPassword input').fill('Zhenjie#2026q');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('王镇街，您好').waitFor();
    // Same browser, new user: the menu follows the new user's abilities, not the administrator's.
    assert.deepEqual(await visibleMenu(page, Object.values(MENU)), [
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
    await dialog.getByLabel('新密码').fill('Reset#2026y');
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('密码已重置，账号已解锁').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'desktop-users-show-after-reset');
    await context.close();

    // After the reset, the user's next sign-in (here on a phone) must change the password first.
    const phone = await newPage(browser, PHONE);
    await submitLogin(phone.page, stack.baseUrl, 'toggle.me', 'Reset#2026y');
    await phone.page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await assertNoMessageKeys(phone.page);
    await screenshot(phone.page, 'phone-first-password-change');
    await phone.page.locator('.ra-input-currentPassword input').fill('Reset#2026y');
    await phone.page.locator('.ra-input-newPassword input').fill('Fresh#2026zz');
    await phone.page.locator('.ra-input-confirmPassword input').fill('Fresh#2026zz');
    await phone.page.getByRole('button', { name: '修改密码' }).click();
    await phone.page.getByText('您好').waitFor();
    await phone.context.close();
  });
});

describe('personal settings', () => {
  test('changing one’s password needs the current one, and signs the user out on their other devices', async () => {
    await makeUser('two.phones');
    const first = await newPage(browser, PHONE);
    const second = await newPage(browser, PHONE);
    await signIn(first.page, stack.baseUrl, 'two.phones', OWN_PASSWORD);
    await signIn(second.page, stack.baseUrl, 'two.phones', OWN_PASSWORD);

    const page = second.page;
    await page.goto(`${stack.baseUrl}/profile`);
    await page.locator('.ra-input-currentPassword input').fill('wrong-password1');
    await page.locator('.ra-input-newPassword input').fill('Sturdy#2026z');
    await page.locator('.ra-input-confirmPassword input').fill('Sturdy#2026z');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.ra-input-currentPassword').getByText('当前密码不正确').waitFor();
    await screenshot(page, 'phone-profile-wrong-current');
    await page.locator('.ra-input-currentPassword input').fill(OWN_PASSWORD);
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
