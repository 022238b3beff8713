/**
 * The houses the building tests start from, and the list steps they share. Houses go straight into
 * the store, as the registry would hold them, so each test begins from known data.
 */
import type { Browser, Page } from 'playwright-core';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import type { Db } from '../../domain/db.ts';
import { recomputeAllRiskTiers } from '../../domain/risk/refresh.ts';
import { launchBrowser } from '../support/browser.ts';
import { registerCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

export interface Houses {
  /** 高基里, own home, no hidden danger. */
  home: string;
  /** 高基里, catering, seriously dangerous and not appraised: business use forbidden. */
  shop: string;
  /** 鹤堂, rental, never inspected. */
  rental: string;
  /** 东城街道 白庙, outside 凤城街道. */
  elsewhere: string;
}

export async function addHouses(db: Db): Promise<Houses> {
  const store = new DatabaseBuildingStore(db);
  const houses = { home: '', shop: '', rental: '', elsewhere: '' };
  houses.home = await store.create(
    {
      villageCode: '441802006001',
      address: '凤城街道高基里一巷 3 号',
      ownerName: '李四',
      ownerPhone: '13900002222',
      floorsAbove: 3,
      structureType: 'brick_concrete',
      yearBuilt: 1998,
      use: 'own_home',
      latestJudgement: 'none',
      latestJudgementAt: '2025-03-01',
    },
    db,
  );
  houses.shop = await store.create(
    {
      villageCode: '441802006001',
      address: '凤城街道高基里二巷 8 号',
      ownerName: '张三丰',
      ownerPhone: '13812345678',
      floorsAbove: 5,
      floorsBelow: 1,
      floorArea: 420.5,
      structureType: 'reinforced_concrete',
      yearBuilt: 2010,
      use: 'business',
      businessCategory: 'catering',
      latestJudgement: 'serious',
      latestJudgementAt: '2025-04-02',
    },
    db,
  );
  houses.rental = await store.create(
    {
      villageCode: '441802006002',
      address: '鹤堂社区东街 12 号',
      floorsAbove: 2,
      structureType: 'timber',
      yearBuilt: 1985,
      use: 'rental',
    },
    db,
  );
  houses.elsewhere = await store.create(
    {
      villageCode: '441802007001',
      address: '东城街道白庙路 6 号',
      floorsAbove: 4,
      structureType: 'brick_concrete',
      yearBuilt: 2005,
      use: 'own_home',
      latestJudgement: 'some',
      latestJudgementAt: '2025-05-06',
    },
    db,
  );
  // As the registry would hold them: assessed by the risk rules (the store alone leaves them green).
  await recomputeAllRiskTiers(db);
  return houses;
}

/** The addresses the list shows, in order. */
export async function listedAddresses(page: Page): Promise<string[]> {
  await page.locator('.RaDataTable-root, .RaList-content').first().waitFor();
  await page.waitForLoadState('networkidle');
  // The cell shows the address, then the town and village under it.
  const cells = await page.locator('tbody tr td.column-address').allInnerTexts();
  return cells.map((text) => text.split('\n')[0]?.trim() ?? '');
}

export async function waitForRows(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr td.column-address').length === n, count);
  return listedAddresses(page);
}

export async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  // While the menu is open the rest of the page is hidden from roles (no button can be found by name).
  // On a loaded machine a click during the menu's opening animation can be lost and the menu stays open
  // (a fresh-clone run timed out on the form's 保存 so): click the option again until the menu is gone.
  const listbox = page.getByRole('listbox');
  for (let attempt = 1; ; attempt++) {
    try {
      // The first click waits as long as any; a repeat only while the menu is still there.
      await page.getByRole('option', { name: option, exact: true }).click(attempt === 1 ? {} : { timeout: 3000 });
      await listbox.waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch (error) {
      if (!(await listbox.isVisible())) return;
      if (attempt >= 3) throw error;
    }
  }
}

/** A stack and a browser for the statistics pages: the houses above, with cases the officer registers on some of them. */
export async function statisticsFixture(
  cases: [house: keyof Houses, severity: 'serious' | 'general'][],
): Promise<{ stack: Stack; browser: Browser; houses: Houses }> {
  const stack = await startStack();
  const browser = await launchBrowser();
  const houses = await addHouses(stack.db);
  const officer = await loggedIn(stack.baseUrl, 'officer');
  for (const [house, severity] of cases) await registerCase(officer, houses[house], severity);
  return { stack, browser, houses };
}
