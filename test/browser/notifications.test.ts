/**
 * The notification centre in Chromium, at desk and phone width: the app bar's bell shows the unread
 * count, the centre lists the user's notifications newest first, opening one marks it read and follows
 * its link, 全部标为已读 empties the bell; the case page lists its text messages with phones masked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let c: CaseInfo;
let rectifyTask: string;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  const town = await loggedIn(stack.baseUrl, 'town');
  const house = await createHouse(officer);
  const registered = await registerCase(officer, house);
  // A second case, so the town officer still has an unread notification after opening one.
  const second = await registerCase(officer, house);
  await waitForCase(officer, second.id, (x) => x.openTasks.length > 0);
  c = await waitForCase(officer, registered.id, (x) => x.openTasks.length > 0);
  const after = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
  rectifyTask = openTask(after, 'rectify').id;
  // The owner's rectification notice, delivered by the stack's SMS simulator.
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const m = await officer.get<{ data: { status: string }[] }>(`/api/cases/${c.id}/messages`);
    if (m.body.data.some((x) => x.status === 'delivered')) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const bell = (page: Page) => page.getByRole('link', { name: /^通知（\d+ 条未读）$/ });
const bellCount = async (page: Page) => Number(/（(\d+) 条未读）/.exec((await bell(page).getAttribute('aria-label')) ?? '')?.[1]);

describe('the notification centre', () => {
  test('on a desk: the bell counts the unread, opening a notification marks it read and follows it, all can be marked read', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, stack.baseUrl, 'town');
      await bell(page).waitFor();
      const unread = await bellCount(page);
      assert.ok(unread >= 1, `unread ${unread}`);
      await bell(page).click();
      await page.waitForURL(/\/notifications$/);
      const item = page.getByRole('listitem').filter({ hasText: '待认领任务：分派' }).filter({ hasText: c.number });
      await item.waitFor();
      await assertNoMessageKeys(page);
      await screenshot(page, 'notifications-desktop');
      await item.getByRole('button').click();
      await page.waitForURL(/\/inbox\//);
      await page.waitForFunction(
        async (before) => {
          const label = document.querySelector('a[aria-label^="通知"]')?.getAttribute('aria-label') ?? '';
          return Number(/（(\d+) 条未读）/.exec(label)?.[1]) < before;
        },
        unread,
        { timeout: 35_000 },
      );
      await bell(page).click();
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await page.waitForFunction(() => document.querySelector('a[aria-label^="通知"]')?.getAttribute('aria-label') === '通知（0 条未读）');
      // The list refetches beside the bell and may be drawn a moment after it.
      await page.waitForFunction(() => document.querySelectorAll('[data-unread="true"]').length === 0, undefined, { timeout: 10_000 });
    } finally {
      await context.close();
    }
  });

  test('on a phone: the bell is in the app bar and the centre fits the screen; the inspector is told of the rectification', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, stack.baseUrl, 'inspector');
      await bell(page).waitFor();
      assert.ok((await bellCount(page)) >= 1);
      await bell(page).click();
      const item = page.getByRole('listitem').filter({ hasText: '待认领任务：整改' });
      await item.waitFor();
      assert.ok(await fitsWidth(page), 'no sideways scrolling');
      await screenshot(page, 'notifications-phone');
      await item.getByRole('button').click();
      await page.waitForURL(new RegExp(`/inbox/${rectifyTask}$`));
    } finally {
      await context.close();
    }
  });

  test("the case page lists the owner's text message, masked, with its delivery status", async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, stack.baseUrl, 'officer');
      await page.goto(`${stack.baseUrl}/cases/${c.id}/show`);
      const card = page.getByRole('region', { name: '短信记录' });
      await card.getByText('整改通知').waitFor();
      const text = await card.innerText();
      assert.match(text, /已送达/);
      assert.match(text, /138\*\*\*\*5678/);
      assert.doesNotMatch(text, /13812345678|张三/);
      await assertNoMessageKeys(page);
    } finally {
      await context.close();
    }
  });
});
