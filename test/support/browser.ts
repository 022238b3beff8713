/**
 * Real Chromium (Debian's, never a downloaded build) driven by playwright-core, and screenshots kept
 * under the git-ignored test-artifacts/screenshots/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots', import.meta.url));

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 860 };

/** `args`: extra command-line switches, e.g. a fake camera playing a file. */
export async function launchBrowser(options: { args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      // WebGL (the map page's MapLibre) on the CPU through SwiftShader: Chromium falls back to it without
      // a GPU only while this flag is given (the automatic fallback is being retired).
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  });
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // A full-page picture of a scrolled page draws the fixed top bar where the window was, mid-page: the
  // picture is taken from the top, then the page is scrolled back, so the test goes on where it was.
  const scrolled = await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y;
  });
  // Transitions (a dialog fading in, a label floating up) are run to their end, so a picture taken right
  // after an action shows the page as the user sees it a moment later, not half-faded.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  if (scrolled) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
  return path;
}
