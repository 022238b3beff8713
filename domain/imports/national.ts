/**
 * The national five-group layout as an import format: a file whose headers are written `【组】字段名`
 * (definitions/national-layout) is read by the same pipeline as the template, each of its columns
 * standing for a template field, its enumerations written as national codes (the labels are accepted
 * too). Columns written for the reader only (derived region codes, approvals as text, a change
 * report's 变更类型/变更字段) are recognised and ignored.
 */
import { NATIONAL_LAYOUTS, layoutHeader } from '../../definitions/national-layout/index.ts';
import type { LayoutColumn } from '../../definitions/national-layout/index.ts';
import { columnOf, headerKey } from './template.ts';
import type { ImportColumn, ImportField } from './template.ts';

/** The columns a change report puts before the layout's own (group 变更). */
export const CHANGE_COLUMNS = [
  { group: '变更', name: '变更类型' },
  { group: '变更', name: '变更字段' },
] as const;

/** The change kinds written in 变更类型. */
export const CHANGE_KIND_LABELS = { added: '新增', changed: '修改', removed: '删除' } as const;

/** What a national header means to the importer: a column, or a column to ignore (`changeKind` is read). */
export type NationalHeader = { column: ImportColumn; version: number } | { ignored: true; changeKind?: boolean };

/** The import column of a layout column holding a registry field. */
function importColumnOf(column: LayoutColumn): ImportColumn {
  const base = columnOf(column.field as ImportField);
  // A code with a leading zero (01) is accepted without it too, as Excel shows it after opening a CSV.
  const codes = column.codes
    ? Object.fromEntries(
        Object.entries(column.codes).flatMap(([value, code]) => [
          [code, value],
          [code.replace(/^0+(?=\d)/, ''), value],
        ]),
      )
    : undefined;
  const note = column.codes
    ? `代码：${Object.entries(column.codes)
        .map(([v, c]) => `${c}=${base.values?.labels[v] ?? v}`)
        .join('，')}`
    : base.note;
  return { ...base, header: layoutHeader(column), kind: column.kind, note, ...(codes ? { codes } : {}) };
}

const BY_KEY = new Map<string, NationalHeader>();
for (const c of CHANGE_COLUMNS) BY_KEY.set(headerKey(layoutHeader(c)), { ignored: true, changeKind: c.name === '变更类型' });
for (const layout of NATIONAL_LAYOUTS) {
  for (const column of layout.columns) {
    const key = headerKey(layoutHeader(column));
    if (BY_KEY.has(key)) continue;
    BY_KEY.set(key, column.field === null ? { ignored: true } : { column: importColumnOf(column), version: layout.version });
  }
}

/** Whether a header row is in the national layout: its headers carry their group in 【】. */
export function isNationalHeader(cells: readonly string[]): boolean {
  return cells.some((c) =>
    c
      .replace(/^\ufeff/, '')
      .trim()
      .startsWith('【'),
  );
}

/** What one national header stands for, if anything. */
export function nationalHeader(header: string): NationalHeader | undefined {
  return BY_KEY.get(headerKey(header));
}

/** The required columns of a national layout version, as import columns. */
export function nationalRequired(version: number): ImportColumn[] {
  const layout = NATIONAL_LAYOUTS.find((l) => l.version === version) ?? NATIONAL_LAYOUTS[0];
  return (layout?.columns ?? []).filter((c) => c.field !== null && columnOf(c.field as ImportField).required).map(importColumnOf);
}
