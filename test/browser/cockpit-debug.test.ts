import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { addHouses } from './houses.ts';
import { newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  await addHouses(stack.db);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});
test('debug', async () => {
  const { context, page } = await newPage(browser, PHONE);
  await signIn(page, stack.baseUrl, 'officer');
  await page.goto(`${stack.baseUrl}/cockpit`);
  await page.locator('[data-figure="houses.total"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const wide = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > 392) {
        const parent = el.parentElement?.getBoundingClientRect();
        if (parent && parent.right <= 392) out.push(`${el.tagName}.${String(el.className).slice(0, 80)} right=${r.right} w=${r.width}`);
      }
    }
    return out.slice(0, 30);
  });
  console.log(wide.join('\n'));
  await page.goto(`${stack.baseUrl}/buildings?filter=${encodeURIComponent(JSON.stringify({ regionCode: '441802', businessUse: true }))}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await screenshot(page, 'debug-business');
  console.log(await page.locator('body').innerText());
  await context.close();
});
