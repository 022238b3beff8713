/**
 * The pivot as a file people open in a spreadsheet: a title row (what, where, when, computed when),
 * the column headers, one line per row value and the totals, in Chinese. CSV is UTF-8 with a BOM (so
 * Excel reads the Chinese) and both formats are formula-safe: a text cell starting with = + - @, a tab
 * or a carriage return gets a leading apostrophe (imports/csv.ts `neutralised`).
 */
import ExcelJS from 'exceljs';
import { formatBeijing } from '../time.ts';
import { BOM, neutralised, outputCsvLine } from '../imports/csv.ts';
import type { Pivot, PivotCell } from './api.ts';
import { CASE_DIMENSIONS, HOUSE_DIMENSIONS, MEASURES } from './dimensions.ts';
import type { Dimension } from './dimensions.ts';

export const dimensionLabel = (d: Dimension): string =>
  (HOUSE_DIMENSIONS.labels as Record<string, string>)[d] ?? (CASE_DIMENSIONS.labels as Record<string, string>)[d] ?? d;

const RATE_MEASURES = new Set(['rectificationRate']);

/** The title line: measure, region, period and when it was computed. */
export function pivotTitle(p: Pivot): string {
  const period = p.meta.period ? `${p.meta.period.from} 至 ${p.meta.period.to}` : '当前';
  return `${MEASURES.labels[p.measure]}（${dimensionLabel(p.rows)}${p.cols ? ` × ${dimensionLabel(p.cols)}` : ''}）  区域：${p.meta.region.name}（${p.meta.region.code}）  统计期间：${period}  计算时间：${formatBeijing(new Date(p.meta.computedAt))}`;
}

const value = (c: PivotCell | undefined): number | string => (c?.value == null ? '' : c.value);

/** The table below the title: headers, one line per row value, the totals line; cells are numbers or text. */
export function pivotTable(p: Pivot): (string | number)[][] {
  const corner = p.cols ? `${dimensionLabel(p.rows)} \\ ${dimensionLabel(p.cols)}` : dimensionLabel(p.rows);
  const header = [corner, ...(p.cols ? p.colHeaders.map((h) => h.label) : [MEASURES.labels[p.measure]]), ...(p.cols ? ['合计'] : [])];
  const lines: (string | number)[][] = [header];
  p.rowHeaders.forEach((h, i) => {
    const cells = (p.cells[i] ?? []).map(value);
    lines.push([h.label, ...cells, ...(p.cols ? [value(p.rowTotals[i])] : [])]);
  });
  lines.push(['合计', ...(p.cols ? p.colTotals.map(value) : []), value(p.total)]);
  return lines;
}

/** The CSV file: BOM, the title line, the table; every text cell neutralised. */
export function pivotCsv(p: Pivot): Buffer {
  const text = [[pivotTitle(p)], ...pivotTable(p)].map((cells) => outputCsvLine(cells)).join('');
  return Buffer.from(BOM + text, 'utf8');
}

/** The workbook: one sheet, the title merged over the first row, the table below with bold headers and totals. */
export async function pivotXlsx(p: Pivot): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '一栋一码';
  const sheet = book.addWorksheet('统计分析');
  const table = pivotTable(p);
  const width = Math.max(...table.map((r) => r.length));
  sheet.addRow([neutralised(pivotTitle(p))]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true };
  for (const cells of table) sheet.addRow(cells.map((c) => neutralised(c) ?? ''));
  sheet.getRow(2).font = { bold: true };
  sheet.getRow(table.length + 1).font = { bold: true };
  sheet.getColumn(1).width = 24;
  for (let i = 2; i <= width; i++) sheet.getColumn(i).width = 14;
  if (RATE_MEASURES.has(p.measure)) {
    for (let r = 3; r <= table.length + 1; r++) for (let c = 2; c <= width; c++) sheet.getCell(r, c).numFmt = '0.00%';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
