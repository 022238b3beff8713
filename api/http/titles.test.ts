/**
 * Every field of a request body has a Chinese title: the validator names fields by it in its messages
 * (建成年份：应为整数（可留空）), so a field added without one would show users its English key.
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
import { HAZARD_FORMS } from '../../definitions/hazard-case/forms.ts';

type Schema = Record<string, unknown>;
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> } };

let doc: { paths: Record<string, Record<string, Operation>> };
const dataDir = mkdtempSync(join(tmpdir(), 'ydym-titles-'));
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
