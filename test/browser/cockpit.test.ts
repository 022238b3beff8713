/**
 * 数据驾驶舱 in a real browser against the real API: the district officer's, a town officer's and an
 * inspector's cockpit at 1920×1080, 1440×900 and 390 px (screenshots under test-artifacts); drilling
 * down from the district to one house; figures that open lists with the same total; the wall screen
 * without menus; the home page's figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PHONE, screenshot } from '../support/browser.ts';
import type { Stack } from '../support/stack.ts';
import { statisticsFixture, waitForRows } from './houses.ts';
import type { Houses } from './houses.ts';
import { assertNoMessageKeys, fitsWidth, newPage, signIn, listTotal } from './ui.ts';

const WALL = { width: 1920, height: 1080 };
const LAPTOP = { width: 1440, height: 900 };
const SIZES = [
  { name: '1920', viewport: WALL },
  { name: '1440', viewport: LAPTOP },
  { name: 'phone', viewport: PHONE },
] as const;

let stack: Stack;
let browser: Browser;
let houses: Houses;

before(async () => {
  ({ stack, browser, houses } = await statisticsFixture([
    ['shop', 'serious'],
    ['rental', 'general'],
    ['elsewhere', 'general'],
  ]));
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the cockpit (optionally at a region) and waits for its figures. */
async function openCockpit(page: Page, query = ''): Promise<void> {
  await page.goto(`${stack.baseUrl}/cockpit${query}`);
  await page.locator('[data-figure="houses.total"]').first().waitFor();
  await page.waitForLoadState('networkidle');
}

const figureValue = async (page: Page, name: string) =>
  Number(await page.locator(`[data-figure="${name}"]`).first().getAttribute('data-value'));

/**
 * One signed-in page per role, resized to each size in turn (a new sign-in per size only cost time):
 * at each size the cockpit is opened afresh, checked, photographed and must fit.
 */
async function atEachSize(username: string, check: (page: Page, size: (typeof SIZES)[number]) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser, SIZES[0].viewport);
  try {
    await signIn(page, stack.baseUrl, username);
    for (const size of SIZES) {
      await page.setViewportSize(size.viewport);
      await openCockpit(page);
      await check(page, size);
      await assertNoMessageKeys(page);
      await screenshot(page, `cockpit-${username}-${size.name}`);
      assert.ok(await fitsWidth(page), `the cockpit fits the screen at ${size.name}`);
    }
  } finally {
    await context.close();
  }
}

describe('the cockpit', () => {
  test('the district officer’s at 1920, 1440 and 390 px: the whole district, every card, nothing sticking out', async () => {
    await atEachSize('officer', async (page) => {
      assert.equal(await figureValue(page, 'houses.total'), 4);
      for (const card of [
        'houses',
        'coverage',
        'rectification',
        'complaints',
        'tiers',
        'judgements',
        'grades',
        'trends',
        'open-hazards',
        'children',
        'funnel',
      ]) {
        await page.locator(`[data-card="${card}"]`).waitFor();
      }
      await page.locator('[data-ranking] [data-region="441802006"]').waitFor();
      await page.locator('[data-funnel] tbody tr').first().waitFor();
      await page.locator('[data-card="trends"] canvas').waitFor();
      await page.getByTestId('bpmn-diagram').locator('svg').first().waitFor();
    });
  });

  test('a town officer’s at each size is their town', async () => {
    await atEachSize('town', async (page) => {
      assert.equal(await figureValue(page, 'houses.total'), 3);
      const crumbs = await page.locator('[data-breadcrumb]').innerText();
      assert.match(crumbs, /凤城街道/);
      assert.doesNotMatch(crumbs, /清城区/);
      await page.locator('[data-ranking] [data-region="441802006001"]').waitFor();
      assert.equal(await page.locator('[data-ranking] [data-region="441802007"]').count(), 0);
    });
  });

  test('an inspector’s at each size is their village, with its houses', async () => {
    await atEachSize('inspector', async (page) => {
      assert.equal(await figureValue(page, 'houses.total'), 2);
      await page.locator('[data-card="village-houses"]').getByText('凤城街道高基里二巷 8 号').waitFor();
      assert.equal(await page.locator('[data-card="children"]').count(), 0);
    });
  });

  test('drills down from the district to a town, a village and one house', async () => {
    const { context, page } = await newPage(browser, LAPTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.getByRole('menuitem', { name: '数据驾驶舱' }).click();
    await page.locator('[data-figure="houses.total"]').first().waitFor();
    await page.locator('[data-ranking] [data-region="441802006"] button').click();
    await page.waitForURL(/region=441802006(&|$)/);
    await page.waitForFunction(() => document.querySelector('[data-figure="houses.total"]')?.getAttribute('data-value') === '3');
    await page.locator('[data-ranking] [data-region="441802006001"] button').click();
    await page.waitForURL(/region=441802006001/);
    const village = page.locator('[data-card="village-houses"]');
    await village.getByText('凤城街道高基里二巷 8 号').waitFor();
    assert.equal(await figureValue(page, 'houses.total'), 2);
    await screenshot(page, 'cockpit-drill-village');

    // The breadcrumb goes back up.
    await page.locator('[data-breadcrumb]').getByRole('button', { name: '凤城街道' }).click();
    await page.waitForFunction(() => document.querySelector('[data-figure="houses.total"]')?.getAttribute('data-value') === '3');
    await page.goBack();
    await village.getByText('凤城街道高基里二巷 8 号').waitFor();

    // The registry filtered by the village, then one house's file.
    await village.locator('[data-registry-link]').click();
    assert.equal((await waitForRows(page, 2)).length, 2);
    await page.getByRole('row').filter({ hasText: '二巷 8 号' }).click();
    await page.waitForURL(new RegExp(`/buildings/${houses.shop}/show$`));
    await page.getByRole('heading', { name: '基本情况' }).waitFor();

    // And straight from the village card.
    await page.goBack();
    await page.goBack();
    await village.getByText('凤城街道高基里一巷 3 号').click();
    await page.waitForURL(new RegExp(`/buildings/${houses.home}/show$`));
    await page.getByRole('heading', { name: '基本情况' }).waitFor();
    await context.close();
  });

  test('a figure opens its list, whose total equals the figure', async () => {
    const { context, page } = await newPage(browser, LAPTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await openCockpit(page);
    const names = [
      'houses.total',
      'houses.business',
      'tiers.red',
      'tiers.orange',
      'tiers.green',
      'overdue',
      'rectification.found',
      'openHazards.structure_damage.serious',
      'openHazards.structure_damage.general',
      'judgements.notInspected',
      'complaints.received',
    ];
    const checked: string[] = [];
    for (const name of names) {
      const figure = page.locator(`a[data-figure="${name}"]`).first();
      if ((await figure.count()) === 0) continue;
      const value = Number(await figure.getAttribute('data-value'));
      await figure.click();
      await page.waitForURL(/\?filter=/);
      assert.equal(await listTotal(page), value, `${name} → ${decodeURIComponent(page.url())}`);
      if (name === 'openHazards.structure_damage.serious') {
        // The list shows the filters behind the figure: its region, state, category and severity.
        await page.getByLabel('区域').and(page.locator('input[value="清城区"]')).waitFor();
        await page.getByText('未销号', { exact: true }).first().waitFor();
        await assertNoMessageKeys(page);
        await screenshot(page, 'cockpit-figure-case-list');
      }
      checked.push(name);
      await page.goBack();
      await page.locator('[data-figure="houses.total"]').first().waitFor();
    }
    for (const must of ['houses.total', 'tiers.red', 'overdue', 'openHazards.structure_damage.serious'])
      assert.ok(checked.includes(must), must);
    assert.ok((await figureValue(page, 'openHazards.structure_damage.general')) >= 2);
    await context.close();
  });

  test('the home page opens on the reader’s work and region figures, each a link', async () => {
    const { context, page } = await newPage(browser, LAPTOP);
    await signIn(page, stack.baseUrl, 'officer');
    await page.locator('[data-home-figures] [data-figure="home.houses"]').waitFor();
    assert.equal(await figureValue(page, 'home.houses'), 4);
    const open = page.locator('a[data-figure="home.openHazards"]');
    const value = Number(await open.getAttribute('data-value'));
    await open.click();
    assert.equal(await listTotal(page), value);
    await page.goBack();
    await page.getByText('常用功能').waitFor();
    await assertNoMessageKeys(page);
    await screenshot(page, 'home-officer-1440');
    await context.close();
  });
});

describe('the wall screen', () => {
  test('at 1920×1080: dark, no menu, no app bar, a clock and the computed-at time', async () => {
    const { context, page } = await newPage(browser, WALL);
    await signIn(page, stack.baseUrl, 'officer');
    await page.goto(`${stack.baseUrl}/cockpit`);
    await page.getByRole('link', { name: '大屏模式' }).click();
    await page.waitForURL(/\/wall/);
    await page.locator('[data-page="wall"] [data-figure="houses.total"]').waitFor();
    await page.locator('[data-page="wall"] canvas').first().waitFor();
    assert.equal(await page.getByRole('menuitem').count(), 0);
    assert.equal(await page.getByRole('button', { name: '个人中心' }).count(), 0);
    assert.match(await page.locator('[data-clock]').innerText(), /\d{2}:\d{2}:\d{2}/);
    assert.match(await page.locator('[data-computed-at]').innerText(), /更新于 \d{2}:\d{2}/);
    const background = await page.locator('[data-page="wall"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(7, 17, 31)');
    // Everything on one screen, nothing to scroll.
    const { scrollHeight, scrollWidth } = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.ok(scrollHeight <= 1080 && scrollWidth <= 1920, `${scrollWidth}×${scrollHeight}`);
    await assertNoMessageKeys(page);
    await screenshot(page, 'wall-1920');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForTimeout(300);
    assert.ok(await fitsWidth(page), 'a tablet sees the wall without sideways scrolling');
    await screenshot(page, 'wall-tablet');
    await context.close();
  });
});
