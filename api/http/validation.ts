/**
 * Request validation with Ajv against the TypeBox schemas that also describe the API in OpenAPI.
 * Every problem names its field (`body.password`, `query.page`) and says why in Chinese.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { InputError } from '../../domain/errors.ts';
import type { FieldProblem } from '../../domain/errors.ts';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const FORMAT_NAMES: Record<string, string> = {
  'date-time': '日期时间（ISO 8601）',
  date: '日期（YYYY-MM-DD）',
  email: '电子邮箱',
  uuid: 'UUID',
  uri: '网址',
};

function chineseReason(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return '必填';
    case 'type':
      return `类型应为 ${String(p.type)}`;
    case 'minLength':
      return `长度不能少于 ${String(p.limit)} 个字符`;
    case 'maxLength':
      return `长度不能超过 ${String(p.limit)} 个字符`;
    case 'minimum':
      return `不能小于 ${String(p.limit)}`;
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
    default:
      return e.message ?? '取值无效';
  }
}

function fieldOf(source: string, e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const path = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') path.push(String(p.missingProperty));
  if (e.keyword === 'additionalProperties') path.push(String(p.additionalProperty));
  return [source, ...path].join('.');
}

function describe(field: string, e: ErrorObject): FieldProblem {
  const reason = chineseReason(e);
  return { field, reason: e.keyword, message: `${field.replace(/^(body|query|params)\./, '')}：${reason}` };
}

const strict = new Ajv({ allErrors: true, strict: false });
const coercing = new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true });
addFormats(strict);
addFormats(coercing);

const cache = new WeakMap<TSchema, ValidateFunction>();

/** Compiles once per schema; `source` picks coercion (query and path parameters arrive as strings). */
export function validator(schema: TSchema, source: 'body' | 'query' | 'params'): (value: unknown) => unknown {
  let fn = cache.get(schema);
  if (!fn) {
    fn = (source === 'body' ? strict : coercing).compile(schema);
    cache.set(schema, fn);
  }
  const validate = fn;
  return (value) => {
    const copy = value === undefined && source === 'body' ? undefined : structuredClone(value ?? {});
    if (copy === undefined) throw InputError.field('body', 'required', '请求体必须是 JSON 对象');
    if (validate(copy)) return copy;
    // An `if` error only says a `then` branch failed; that branch's own error names the field.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    // A union of literals fails once per literal and once as a whole: one message listing the choices.
    const choices = new Map<string, unknown[]>();
    for (const e of errors)
      if (e.keyword === 'const') {
        const field = fieldOf(source, e);
        choices.set(field, [...(choices.get(field) ?? []), (e.params as { allowedValue: unknown }).allowedValue]);
      }
    const problems = errors.flatMap((e) => {
      const field = fieldOf(source, e);
      const allowed = choices.get(field);
      if (!allowed || allowed.length < 2 || (e.keyword !== 'const' && e.keyword !== 'anyOf')) return [describe(field, e)];
      if (e.keyword === 'anyOf') return [];
      return [describe(field, { ...e, keyword: 'enum', params: { allowedValues: allowed } })];
    });
    const unique = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field && q.reason === p.reason) === i);
    throw new InputError('INVALID_INPUT', unique.map((p) => p.message).join('；'), unique);
  };
}
