import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { decodeLabelCells, embeddedFonts, pdfPageCount, pdfText, rasterise, sampleLabels } from '../../test/support/pdf.ts';
import { LABELS_PER_PAGE, cutMarks, groupedCode } from './layout.ts';
import { SLOGAN, writeLabelSheet } from './pdf.ts';
import type { LabelData } from './pdf.ts';

async function render(labels: LabelData[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  await writeLabelSheet(labels, out);
  return Buffer.concat(parts);
}

test('a sheet has one page per ten labels', async () => {
  for (const n of [1, LABELS_PER_PAGE, LABELS_PER_PAGE + 1, 45]) {
    assert.equal(pdfPageCount(await render(sampleLabels(n))), Math.ceil(n / LABELS_PER_PAGE), `${n} labels`);
  }
  assert.equal(pdfPageCount(await render([])), 1, 'an empty sheet is still a PDF');
});

test('a rasterised page gives back exactly the labels’ URLs, in order', async () => {
  const labels = sampleLabels(13);
  const pdf = await render(labels);
  assert.deepEqual(
    decodeLabelCells(rasterise(pdf, 1), LABELS_PER_PAGE),
    labels.slice(0, 10).map((l) => l.url),
  );
  assert.deepEqual(
    decodeLabelCells(rasterise(pdf, 2), 3),
    labels.slice(10).map((l) => l.url),
  );
});

test('the Chinese font is embedded once per weight, as a subset, and a page stays small', async () => {
  const pdf = await render(sampleLabels(LABELS_PER_PAGE));
  const { fontFiles, subsets } = embeddedFonts(pdf);
  assert.equal(fontFiles, 2);
  assert.equal(subsets.length, 2);
  for (const name of subsets) assert.match(name, /^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
  assert.ok(pdf.toString('latin1').includes('/FontFile3'));
  assert.ok(pdf.length < 1024 * 1024, `one page is ${pdf.length} bytes`);
});

test('each label carries its code, address, district and the scan line as real text', async () => {
  const labels = sampleLabels(2);
  // Wrapped lines join up once whitespace is gone (drawing order keeps each label's lines together).
  const text = pdfText(await render(labels), 1).replace(/\s+/g, '');
  for (const label of labels) {
    assert.ok(text.includes(label.code), label.code);
    assert.ok(text.includes(label.address), label.address);
  }
  assert.ok(text.includes('清远市清城区'));
  assert.ok(text.includes(SLOGAN.replace(/\s+/g, '')));
});

test('codes are grouped for reading aloud; cut marks stay off the label', () => {
  assert.equal(groupedCode('44180200600100001X'), '441802 006 001 00001X');
  for (const [x1, y1, x2, y2] of cutMarks(10, 20)) {
    const insideX = Math.min(x1, x2) > 10 && Math.max(x1, x2) < 100;
    const insideY = Math.min(y1, y2) > 20 && Math.max(y1, y2) < 70;
    assert.ok(!(insideX && insideY), `mark ${[x1, y1, x2, y2].join(',')} lies on the label`);
  }
});
