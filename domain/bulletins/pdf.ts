/**
 * The bulletin as an A4 PDF: title, facts, then each section's tables with a shaded header row that is
 * repeated on every page a table continues on, and "第 n 页 共 m 页" in every footer. Chinese text is set
 * in Noto Sans Hans (the labels' fonts, domain/labels/fonts.ts); a cell too long for its column ends in
 * an ellipsis instead of running into the next one.
 */
import PDFDocument from 'pdfkit';
import { labelFont } from '../labels/fonts.ts';
import { formatRate } from './content.ts';
import type { BulletinContent, Cell, Table } from './content.ts';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 40;
const ROW_H = 18;
const FONT_SIZE = 9;
const PAD = 4;
const INK = '#1f1f1f';
const MUTED = '#555555';
const RULE = '#c8c8c8';
const HEAD_FILL = '#eef1f5';

const text = (c: Cell): string => (typeof c === 'object' ? formatRate(c.rate) : String(c));

/**
 * The text cut to the column with an ellipsis. pdfkit's own `ellipsis` does not stop Chinese (which has
 * no spaces to break at) from wrapping onto a second line over the next row, so the cut is measured here.
 */
function fit(doc: Doc, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let cut = s;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function cell(doc: Doc, s: string, x: number, y: number, width: number, align: 'left' | 'right'): void {
  doc.text(fit(doc, s, width), x, y, { width: width + 1, align, lineBreak: false });
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN - 20;
}

function headerRow(doc: Doc, t: Table, y: number): number {
  const width = t.columns.reduce((s, c) => s + c.width, 0);
  doc.rect(MARGIN, y, width, ROW_H).fill(HEAD_FILL);
  doc.font('bold').fontSize(FONT_SIZE).fillColor(INK);
  let x = MARGIN;
  for (const c of t.columns) {
    cell(doc, c.title, x + PAD, y + 4.5, c.width - 2 * PAD, c.align ?? 'left');
    x += c.width;
  }
  doc
    .moveTo(MARGIN, y + ROW_H)
    .lineTo(MARGIN + width, y + ROW_H)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  return y + ROW_H;
}

function drawTable(doc: Doc, t: Table): void {
  let y = doc.y + 4;
  if (y + 2 * ROW_H > bottom(doc)) {
    doc.addPage();
    y = MARGIN;
  }
  y = headerRow(doc, t, y);
  const width = t.columns.reduce((s, c) => s + c.width, 0);
  for (const row of t.rows) {
    if (y + ROW_H > bottom(doc)) {
      doc.addPage();
      y = headerRow(doc, t, MARGIN);
    }
    doc.font('regular').fontSize(FONT_SIZE).fillColor(INK);
    let x = MARGIN;
    t.columns.forEach((c, i) => {
      cell(doc, text(row[i] ?? ''), x + PAD, y + 4.5, c.width - 2 * PAD, c.align ?? 'left');
      x += c.width;
    });
    doc
      .moveTo(MARGIN, y + ROW_H)
      .lineTo(MARGIN + width, y + ROW_H)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    y += ROW_H;
  }
  doc.x = MARGIN;
  doc.y = y + 4;
  if (t.note)
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(t.note, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.6);
}

/** Renders the bulletin; resolves to the whole file. */
export async function bulletinPdf(content: BulletinContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: content.title, Author: '一栋一码', Creator: '一栋一码 月度通报' },
  });
  doc.registerFont('regular', labelFont('regular'));
  doc.registerFont('bold', labelFont('bold'));
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const contentWidth = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(17).fillColor(INK).text(content.title, MARGIN, MARGIN, { width: contentWidth, align: 'center' });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(8.5).fillColor(MUTED).text(content.facts, { width: contentWidth, align: 'center' });
  doc.moveDown(1);
  for (const s of content.sections) {
    if (doc.y + 60 > bottom(doc)) doc.addPage();
    doc.font('bold').fontSize(12).fillColor(INK).text(s.title, MARGIN, doc.y, { width: contentWidth });
    doc.moveDown(0.3);
    if (s.lead) doc.font('regular').fontSize(9.5).fillColor(MUTED).text(s.lead, MARGIN, doc.y, { width: contentWidth });
    doc.moveDown(0.2);
    for (const t of s.tables) drawTable(doc, t);
    doc.moveDown(0.5);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footer = `${content.title}\u3000第 ${i + 1} 页 共 ${range.count} 页`;
    // Writing below the bottom margin would make pdfkit add a page: the margin is lifted for the footer.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(footer, MARGIN, doc.page.height - MARGIN + 8, { width: contentWidth, align: 'center', lineBreak: false });
  }
  doc.end();
  await ended;
  return Buffer.concat(parts);
}
