import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { decodeLabelCells, embeddedFonts, pdfPageCount, pdfText, rasterise, sampleLabels } from '../../test/support/pdf.ts';
import { mergePdfs } from './merge.ts';
import { writeLabelSheet } from './pdf.ts';
import type { LabelData, LabelSheetOptions } from './pdf.ts';

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  await write(out);
  out.end();
  return Buffer.concat(parts);
}

const sheet = (labels: LabelData[], options?: LabelSheetOptions) => collect((out) => writeLabelSheet(labels, out, options));

test('merged chunks read as one document: every page, in order, with distinct font subsets', async () => {
  const first = sampleLabels(20);
  const second = sampleLabels(13, '441802006001', 21);
  const chunks = [await sheet(first), await sheet(second, { firstPageNo: 3 })];
  let pages = 0;
  const merged = await collect(async (out) => {
    pages = await mergePdfs(chunks, out, '高基里社区 房屋标签');
  });
  assert.equal(pages, 4);
  assert.equal(pdfPageCount(merged), 4);
  assert.deepEqual(
    decodeLabelCells(rasterise(merged, 3, 100), 10, 100),
    second.slice(0, 10).map((l) => l.url),
  );
  assert.ok(pdfText(merged, 4).includes('第 4 页'));
  const { subsets } = embeddedFonts(merged);
  assert.equal(subsets.length, 4, 'each chunk keeps its own subsets, under names of their own');
});

test('merging streams sources one at a time and accepts an async source', async () => {
  async function* sources() {
    for (let i = 0; i < 3; i++) yield await sheet(sampleLabels(10, '441802006001', i * 10 + 1));
  }
  const merged = await collect((out) => mergePdfs(sources(), out, 'x'));
  assert.equal(pdfPageCount(merged), 3);
});

test('a file that is not pdfkit output is refused', async () => {
  await assert.rejects(
    collect((out) => mergePdfs([Buffer.from('not a pdf')], out, 'x')),
    /not a pdfkit PDF/,
  );
});
