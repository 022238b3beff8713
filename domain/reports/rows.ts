/**
 * A house as a row of the national five-group layout: the cells (text, as written in the CSV and the
 * workbook) in the layout's column order, and what changed between two such rows. Pure, so the export,
 * the change report and the tests read the same definition.
 */
import { createHash } from 'node:crypto';
import { layoutHeader } from '../../definitions/national-layout/index.ts';
import type { LayoutColumn, LayoutDefinition } from '../../definitions/national-layout/index.ts';
import { BUILDING_COLUMNS } from '../buildings/building-sql.ts';
import { APPROVAL_TYPE } from '../buildings/enums.ts';

/** A house as read for an export: the buildings columns the layout needs, dates and decimals as text. */
export type HouseRecord = Record<string, unknown> & { code: string; village_code: string };

/** The buildings column a layout column reads (`code` for the house code), or null for a derived one. */
export function sourceColumn(column: LayoutColumn): string | null {
  if (column.field === 'code') return 'code';
  if (column.field === null) return column.key === 'approvals' ? 'approvals' : null;
  const name = (BUILDING_COLUMNS as Record<string, string>)[column.field];
  if (!name) throw new Error(`national layout column ${column.key}: unknown field ${column.field}`);
  return name;
}

interface Approval {
  type?: string;
  number?: string;
  date?: string | null;
}

function approvalsText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return (value as Approval[])
    .map((a) => [APPROVAL_TYPE.labels[a.type as keyof typeof APPROVAL_TYPE.labels] ?? a.type ?? '', a.number ?? '', a.date ?? ''].join(':'))
    .join('；');
}

function cellOf(column: LayoutColumn, house: HouseRecord): string {
  if (column.key === 'countyCode') return house.village_code.slice(0, 6);
  if (column.key === 'townCode') return house.village_code.slice(0, 9);
  if (column.key === 'approvals') return approvalsText(house.approvals);
  const source = sourceColumn(column);
  const value = source === null ? null : house[source];
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'bool':
      return value ? '1' : '0';
    case 'enum':
      return column.codes?.[String(value)] ?? String(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    default:
      return String(value);
  }
}

/** The cells of one house, in the layout's column order. */
export function rowCells(layout: LayoutDefinition, house: HouseRecord): string[] {
  return layout.columns.map((c) => cellOf(c, house));
}

/** The layout's header row. */
export function headerCells(layout: LayoutDefinition): string[] {
  return layout.columns.map(layoutHeader);
}

/** SHA-256 (hex) of a row's cells: equal rows, equal hashes. */
export function rowHash(cells: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(cells)).digest('hex');
}

/** The Chinese names of the columns whose cells differ (the 变更字段 of a change report). */
export function changedFields(layout: LayoutDefinition, before: readonly string[], after: readonly string[]): string[] {
  return layout.columns.filter((_, i) => (before[i] ?? '') !== (after[i] ?? '')).map((c) => c.name);
}
