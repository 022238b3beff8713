/**
 * The bulletin as a workbook: one sheet per section (概况, 排名, 提请督办, 预警), each with the title and
 * facts on top, bold headers, numbers as numbers and rates as percentages, so a reader can sort and sum.
 * Text cells are formula-safe (imports/csv.ts `neutralised`).
 */
import ExcelJS from 'exceljs';
import { neutralised } from '../imports/csv.ts';
import type { BulletinContent, Cell } from './content.ts';

const SHEET_NAMES = ['概况', '排名', '提请督办', '预警'];

function cellValue(c: Cell): string | number | null {
  if (typeof c === 'object') return c.rate;
  return typeof c === 'number' ? c : (neutralised(c) ?? '');
}

export async function bulletinXlsx(content: BulletinContent): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '一栋一码';
  book.title = content.title;
  content.sections.forEach((section, i) => {
    const sheet = book.addWorksheet(SHEET_NAMES[i] ?? `第${i + 1}部分`);
    const width = Math.max(3, ...section.tables.map((t) => t.columns.length));
    sheet.addRow([neutralised(content.title)]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, width);
    sheet.addRow([neutralised(content.facts)]);
    sheet.mergeCells(2, 1, 2, width);
    sheet.addRow([neutralised(section.title)]).font = { bold: true };
    if (section.lead) sheet.addRow([neutralised(section.lead)]);
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow(table.columns.map((c) => c.title)).font = { bold: true };
      for (const r of table.rows) {
        const row = sheet.addRow(r.map(cellValue));
        r.forEach((c, ci) => {
          if (typeof c === 'object') row.getCell(ci + 1).numFmt = '0.0%';
        });
      }
      if (table.note) sheet.addRow([neutralised(table.note)]);
    }
    for (let c = 1; c <= width; c++) {
      const widest = Math.max(...section.tables.map((t) => t.columns[c - 1]?.width ?? 0));
      sheet.getColumn(c).width = Math.max(10, Math.round(widest / 5.5));
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
