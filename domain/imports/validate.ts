/**
 * One data row → a building input, or the problems that keep it out, each with its line, column and
 * Chinese reason. A row is judged by the very schema (`BuildingCreate`) and cross-field rules the API
 * uses for a form, plus what only an import needs: the village exists and lies in the importer's
 * region, and a given house code is well formed and belongs to that village.
 */
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CODE_PROBLEM_MESSAGES, buildingCodeProblem } from '../buildings/code.ts';
import { buildingRuleProblems } from '../buildings/rules.ts';
import type { BuildingState } from '../buildings/rules.ts';
import { BuildingCreate } from '../buildings/schema.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import { convertCell } from './cells.ts';
import { headerOf } from './header.ts';
import type { HeaderLayout, ImportProblem } from './header.ts';
import { CHANGE_KIND_LABELS } from './national.ts';
import type { ImportField } from './template.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
/** Compiled once per process: 260,000 rows are checked by the same function. */
const validateBuilding = ajv.compile<BuildingCreateInput>(BuildingCreate);

/** Fields whose blank cell means "none" (null); a blank required or defaulted field is left out. */
const NULLABLE = new Set(
  Object.entries(BuildingCreate.properties)
    .filter(([, schema]) => ((schema as { anyOf?: { type?: string }[] }).anyOf ?? []).some((s) => s.type === 'null'))
    .map(([field]) => field),
);

/** The importer's view of the district, loaded once per chunk. */
export interface RowContext {
  villages: ReadonlySet<string>;
  /** May the importer create or change buildings of this village? */
  canWrite(villageCode: string): boolean;
  today?: Date;
}

/** A row that passed every check, ready to be matched and written. */
export interface ValidRow {
  line: number;
  /** The house code given in the file: the row updates that building. */
  code: string | null;
  input: BuildingCreateInput;
  /**
   * False when the row may update a stored house (it names a code or an external id): its
   * cross-field rules are then checked by applyRows on the house as it will be after the update
   * (the stored house with the row's columns over it), not on the row's columns alone.
   */
  rulesChecked: boolean;
}

/** A valid row, or its problems. */
export type RowResult = { row: ValidRow } | { problems: ImportProblem[] };

const PATTERN_REASONS: Partial<Record<ImportField, string>> = {
  villageCode: '应为 12 位数字的村（社区）代码',
  ownerPhone: '电话号码格式不正确（5–20 位数字，可含 + - 空格）',
};

function reasonOf(field: ImportField, e: ErrorObject): string {
  const limit = String((e.params as { limit?: unknown }).limit);
  switch (e.keyword) {
    case 'required':
      return '必填';
    case 'minimum':
      return `不能小于 ${limit}`;
    case 'maximum':
      return `不能大于 ${limit}`;
    case 'exclusiveMinimum':
      return `应大于 ${limit}`;
    case 'minLength':
      return limit === '1' ? '不能为空' : `不能少于 ${limit} 个字`;
    case 'maxLength':
      return `不能超过 ${limit} 个字`;
    case 'pattern':
      return PATTERN_REASONS[field] ?? '格式不正确';
    case 'format':
      return '日期应为 YYYY-MM-DD';
    default:
      return '取值无效';
  }
}

/** Ajv reports a failed nullable value three times (the check, "or null", anyOf): keep the first real one. */
const GENERIC = new Set(['type', 'anyOf', 'const', 'enum']);

/** Checks the rows of one file (header layout) for one importer (context). */
export class RowValidator {
  constructor(
    private readonly layout: HeaderLayout,
    private readonly context: RowContext,
  ) {}

  check(line: number, cells: readonly string[]): RowResult {
    const problems: ImportProblem[] = [];
    const raw = new Map<ImportField, string>();
    const input: Record<string, unknown> = {};
    let code: string | null = null;
    const add = (field: ImportField, reason: string) =>
      problems.push({ line, column: headerOf(this.layout, field), value: raw.get(field) ?? '', reason });
    const removed = this.layout.changeKindAt >= 0 ? (cells[this.layout.changeKindAt] ?? '').trim() : '';
    if (removed === CHANGE_KIND_LABELS.removed) {
      const reason = '该行是变更报告中已删除的房屋，导入不删除也不恢复房屋；请在系统中核实后处理';
      return { problems: [{ line, column: '【变更】变更类型', value: removed, reason }] };
    }

    for (const [i, column] of this.layout.columns.entries()) {
      if (!column) continue;
      const text = (cells[i] ?? '').trim();
      raw.set(column.field, text);
      if (text === '') {
        if (column.field !== 'code' && NULLABLE.has(column.field)) input[column.field] = null;
        continue;
      }
      const converted = convertCell(column, text);
      if ('reason' in converted) add(column.field, converted.reason);
      else if (column.field === 'code') code = String(converted.value);
      else input[column.field] = converted.value;
    }

    const failed = new Set(problems.map((p) => p.column));
    if (!validateBuilding(input)) {
      const byField = new Map<ImportField, ErrorObject>();
      for (const e of validateBuilding.errors ?? []) {
        const field = (
          e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : e.instancePath.split('/')[1]
        ) as ImportField | undefined;
        if (!field) continue;
        const seen = byField.get(field);
        if (!seen || (GENERIC.has(seen.keyword) && !GENERIC.has(e.keyword))) byField.set(field, e);
      }
      for (const [field, e] of byField) if (!failed.has(headerOf(this.layout, field))) add(field, reasonOf(field, e));
    }
    const mayUpdate = code !== null || typeof input.externalId === 'string';
    if (!mayUpdate)
      for (const p of buildingRuleProblems(input as BuildingState, '', this.context.today)) {
        const field = p.field.split('.')[0] as ImportField;
        if (!problems.some((q) => q.column === headerOf(this.layout, field))) add(field, p.message);
      }

    const village = typeof input.villageCode === 'string' && /^\d{12}$/.test(input.villageCode) ? input.villageCode : undefined;
    if (village && !this.context.villages.has(village)) add('villageCode', `村（社区）代码 ${village} 不存在`);
    else if (village && !this.context.canWrite(village)) add('villageCode', `村（社区） ${village} 不在您的管辖范围内`);
    if (code !== null) {
      const problem = buildingCodeProblem(code);
      if (problem) add('code', CODE_PROBLEM_MESSAGES[problem]);
      else if (village && !code.startsWith(village)) add('code', `房屋编码属于村（社区） ${code.slice(0, 12)}，与所填村（社区）代码不一致`);
    }
    if (problems.length === 0) return { row: { line, code, input: input as BuildingCreateInput, rulesChecked: !mayUpdate } };
    // In column order, as the user reads the row.
    const order = (header: string) => {
      const at = this.layout.columns.findIndex((c) => c?.header === header);
      return at < 0 ? 999 : at;
    };
    return { problems: problems.sort((a, b) => order(a.column) - order(b.column)) };
  }
}
