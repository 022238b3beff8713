/**
 * Request validation with Ajv against the TypeBox schemas that also describe the API in OpenAPI.
 * Every problem names its field (`body.password`, `query.page`) and says why in Chinese.
 *
 * Hostile input costs little: the structural guard (depth, element count, control characters) runs
 * first; Ajv then stops at the first error, and only a small input is validated again for the full
 * report, which names at most MAX_REPORTED problems.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { InputError } from '../../domain/errors.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { choiceLabels, fieldLabel } from './field-labels.ts';
import { inspectInput, isProblem } from './input-guard.ts';
import { MULTILINE } from './schemas.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const FORMAT_NAMES: Record<string, string> = {
  'date-time': '日期时间（ISO 8601）',
  date: '日期（YYYY-MM-DD）',
  email: '电子邮箱',
  uuid: 'UUID',
  uri: '网址',
};

const TYPE_NAMES: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文本',
  boolean: '是或否',
  object: '一组字段',
  array: '列表',
};

/** The types a value may have, in words; null reads as "may be left empty". */
function typeReason(types: string[]): string {
  const named = [...new Set(types.filter((t) => t !== 'null'))].map((t) => TYPE_NAMES[t] ?? t);
  if (!named.length) return '应留空';
  return `应为${named.join('或')}${types.includes('null') ? '（可留空）' : ''}`;
}

function chineseReason(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return '必填';
    case 'type':
      return typeReason(String(p.type).split(','));
    case 'minLength':
      return `长度不能少于 ${String(p.limit)} 个字符`;
    case 'maxLength':
      return `长度不能超过 ${String(p.limit)} 个字符`;
    case 'minimum':
      return `不能小于 ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `应大于 ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `应小于 ${String(p.limit)}`;
    case 'uniqueItems':
      return '不能有重复项';
    case 'minProperties':
      return `至少填写 ${String(p.limit)} 项`;
    case 'maximum':
      return `不能大于 ${String(p.limit)}`;
    case 'pattern':
      return '格式不正确';
    case 'format':
      return `格式应为${FORMAT_NAMES[String(p.format)] ?? String(p.format)}`;
    case 'enum':
      return `取值应为：${(p.allowedValues as unknown[]).map(String).join('、')}`;
    case 'const':
      return `取值应为 ${String(p.allowedValue)}`;
    case 'additionalProperties':
      return '不允许的字段';
    case 'minItems':
      return `至少 ${String(p.limit)} 项`;
    case 'maxItems':
      return `至多 ${String(p.limit)} 项`;
    case 'maxProperties':
      return `至多 ${String(p.limit)} 个字段`;
    case 'singleLine':
      return '不能包含换行符或制表符';
    default:
      // Ajv's own English text ("must match a schema in anyOf") means nothing to a user.
      return '取值无效';
  }
}

function pathOf(e: ErrorObject): string[] {
  const p = e.params as Record<string, unknown>;
  const path = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') path.push(String(p.missingProperty));
  if (e.keyword === 'additionalProperties') path.push(String(p.additionalProperty));
  return path;
}

/** Problems named in one answer; the rest are left out (the client fixes these first). */
export const MAX_REPORTED = 20;
/** Only an input this small is validated a second time for the full list of problems. */
const FULL_REPORT_NODES = 1000;

/**
 * A copy of `schema` in which every string not marked MULTILINE refuses tab, line feed and carriage
 * return (the other control characters are refused for every field by the input guard).
 */
function withLineRule(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withLineRule);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'const' || k === 'enum' || k === 'default' ? v : withLineRule(v);
  if (out.type === 'string' && out[MULTILINE] !== true) out.singleLine = true;
  return out;
}

function ajv(options: { allErrors: boolean; coerce: boolean }): Ajv {
  const instance = new Ajv({
    allErrors: options.allErrors,
    strict: false,
    ...(options.coerce ? { coerceTypes: true, useDefaults: true } : {}),
  });
  addFormats(instance);
  instance.addKeyword({
    keyword: 'singleLine',
    type: 'string',
    schemaType: 'boolean',
    validate: (on: boolean, data: string) => !on || !/[\t\n\r]/.test(data),
  });
  return instance;
}

const instances = {
  body: { fast: ajv({ allErrors: false, coerce: false }), full: ajv({ allErrors: true, coerce: false }) },
  other: { fast: ajv({ allErrors: false, coerce: true }), full: ajv({ allErrors: true, coerce: true }) },
};

const cache = new WeakMap<TSchema, { fast: ValidateFunction; full: ValidateFunction }>();

/** Reported once per field when a more telling error on the same field is there. */
const GENERIC = new Set(['type', 'anyOf', 'oneOf', 'const', 'enum', 'if']);

/**
 * One problem per field, named by its Chinese title: a union of literals gives one list of choices,
 * a nullable value that is neither gives one "应为整数（可留空）", and a specific reason (too large, bad
 * format) wins over the generic ones Ajv adds for the union around it.
 */
function report(schema: TSchema, source: string, allErrors: ErrorObject[]): InputError {
  const byField = new Map<string, { path: string[]; errors: ErrorObject[] }>();
  // An `if` error only says a `then` branch failed; that branch's own error names the field.
  for (const e of allErrors.filter((x) => x.keyword !== 'if')) {
    const path = pathOf(e);
    const field = [source, ...path].join('.');
    const entry = byField.get(field);
    if (entry) entry.errors.push(e);
    else if (byField.size < MAX_REPORTED) byField.set(field, { path, errors: [e] });
  }
  const problems: FieldProblem[] = [];
  for (const [field, { path, errors }] of byField) {
    const specific = errors.find((e) => !GENERIC.has(e.keyword));
    const choices = errors.filter((e) => e.keyword === 'const').map((e) => (e.params as { allowedValue: unknown }).allowedValue);
    const enums = errors.find((e) => e.keyword === 'enum');
    const types = errors.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: unknown }).type));
    let reason: string;
    let keyword: string;
    if (specific) [reason, keyword] = [chineseReason(specific), specific.keyword];
    else if (choices.length || enums) {
      const allowed = [...choices, ...((enums?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues ?? [])];
      // The values by their Chinese names where the schema gives them (自住、出租…), else as they are.
      const names = choiceLabels(schema, path);
      [reason, keyword] = [
        `取值应为：${allowed
          .filter((v) => v !== null)
          .map((v) => names?.[String(v)] ?? String(v))
          .join('、')}`,
        'enum',
      ];
    } else if (types.length) [reason, keyword] = [typeReason(types.flatMap((t) => t.split(','))), 'type'];
    else [reason, keyword] = ['取值无效', errors[0]?.keyword ?? 'invalid'];
    const label = path.length && errors.some((e) => e.keyword === 'additionalProperties') ? path.join('.') : fieldLabel(schema, path);
    // `label` lets a form that shows the message beside its field leave the name out.
    problems.push({ field, reason: keyword, message: `${label}：${reason}`, label });
  }
  return new InputError('INVALID_INPUT', problems.map((p) => p.message).join('；'), problems);
}

/**
 * Compiles once per schema; `source` picks coercion (query and path parameters arrive as strings).
 * With `singleLine` (the API's own routes), only strings marked MULTILINE may hold line breaks; task
 * forms, written before that mark, keep accepting them in every text field.
 */
export function validator(
  schema: TSchema,
  source: 'body' | 'query' | 'params',
  options: { singleLine?: boolean } = {},
): (value: unknown) => unknown {
  let fns = cache.get(schema);
  if (!fns) {
    const pair = instances[source === 'body' ? 'body' : 'other'];
    const prepared = (options.singleLine ? withLineRule(schema) : schema) as TSchema;
    fns = { fast: pair.fast.compile(prepared), full: pair.full.compile(prepared) };
    cache.set(schema, fns);
  }
  const { fast, full } = fns;
  return (value) => {
    if (value === undefined && source === 'body') throw InputError.field('body', 'required', '请求体必须是 JSON 对象');
    const input = value ?? {};
    const shape = inspectInput(input, source);
    if (isProblem(shape)) throw new InputError('INVALID_INPUT', shape.message, [shape]);
    const copy = structuredClone(input);
    if (fast(copy)) return copy;
    if (shape.nodes > FULL_REPORT_NODES) throw report(schema, source, fast.errors ?? []);
    full(structuredClone(input));
    throw report(schema, source, full.errors ?? fast.errors ?? []);
  };
}
