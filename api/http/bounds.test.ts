/**
 * Every declared route bounds its input: each string has a maximum length, each array a maximum
 * count, each object a closed or counted set of fields, each number a range. A route added later
 * without bounds fails here, before a 500k-item body can reach it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../app.ts';
import { loadConfig } from '../../domain/config.ts';
import { createDb } from '../../domain/db.ts';
import { fileStoreFor } from '../../domain/files.ts';
import { createLogger } from '../../domain/logger.ts';

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

let doc: { paths: Record<string, Record<string, Operation>> };
const dataDir = mkdtempSync(join(tmpdir(), 'ydym-bounds-'));
// Nothing is connected: the database and Temporal are only reached by requests, and none is made.
const db = createDb('postgres://nobody@127.0.0.1:1/none');

before(async () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: dataDir });
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ config, db, logger: createLogger('silent'), temporal, files: fileStoreFor(dataDir) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/openapi.json`);
    doc = (await res.json()) as typeof doc;
  } finally {
    server.close();
  }
});
after(async () => {
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
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
