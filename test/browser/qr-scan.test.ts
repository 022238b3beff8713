/**
 * The in-app scanner (/m/scan) in real Chromium at phone size, with a fake camera that films a real
 * QR label: Chromium plays a Y4M file as the camera, one file per browser, so the label and the
 * foreign QR each get a browser of their own.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { labelUrl } from '../../domain/labels/qr.ts';
import { PHONE, launchBrowser, screenshot } from '../support/browser.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { fitsWidth, signIn } from './ui.ts';

const WIDTH = 640;
const HEIGHT = 480;
const ADDRESS = '凤城街道高基里扫码巷 1 号';
/** Not the test server: a label printed under another address must still open the house. */
const PRINTED_BASE = 'https://ydym.example.cn';
const FOREIGN = 'https://www.example.com/notice/2025';

/**
 * A few identical frames (Chromium loops the file) of `text`'s QR, dark on light with a quiet zone
 * of four modules, in the middle of a grey frame like a label on a wall.
 */
function qrVideo(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = modules.size + 8;
  const scale = Math.floor((HEIGHT * 0.85) / side);
  const left = Math.floor((WIDTH - side * scale) / 2);
  const top = Math.floor((HEIGHT - side * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 150);
  for (let y = 0; y < side * scale; y++) {
    for (let x = 0; x < side * scale; x++) {
      const row = Math.floor(y / scale) - 4;
      const col = Math.floor(x / scale) - 4;
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      luma[(top + y) * WIDTH + left + x] = inside && modules.data[row * modules.size + col] === 1 ? 0 : 255;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F5:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 5 }, () => frame)]);
}

/** A Chromium whose camera films `text`'s QR. */
function filming(dir: string, name: string, text: string): Promise<Browser> {
  const file = join(dir, `${name}.y4m`);
  writeFileSync(file, qrVideo(text));
  return launchBrowser({
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
  });
}

let stack: Stack;
let dir: string;
let house: string;
let labelCamera: Browser;
let foreignCamera: Browser;

before(async () => {
  stack = await startStack();
  const officer = await loggedIn(stack.baseUrl, 'officer');
  house = await createHouse(officer, { address: ADDRESS });
  dir = mkdtempSync(join(tmpdir(), 'ydym-qr-'));
  labelCamera = await filming(dir, 'label', labelUrl(PRINTED_BASE, house));
  foreignCamera = await filming(dir, 'foreign', FOREIGN);
});
after(async () => {
  await labelCamera?.close();
  await foreignCamera?.close();
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A phone allowed to use the camera, which keeps every stream the page opens and the constraints it
 * asked with, so a test can tell whether the camera was released.
 */
async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['camera'] });
  await context.addInitScript(() => {
    const seen = { streams: [] as MediaStream[], constraints: [] as MediaStreamConstraints[] };
    Object.assign(window, { cameraSeen: seen });
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      seen.constraints.push(constraints ?? {});
      const stream = await original(constraints);
      seen.streams.push(stream);
      return stream;
    };
  });
  return { context, page: await context.newPage() };
}

/** The camera streams the page opened, as [opened, still live]. */
function cameraUse(page: Page): Promise<{ opened: number; live: number; facingMode: unknown[] }> {
  return page.evaluate(() => {
    const seen = (window as unknown as { cameraSeen: { streams: MediaStream[]; constraints: MediaStreamConstraints[] } }).cameraSeen;
    return {
      opened: seen.streams.length,
      live: seen.streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
      facingMode: seen.constraints.map((c) => (typeof c.video === 'object' ? c.video.facingMode : null)),
    };
  });
}

/** Records the scripts the page downloads from now on. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

function assertLight(scripts: string[]): void {
  assert.ok(
    scripts.some((s) => /ScanCamera/.test(s)),
    `scripts loaded: ${scripts.join(', ')}`,
  );
  assert.deepEqual(
    scripts.filter((s) => /react-admin|mui|AdminApp/.test(s)),
    [],
    `scripts loaded: ${scripts.join(', ')}`,
  );
}

describe('the in-app scanner, at phone size', () => {
  test('a signed-in inspector films a house label printed under another address: the house opens with 开始排查 and the camera is released', async () => {
    const { context, page } = await phone(labelCamera);
    await signIn(page, stack.baseUrl, 'inspector');
    const scripts = scriptsOf(page);
    await page.goto(`${stack.baseUrl}/m/scan`);
    await page.waitForURL(`${stack.baseUrl}/m/b/${house}`);
    await page.getByRole('heading', { name: ADDRESS }).waitFor();
    assert.equal(await page.getByRole('link', { name: '开始排查' }).getAttribute('href'), `/m/b/${house}/inspect`);
    assert.deepEqual(await cameraUse(page), { opened: 1, live: 0, facingMode: ['environment'] });
    assertLight(scripts);
    // The house page leads back to the scanner for the next house.
    assert.equal(await page.getByRole('link', { name: '扫码查房' }).getAttribute('href'), '/m/scan');
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-qr-scan-opened');
    await context.close();
  });

  test('a QR that is not a house label says so and scanning goes on; leaving the page releases the camera', async () => {
    const { context, page } = await phone(foreignCamera);
    const scripts = scriptsOf(page);
    await page.goto(`${stack.baseUrl}/m/scan`);
    await page.getByRole('heading', { name: '扫描房屋二维码' }).waitFor();
    await page.getByText('这不是房屋二维码').waitFor();
    await page.getByText(FOREIGN).waitFor();
    assert.equal(new URL(page.url()).pathname, '/m/scan');
    assert.equal(await page.title(), '扫码查房 · 一栋一码');
    assert.equal((await cameraUse(page)).live, 1, 'still scanning');
    assert.ok(await fitsWidth(page));
    assertLight(scripts);
    await screenshot(page, 'phone-qr-scan-not-label');

    // Typing the code instead leaves the scanner, which lets go of the camera.
    await page.getByRole('textbox', { name: '重新输入房屋编码' }).fill(house);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: ADDRESS }).waitFor();
    assert.deepEqual(await cameraUse(page), { opened: 1, live: 0, facingMode: ['environment'] });
    await context.close();
  });

  test('a refused camera or a page on plain HTTP gets a clear message and the box to type the code', async () => {
    const { context, page } = await phone(foreignCamera);
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await page.goto(`${stack.baseUrl}/m/scan`);
    const problem = page.getByRole('alert');
    await problem.getByRole('heading', { name: '无法使用摄像头扫码' }).waitFor();
    assert.equal(await problem.getAttribute('data-problem'), 'denied');
    await problem.getByText('未获得摄像头权限').waitFor();
    await problem.getByRole('button', { name: '重试' }).waitFor();
    assert.ok(await fitsWidth(page));
    await screenshot(page, 'phone-qr-scan-denied');

    // Phones refuse the camera outside a secure context, before anyone is asked.
    await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
    await page.reload();
    await problem.getByText('不是安全连接（HTTPS）').waitFor();
    assert.equal(await problem.getAttribute('data-problem'), 'insecure');
    assert.equal(await problem.getByRole('button', { name: '重试' }).count(), 0);
    await screenshot(page, 'phone-qr-scan-insecure');

    await page.getByRole('textbox', { name: '重新输入房屋编码' }).fill(house.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: ADDRESS }).waitFor();
    await context.close();
  });

  test('a mistyped or unknown code’s page offers to scan again', async () => {
    const { context, page } = await phone(foreignCamera);
    await page.goto(`${stack.baseUrl}/m/b/${house.slice(0, 16)}`);
    await page.getByRole('heading', { name: '房屋编码有误' }).waitFor();
    assert.equal(await page.getByRole('link', { name: '重新扫码' }).getAttribute('href'), '/m/scan');
    await screenshot(page, 'phone-qr-scan-again');
    await page.getByRole('link', { name: '重新扫码' }).click();
    await page.getByText('这不是房屋二维码').waitFor();
    await context.close();
  });
});
