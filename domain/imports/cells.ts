/**
 * Cell conversion: what people type in a spreadsheet (Chinese labels, short forms, 是/否, dates in the
 * ways Excel writes them, numbers with units) to the typed values of the building schema. Each
 * failure is a Chinese reason for the error report.
 */
import { APPROVAL_TYPE } from '../buildings/enums.ts';
import type { ApprovalType } from '../buildings/enums.ts';
import { allowedLabels } from './template.ts';
import type { ImportColumn, LabelledEnum } from './template.ts';

/** One approval as a cell gives it (a scan is uploaded on the house file, never imported). */
export interface ImportedApproval {
  type: ApprovalType;
  number: string;
  issuer: string | null;
  date: string | null;
}

/** A converted value, or why the cell cannot be one. */
export type CellResult = { value: string | number | boolean | ImportedApproval[] } | { reason: string };

/** Extra spellings seen in registers, beyond those derived from the labels. */
const ALIASES: Record<string, string> = {
  严重: 'serious',
  严重隐患: 'serious',
  一定: 'some',
  一般: 'some',
  一定隐患: 'some',
  一般隐患: 'some',
  未发现: 'none',
  无隐患: 'none',
  已完成: 'done',
  已整治: 'done',
  完成: 'done',
  整改中: 'in_progress',
  待整改: 'pending',
  未整治: 'pending',
  无需: 'not_needed',
  不需要: 'not_needed',
  不清楚: 'unknown',
  商超: 'retail',
  超市: 'retail',
  商店: 'retail',
  市场: 'retail',
  教育: 'education',
  培训: 'education',
  文体: 'entertainment',
  娱乐: 'entertainment',
  生产: 'production',
  加工: 'production',
  仓储: 'warehousing',
  物流: 'warehousing',
};

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const lookups = new WeakMap<LabelledEnum, Map<string, string>>();

/** Every accepted spelling of an enum's values: value, label, label without 结构/级, its parts. */
function lookupOf(e: LabelledEnum): Map<string, string> {
  let map = lookups.get(e);
  if (map) return map;
  map = new Map();
  for (const value of e.values) {
    const label = e.labels[value] ?? value;
    const base = label.split(/[（(]/)[0] ?? label;
    const forms = [value, label, base, ...base.split('/')];
    for (const form of forms) {
      const key = norm(form);
      if (key) map.set(key, value);
      if (key.endsWith('结构')) map.set(key.slice(0, -2), value);
      if (key.endsWith('级')) map.set(key.slice(0, -1), value);
    }
  }
  for (const [alias, value] of Object.entries(ALIASES)) if (e.values.includes(value) && !map.has(norm(alias))) map.set(norm(alias), value);
  lookups.set(e, map);
  return map;
}

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗']);

/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug already folded in for serials > 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, or an Excel serial day number. */
export function parseDate(raw: string): string | undefined {
  const s = raw.normalize('NFKC').trim();
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  if (/^\d{4,5}(\.0+)?$/.test(s)) {
    const serial = Number(s);
    if (serial < 1 || serial > 73050) return undefined;
    return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

const UNITS = /(层|人|年|平方米|平米|㎡|m2|m²)$/i;

function parseNumber(raw: string): number | undefined {
  const s = raw.normalize('NFKC').replace(/,/g, '').replace(UNITS, '').trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

/** `类型|文号|发证机关|日期` items separated by ； ; or line breaks (发证机关 and 日期 may be left out). */
export function parseApprovals(raw: string): { value: ImportedApproval[] } | { reason: string } {
  const items = raw
    .split(/[；;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: ImportedApproval[] = [];
  for (const [i, item] of items.entries()) {
    const parts = item.split(/[|｜]/).map((s) => s.trim());
    const [typeText = '', number = '', issuer = '', dateText = ''] = parts;
    const where = items.length > 1 ? `第 ${String(i + 1)} 项` : '';
    const type = lookupOf(APPROVAL_TYPE).get(norm(typeText)) as ApprovalType | undefined;
    if (!type) return { reason: `${where}审批类型“${typeText}”无法识别` };
    if (parts.length > 4) return { reason: `${where}应为“类型|文号|发证机关|日期”` };
    if (!number) return { reason: `${where}缺少文号` };
    let date: string | null = null;
    if (dateText) {
      const parsed = parseDate(dateText);
      if (!parsed) return { reason: `${where}日期无法识别，应为 YYYY-MM-DD 或 YYYY/M/D` };
      date = parsed;
    }
    out.push({ type, number, issuer: issuer || null, date });
  }
  return { value: out };
}

/** Converts one non-empty cell for its column. */
export function convertCell(column: ImportColumn, raw: string): CellResult {
  switch (column.kind) {
    case 'text':
      return { value: raw };
    case 'code':
      return { value: raw.toUpperCase() };
    case 'int': {
      const n = parseNumber(raw);
      if (n === undefined || !Number.isInteger(n)) return { reason: '应为整数' };
      return { value: n };
    }
    case 'number': {
      const n = parseNumber(raw);
      if (n === undefined) return { reason: '应为数字' };
      // floor_area is numeric(10,2): rounding here makes a re-import of the same file compare equal.
      return { value: column.field === 'floorArea' ? Math.round(n * 100) / 100 : n };
    }
    case 'bool': {
      const key = norm(raw);
      if (TRUE.has(key)) return { value: true };
      if (FALSE.has(key)) return { value: false };
      return { reason: '应填“是”或“否”' };
    }
    case 'date': {
      const date = parseDate(raw);
      return date ? { value: date } : { reason: '日期无法识别，应为 YYYY-MM-DD 或 YYYY/M/D' };
    }
    case 'approvals':
      return parseApprovals(raw);
    case 'enum': {
      const values = column.values;
      const value = column.codes?.[raw.normalize('NFKC').trim().toUpperCase()] ?? (values && lookupOf(values).get(norm(raw)));
      if (!values || value === undefined) return { reason: `取值应为：${values ? allowedLabels(values).join('、') : ''}` };
      return { value };
    }
  }
}
