/**
 * The template files users fill in: a CSV (UTF-8 with BOM, so Excel shows the Chinese headers) or a
 * workbook whose first sheet has the headers, drop-down lists for the enumerations, and a second
 * sheet 填写说明 that explains each column.
 */
import ExcelJS from 'exceljs';
import { BOM, outputCsvLine } from './csv.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import { APPROVAL_TYPE } from '../buildings/enums.ts';
import type { ApprovalType } from '../buildings/enums.ts';
import { IMPORT_COLUMNS, allowedLabels } from './template.ts';

/** Name of the template's data sheet (the first tab, the one imported). */
export const TEMPLATE_SHEET = '房屋信息';
/** Name of the sheet that explains each column. */
export const INSTRUCTIONS_SHEET = '填写说明';
/** Rows that get drop-down lists in the workbook (Excel stores a validation per range, not per row). */
const VALIDATED_ROWS = 20_000;

/** The CSV template: the header line alone. */
export function templateCsv(): Buffer {
  return Buffer.from(BOM + outputCsvLine(IMPORT_COLUMNS.map((c) => c.header)), 'utf8');
}

/**
 * A building as one row of the template, as a person fills it in (Chinese labels, 是/否): for
 * exports, test files and benchmarks that must go through the same parsing as real files.
 */
export function templateCells(b: Partial<BuildingCreateInput> & { code?: string | null }): string[] {
  return IMPORT_COLUMNS.map((c) => {
    const value = (b as Record<string, unknown>)[c.field];
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? '是' : '否';
    if (c.kind === 'approvals' && Array.isArray(value))
      return (value as { type: ApprovalType; number: string; issuer?: string | null; date?: string | null }[])
        .map((a) => [APPROVAL_TYPE.labels[a.type], a.number, a.issuer ?? '', a.date ?? ''].join('|').replace(/\|+$/, ''))
        .join('；');
    if (c.values && typeof value === 'string') return c.values.labels[value] ?? value;
    return String(value);
  });
}

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** exceljs validates whole ranges (one entry in the file) but its typings only declare per-cell validation. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** The workbook template. */
export async function templateXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '一栋一码';
  const sheet = book.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length * 2 + 4) }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE9D9' : 'FFEFEFEF' } };
    cell.note = `${c.required ? '必填。' : ''}${c.note}`;
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${VALIDATED_ROWS}`;
    // Text columns are formatted as text, so Excel keeps codes and phone numbers as typed.
    if (c.kind === 'code' || c.field === 'villageCode' || c.field === 'ownerPhone' || c.field === 'externalId') {
      sheet.getColumn(i + 1).numFmt = '@';
    }
    const list = c.values ? allowedLabels(c.values) : c.kind === 'bool' ? ['是', '否'] : undefined;
    if (list) {
      (sheet as unknown as RangeValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从列表中选择：${list.join('、')}`,
      });
    }
  });

  const help = book.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [
    { header: '列名', width: 26 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 60 },
    { header: '可选值', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const values = c.values ? allowedLabels(c.values).join('、') : c.kind === 'bool' ? '是、否' : '';
    help.addRow([c.header, c.required ? '必填' : '选填', c.note, values]);
  }
  help.addRow([]);
  help.addRow(['', '', '行号即 Excel 中的行号（表头为第 1 行）；出错的行不导入，其余行照常导入，可下载错误报告逐行修改后重新导入。']);
  help.addRow(['', '', '重复导入同一文件不会重复登记：有房屋编码的按编码更新，否则按外部编号匹配更新。']);
  help.addRow(['', '', '更新时，文件中没有的列保持原值；有此列但单元格留空表示清空该项。']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
