/**
 * Every field of a request body has a Chinese title: the validator names fields by it in its messages
 * (建成年份：应为整数（可留空）), so a field added without one would show users its English key.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { offlineOpenApiDocument } from '../../test/support/openapi-offline.ts';
import { HAZARD_FORMS } from '../../definitions/hazard-case/forms.ts';

type Schema = Record<string, unknown>;
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> } };

let doc: { paths: Record<string, Record<string, Operation>> };

before(async () => {
  doc = await offlineOpenApiDocument();
});

const CHINESE = /[\u4e00-\u9fff]/;
const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);
const titleOf = (s: Schema): unknown => s.title ?? (Array.isArray(s.anyOf) ? (s.anyOf as Schema[]).find((b) => b.title)?.title : undefined);

/** The fields under `schema` without a Chinese title, by path. */
function untitled(schema: Schema, at: string): string[] {
  const out: string[] = [];
  const props = isSchema(schema.properties) ? schema.properties : {};
  for (const [key, value] of Object.entries(props)) {
    if (!isSchema(value)) continue;
    const title = titleOf(value);
    if (typeof title !== 'string' || !CHINESE.test(title)) out.push(`${at}.${key}`);
    out.push(...untitled(value, `${at}.${key}`));
  }
  for (const branch of [...((schema.anyOf as Schema[] | undefined) ?? []), ...(isSchema(schema.items) ? [schema.items] : [])])
    if (isSchema(branch)) out.push(...untitled(branch, at));
  return out;
}

test('every field of every JSON request body has a Chinese title', () => {
  const missing: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content['application/json']?.schema;
      // The task form is a free-form object here; each step's own form is checked below.
      if (schema && isSchema(schema))
        missing.push(...untitled(schema, `${method.toUpperCase()} ${path}`).filter((p) => !p.endsWith(' /api/tasks/{id}/complete.form')));
    }
  assert.deepEqual(missing, []);
});

test('every field of every task completion form has a Chinese title', () => {
  for (const [version, forms] of Object.entries(HAZARD_FORMS))
    for (const [step, schema] of Object.entries(forms)) assert.deepEqual(untitled(schema as Schema, `v${version} ${step}`), []);
});
