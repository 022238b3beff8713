/**
 * Every declared route bounds its input: each string has a maximum length, each array a maximum
 * count, each object a closed or counted set of fields, each number a range. A route added later
 * without bounds fails here, before a 500k-item body can reach it.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { offlineOpenApiDocument } from '../../test/support/openapi-offline.ts';

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

let doc: { paths: Record<string, Record<string, Operation>> };

before(async () => {
  doc = await offlineOpenApiDocument();
});

/** The paths inside `schema` where a value is unbounded, with the reason. */
function unbounded(schema: Schema, at: string): string[] {
  if ('const' in schema || Array.isArray(schema.enum)) return [];
  const out: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(schema[key])) (schema[key] as Schema[]).forEach((s, i) => out.push(...unbounded(s, `${at}|${key}${i}`)));
  switch (schema.type) {
    case 'string':
      if (typeof schema.maxLength !== 'number') out.push(`${at}: string without maxLength`);
      break;
    case 'number':
    case 'integer':
      if (
        typeof (schema.minimum ?? schema.exclusiveMinimum) !== 'number' ||
        typeof (schema.maximum ?? schema.exclusiveMaximum) !== 'number'
      )
        out.push(`${at}: number without minimum and maximum`);
      break;
    case 'array':
      if (typeof schema.maxItems !== 'number') out.push(`${at}: array without maxItems`);
      if (schema.items && typeof schema.items === 'object') out.push(...unbounded(schema.items as Schema, `${at}[]`));
      else out.push(`${at}: array without an items schema`);
      break;
    case 'object': {
      const extra = schema.additionalProperties;
      if (extra !== false && typeof schema.maxProperties !== 'number') out.push(`${at}: object open to any field without maxProperties`);
      if (extra && typeof extra === 'object') out.push(...unbounded(extra as Schema, `${at}.*`));
      for (const [name, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
        out.push(...unbounded(s, `${at}.${name}`));
      break;
    }
    case 'boolean':
    case 'null':
      break;
    default:
      if (!out.length && !schema.anyOf && !schema.oneOf && !schema.allOf)
        out.push(`${at}: schema without a type (${JSON.stringify(schema)})`);
  }
  return out;
}

test('the API declares its routes (the walk below sees them all)', () => {
  assert.ok(Object.keys(doc.paths).length > 50, `only ${Object.keys(doc.paths).length} paths`);
});

test('every parameter and request body of every route is bounded in length, count, fields and range', () => {
  const problems: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) if (p.in !== 'header') problems.push(...unbounded(p.schema, `${where} ${p.in}.${p.name}`));
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {}))
        problems.push(...unbounded(content.schema, `${where} body(${type})`));
    }
  assert.deepEqual(problems, []);
});

test('every path parameter is declared with a schema, so none reaches a handler unchecked', () => {
  const problems: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods))
      for (const [, name] of path.matchAll(/\{(\w+)\}/g))
        if (!(op.parameters ?? []).some((p) => p.in === 'path' && p.name === name))
          problems.push(`${method.toUpperCase()} ${path}: {${name}}`);
  assert.deepEqual(problems, []);
});
