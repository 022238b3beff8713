/**
 * The header row of an import file: which column holds which field. An unknown, repeated or missing
 * required header is a file-level error, reported once: guessing would import data into the wrong
 * fields.
 */
import { isNationalHeader, nationalHeader, nationalRequired } from './national.ts';
import { IMPORT_COLUMNS, columnForHeader, columnOf } from './template.ts';
import type { ImportColumn, ImportField } from './template.ts';

/** One problem of the error report: the line and column as the user sees them, and why. */
export interface ImportProblem {
  line: number;
  /** The Chinese header of the column at fault. */
  column: string;
  value: string;
  reason: string;
}

/** Where each field sits in the file. */
export interface HeaderLayout {
  /** The column of each cell position (undefined for a blank header cell, whose cells are ignored). */
  columns: (ImportColumn | undefined)[];
  /** The fields the file carries: on an update, fields not in the file are left as they are. */
  present: ReadonlySet<ImportField>;
  /** `template`, or `national-v<n>` for a file in the national five-group layout. */
  format: string;
  /**
   * Cell position of a national change report's 变更类型 (-1 otherwise): a removed house's row is
   * refused rather than written back.
   */
  changeKindAt: number;
}

/** The layout, or the file-level error with one problem per bad header. */
export type HeaderResult = { layout: HeaderLayout } | { error: string; problems: ImportProblem[] };

/** The header a problem names for a field: the file's own header when it has that column. */
export function headerOf(layout: HeaderLayout, field: ImportField): string {
  return layout.columns.find((c) => c?.field === field)?.header ?? columnOf(field).header;
}

/** Reads the header row (line 1): the import template's headers, or the national layout's (【组】字段名). */
export function readHeader(cells: readonly string[]): HeaderResult {
  const problems: ImportProblem[] = [];
  const columns: (ImportColumn | undefined)[] = [];
  const present = new Set<ImportField>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const national = isNationalHeader(cells);
  let version = 1;
  let changeKindAt = -1;
  for (const raw of cells) {
    const header = raw.replace(/^\ufeff/, '').trim();
    if (header === '') {
      columns.push(undefined);
      continue;
    }
    let column: ImportColumn | undefined;
    if (national) {
      const meaning = nationalHeader(header);
      if (meaning && 'ignored' in meaning) {
        if (meaning.changeKind) changeKindAt = columns.length;
        columns.push(undefined);
        continue;
      }
      if (meaning) version = meaning.version;
      column = meaning?.column;
    } else column = columnForHeader(header);
    if (!column) {
      unknown.push(header);
      problems.push({
        line: 1,
        column: header,
        value: header,
        reason: national ? '无法识别的列名（全国五类信息格式）' : '无法识别的列名，请使用导入模板中的列名',
      });
    } else if (present.has(column.field)) {
      repeated.push(column.header);
      problems.push({ line: 1, column: column.header, value: header, reason: '列名重复' });
    } else {
      present.add(column.field);
    }
    columns.push(column);
  }
  const required = national ? nationalRequired(version) : IMPORT_COLUMNS.filter((c) => c.required);
  const missing = required.filter((c) => !present.has(c.field)).map((c) => c.header);
  for (const header of missing) problems.push({ line: 1, column: header, value: '', reason: '缺少必填列' });
  const format = national ? `national-v${version}` : 'template';
  if (problems.length === 0) return { layout: { columns, present, format, changeKindAt } };
  const parts = [
    unknown.length ? `无法识别的列：${unknown.map((h) => `“${h}”`).join('、')}` : '',
    repeated.length ? `重复的列：${repeated.map((h) => `“${h}”`).join('、')}` : '',
    missing.length ? `缺少必填列：${missing.map((h) => `“${h}”`).join('、')}` : '',
  ].filter(Boolean);
  const hint = national ? '请使用全国五类信息格式（数据上报导出文件）中的列名' : '请使用导入模板中的列名';
  return { error: `表头有误（${parts.join('；')}），未导入任何数据。${hint}。`, problems };
}

/** The cell position of a field in the file, if it has that column. */
export function indexOf(layout: HeaderLayout, field: ImportField): number {
  return layout.columns.findIndex((c) => c?.field === field);
}
