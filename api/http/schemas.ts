/** Schemas shared by many routes: the list convention, the error shape, identifiers. */
import { Type } from '@sinclair/typebox';
import type { SchemaOptions, StringOptions, TProperties, TSchema } from '@sinclair/typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code' }),
      message: Type.String({ description: 'Chinese message for the user' }),
      field: Type.Optional(Type.String({ description: 'The first field at fault, e.g. body.password' })),
      details: Type.Optional(
        Type.Array(Type.Object({ field: Type.String(), reason: Type.String(), message: Type.String() }, { additionalProperties: true })),
      ),
      requestId: Type.String(),
    }),
  },
  { $id: 'Error' },
);

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });

/** Marks a string field that may hold several lines; every other string refuses tab and line breaks. */
export const MULTILINE = 'x-multiline';

/** Free text that may hold several lines (descriptions, notes, replies, reasons). */
export const Text = (options: StringOptions & { maxLength: number }) => Type.String({ ...options, [MULTILINE]: true });

/** A value or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** One of the given string values (an enumeration's values); pass `x-labels` to name them in messages. */
export const literals = <T extends string>(values: readonly T[], options: SchemaOptions = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
export const RegionCode = Type.String({
  pattern: '^(0|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$',
  maxLength: 12,
  description: 'Administrative region code',
});
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

/** Query parameters of a list: paging, sort over `sortFields`, and the resource's filters. */
export function listQuery<F extends TProperties>(sortFields: readonly [string, ...string[]], filters: F) {
  return Type.Object(
    {
      page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
      perPage: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
      sort: Type.Optional(Type.Union(sortFields.map((f) => Type.Literal(f)))),
      order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
      ids: Type.Optional(
        Type.String({ pattern: '^[\\w-]+(,[\\w-]+){0,99}$', maxLength: 4000, description: 'Comma-separated ids (getMany)' }),
      ),
      ...filters,
    },
    { additionalProperties: false },
  );
}

/** `{ data, total }` of a list. */
export function listOf(item: TSchema) {
  return Type.Object({ data: Type.Array(item), total: Type.Integer() });
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** `ids` of a list whose records are keyed by UUID (any other text failed in PostgreSQL as a 500). */
export const UuidIds = Type.String({
  pattern: `^${UUID}(,${UUID}){0,99}$`,
  maxLength: 3699,
  description: 'Comma-separated UUIDs (getMany)',
});

export function splitIds(ids: string | undefined): string[] | undefined {
  return ids === undefined ? undefined : ids.split(',');
}

/** The standard error responses of an authenticated route. */
export const AUTH_ERRORS = {
  400: { description: '请求参数错误', schema: ErrorResponse },
  401: { description: '未登录或登录已失效', schema: ErrorResponse },
  403: { description: '无权限', schema: ErrorResponse },
} as const;
