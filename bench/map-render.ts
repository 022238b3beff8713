/**
 * bench:map's browser figure: the district officer opens the map page in Chromium, and the time is taken
 * from the navigation to the map's last coming to rest (MapLibre's `idle`: every tile of the fitted view
 * loaded and drawn), read from the page's own `data-map-ready` / `data-zoom` attributes, which it updates
 * on each `idle`.
 */
import { launchBrowser } from '../test/support/browser.ts';
import { signIn } from '../test/browser/ui.ts';

/** The map counts as rendered once no `idle` came for this long. */
const SETTLED_MS = 1500;

export async function renderDistrictMap(baseUrl: string): Promise<{ ms: number; zoom: string }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, baseUrl, 'officer');
    await page.evaluate(() => {
      // Survives the client-side navigation below: the page is a single-page app.
      const w = window as unknown as { __mapIdleAt?: number; __mapZoom?: string };
      new MutationObserver(() => {
        const map = document.querySelector('[data-map-ready="true"]');
        if (!map) return;
        w.__mapIdleAt = performance.now();
        w.__mapZoom = map.getAttribute('data-zoom') ?? '';
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-map-ready', 'data-zoom', 'data-pitch'] });
    });
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('menuitem', { name: '一张图', exact: true }).click();
    await page.locator('[data-map-ready="true"]').first().waitFor({ timeout: 60_000 });
    let last = -1;
    for (;;) {
      await page.waitForTimeout(SETTLED_MS);
      const at = await page.evaluate(() => (window as unknown as { __mapIdleAt?: number }).__mapIdleAt ?? 0);
      if (at === last) break;
      last = at;
    }
    const zoom = await page.evaluate(() => (window as unknown as { __mapZoom?: string }).__mapZoom ?? '');
    return { ms: last - started, zoom };
  } finally {
    await browser.close();
  }
}
