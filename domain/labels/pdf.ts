/**
 * Printable label sheets: A4 pages of door labels, each with the house's QR code (drawn as vector
 * rectangles, crisp at any printer resolution and fast to write), its code, address and district,
 * and the line that tells a passer-by what scanning does. Cut marks sit on the cut lines.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { labelFont } from './fonts.ts';
import { GRID, LABEL, LABELS_PER_PAGE, MM, PAGE, cutMarks, groupedCode, labelOrigin } from './layout.ts';
import { qrRuns } from './qr.ts';
import { wrapLines } from './wrap.ts';

/** What one label shows. */
export interface LabelData {
  code: string;
  address: string;
  /** City and district, e.g. 清远市清城区. */
  districtName: string;
  /** What the QR code encodes: `<PUBLIC_BASE_URL>/m/b/<code>`. */
  url: string;
}

/** How a sheet is titled and numbered, and who hears of its progress. */
export interface LabelSheetOptions {
  /** Printed in the footer of every page and stored as the PDF title. */
  title?: string;
  /** Number of the first page (a chunk of a batch continues its predecessor's numbering). */
  firstPageNo?: number;
  /** Called after each page with the number of labels drawn so far (for heartbeats and progress). */
  onPage?: (labelsDone: number) => void;
}

/** What every label tells a passer-by. */
export const SLOGAN = '扫码查看房屋信息 · 投诉举报';
const DEFAULT_TITLE = '自建房一栋一码 房屋标签';
const INK = '#000000';
const MUTED = '#444444';
/** The address gets three lines of 9 pt; longer ones end in an ellipsis. */
const ADDRESS_LINES = 3;
const ADDRESS_LEADING = 13.5;

type Doc = InstanceType<typeof PDFDocument>;

function drawQr(doc: Doc, url: string, x: number, y: number): void {
  const { size, runs } = qrRuns(url);
  // Module units inside a scaled frame keep the operators short (`3 5 4 1 re`); one path, one fill,
  // so abutting modules never show hairline seams.
  doc
    .save()
    .translate(x * MM, y * MM)
    .scale((LABEL.qrSize * MM) / size);
  for (const [col, row, length] of runs) doc.rect(col, row, length, 1);
  doc.fill(INK).restore();
}

function drawLabel(doc: Doc, label: LabelData, x: number, y: number): void {
  const p = LABEL.padding;
  drawQr(doc, label.url, x + p, y + p);
  const tx = (x + LABEL.textX) * MM;
  const tw = LABEL.textWidth * MM;
  doc.font('bold').fontSize(11).fillColor(INK);
  doc.text(label.districtName, tx, (y + p - 0.6) * MM, { width: tw, lineBreak: false, ellipsis: true });
  doc
    .moveTo(tx, (y + p + 6) * MM)
    .lineTo(tx + tw, (y + p + 6) * MM)
    .lineWidth(0.5)
    .stroke(MUTED);
  doc.font('regular').fontSize(9);
  const lines = wrapLines(label.address, tw, ADDRESS_LINES, (text) => doc.widthOfString(text));
  lines.forEach((line, i) => doc.text(line, tx, (y + p + 7.5) * MM + i * ADDRESS_LEADING, { lineBreak: false }));
  doc.fontSize(8).fillColor(MUTED);
  doc.text(SLOGAN, tx, (y + p + LABEL.qrSize - 4) * MM, { width: tw, lineBreak: false });
  doc.font('bold').fontSize(16.5).fillColor(INK);
  doc.text(groupedCode(label.code), (x + p) * MM, (y + LABEL.codeY) * MM, {
    width: (GRID.labelWidth - 2 * p) * MM,
    lineBreak: false,
    characterSpacing: 0.6,
  });
}

function drawCutMarks(doc: Doc, slots: number): void {
  for (let slot = 0; slot < slots; slot++) {
    const { x, y } = labelOrigin(slot);
    for (const [x1, y1, x2, y2] of cutMarks(x, y)) doc.moveTo(x1 * MM, y1 * MM).lineTo(x2 * MM, y2 * MM);
  }
  doc.lineWidth(0.4).stroke(INK);
}

function drawFooter(doc: Doc, title: string, pageNo: number): void {
  doc.font('regular').fontSize(7).fillColor(MUTED);
  doc.text(`${title} · 第 ${pageNo} 页`, 0, (PAGE.height - 8) * MM, { width: PAGE.width * MM, align: 'center', lineBreak: false });
}

/** Labels grouped by page, from an array or a stream of them (a region read from the database). */
async function* pagesOf(labels: Iterable<LabelData> | AsyncIterable<LabelData>): AsyncGenerator<LabelData[]> {
  let page: LabelData[] = [];
  for await (const label of labels) {
    page.push(label);
    if (page.length === LABELS_PER_PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

/**
 * Writes the labels to `out` as an A4 PDF, `LABELS_PER_PAGE` to a page, and resolves once `out` has
 * received the whole document. The fonts are embedded once, as subsets of the glyphs used. Between
 * pages it waits for `out` to drain, so a town's worth of labels never sits in memory.
 */
export async function writeLabelSheet(
  labels: Iterable<LabelData> | AsyncIterable<LabelData>,
  out: Writable,
  options: LabelSheetOptions = {},
): Promise<void> {
  const title = options.title ?? DEFAULT_TITLE;
  const size: [number, number] = [PAGE.width * MM, PAGE.height * MM];
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, info: { Title: title, Creator: '一栋一码', Producer: '一栋一码' } });
  const done = finished(out);
  doc.pipe(out);
  doc.registerFont('regular', labelFont('regular'));
  doc.registerFont('bold', labelFont('bold'));
  let pageNo = options.firstPageNo ?? 1;
  let drawn = 0;
  for await (const page of pagesOf(labels)) {
    doc.addPage({ size, margin: 0 });
    page.forEach((label, slot) => {
      const { x, y } = labelOrigin(slot);
      drawLabel(doc, label, x, y);
    });
    drawCutMarks(doc, page.length);
    drawFooter(doc, title, pageNo++);
    drawn += page.length;
    options.onPage?.(drawn);
    // Let the piped data flow (and the caller's heartbeats go out) before drawing the next page.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  // An empty document is not a PDF; an empty selection still gets one blank page.
  if (drawn === 0) doc.addPage({ size, margin: 0 });
  doc.end();
  await done;
}
