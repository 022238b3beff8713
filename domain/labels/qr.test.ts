import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { decodeQr } from '../../test/support/pdf.ts';
import { labelUrl, qrPng, qrRuns, qrSvg } from './qr.ts';

const URL = labelUrl('https://ydym.example.cn', '441802006001000018');

test('the URL of a house is <base>/m/b/<code>', () => {
  assert.equal(URL, 'https://ydym.example.cn/m/b/441802006001000018');
});

test('the PNG decodes back to the URL; the SVG is an SVG', async () => {
  assert.equal(decodeQr(PNG.sync.read(await qrPng(URL))), URL);
  assert.match(await qrSvg(URL), /^<svg[^>]+viewBox/);
});

test('runs cover exactly the dark modules', () => {
  const { size, runs } = qrRuns(URL);
  const { modules } = QRCode.create(URL, { errorCorrectionLevel: 'M' });
  assert.equal(size, modules.size);
  const drawn = new Set(runs.flatMap(([col, row, length]) => Array.from({ length }, (_, i) => row * size + col + i)));
  const dark = [...modules.data.keys()].filter((i) => modules.data[i] === 1);
  assert.deepEqual(
    [...drawn].sort((a, b) => a - b),
    dark,
  );
});
