import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { freePort } from '../support/ports.ts';
import { addHouses } from './houses.ts';
import type { Houses } from './houses.ts';
import { newPage, signIn } from './ui.ts';

let stack: Stack;
let browser: Browser;
let houses: Houses;
let attacker: Server;
let attackerUrl: string;

before(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  houses = await addHouses(stack.db);
  // Another site: the platform answers at localhost, this page at 127.0.0.1 (a different site for cookies).
  const target = `${stack.baseUrl}/api/buildings/${houses.home}/personal`;
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>论坛</title><a id="bait" href="${target}">查看详情</a>`);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => attacker.listen(port, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${port}/`;
});
after(async () => {
  attacker?.close();
  await browser?.close();
  await stack?.stop();
});

const personalViews = async () =>
  Number((await stack.db('audit_log').where({ action: 'building.personal_viewed' }).count({ n: '*' }))[0]!.n);

test('a link on another site cannot make a signed-in officer open an audited full view', async () => {
  const { context, page } = await newPage(browser);
  await signIn(page, stack.baseUrl, 'admin');

  // The platform's own page may: the request is same-site and carries the session.
  const own = await page.evaluate(async (url) => (await fetch(url)).status, `/api/buildings/${houses.home}/personal`);
  assert.equal(own, 200);
  assert.equal(await personalViews(), 1);

  // Following a link from another site arrives without the session: refused, and nothing is recorded.
  await page.goto(attackerUrl);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('#bait')]);
  assert.equal(response?.status(), 401);
  assert.equal(await personalViews(), 1);
  await context.close();
});
