import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../../api/server.ts';
import { loadConfig } from '../../domain/config.ts';
import { createDb } from '../../domain/db.ts';
import { createLogger } from '../../domain/logger.ts';
import { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(async () => stack?.stop());

describe('platform', () => {
  test('/healthz answers and /readyz reports PostgreSQL, Temporal and a polling worker', async () => {
    const client = new ApiClient(stack.baseUrl);
    assert.equal((await client.get('/healthz')).status, 200);
    let ready = await client.get<{ status: string; checks: Record<string, { ok: boolean; detail: string }> }>('/readyz');
    for (let i = 0; i < 50 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await client.get('/readyz');
    }
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.checks.worker?.ok, true);
  });

  test('/readyz answers 503 and names what is missing: no worker on the queue, PostgreSQL unreachable', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TEMPORAL_TASK_QUEUE: 'nobody-polls-here', LOG_LEVEL: 'silent' });
    const deadDb = createDb('postgres://postgres@127.0.0.1:1/none', 1);
    const api = await startApi({ config, db: deadDb, logger: createLogger('silent'), temporal: stack.temporal.client, files: stack.files });
    try {
      const r = await new ApiClient(api.url).get<{ status: string; checks: Record<string, { ok: boolean; detail: string }> }>('/readyz');
      assert.equal(r.status, 503);
      assert.equal(r.body.checks.temporal?.ok, true);
      assert.equal(r.body.checks.worker?.ok, false);
      assert.match(r.body.checks.worker?.detail ?? '', /nobody-polls-here/);
      assert.equal(r.body.checks.postgres?.ok, false);
    } finally {
      await api.close();
      await deadDb.destroy();
    }
  });

  test('the OpenAPI document is 3.1 and describes every route with its errors', async () => {
    const client = new ApiClient(stack.baseUrl);
    const doc = await client.get<{ openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(
      '/api/openapi.json',
    );
    assert.equal(doc.body.openapi, '3.1.0');
    for (const path of ['/api/auth/login', '/api/users', '/api/users/{id}', '/api/regions/tree', '/api/regions/{code}', '/api/audit-log']) {
      assert.ok(doc.body.paths[path], `missing ${path}`);
    }
    assert.ok(doc.body.paths['/api/users']?.post?.responses['422']);
  });

  test('errors share one shape; unknown paths, oversized bodies and security headers', async () => {
    const client = new ApiClient(stack.baseUrl);
    const missing = await client.get<{ error: { code: string; requestId: string } }>('/api/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'ROUTE_NOT_FOUND');
    assert.equal(missing.body.error.requestId, missing.headers.get('x-request-id'));
    const big = await client.request<{ error: { code: string } }>('POST', '/api/auth/login', {
      username: 'x',
      password: 'y'.repeat(2_000_000),
    });
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'BODY_TOO_LARGE');
    const unauth = await client.get<{ error: { code: string } }>('/api/users');
    assert.equal(unauth.status, 401);
    assert.ok(unauth.headers.get('content-security-policy'));
    assert.equal(unauth.headers.get('x-content-type-options'), 'nosniff');
  });

  test('the housekeeping workflow deletes dead sessions and photos no complaint or inspection took', async () => {
    const user = (await stack.db('users').first()) as { id: string };
    await stack.db('sessions').insert({
      token_hash: Buffer.from('dead'),
      user_id: user.id,
      csrf_token: 'x',
      revoked_at: stack.db.raw(`now() - interval '2 days'`),
    });
    const photo = (fresh: boolean) => ({
      name: 'p.png',
      mime: 'image/png',
      size: 3,
      sha256: '0'.repeat(64),
      storage_key: `complaints/${fresh ? 'fresh' : 'old'}.png`,
      client_hash: 'x',
      created_at: stack.db.raw(fresh ? 'now()' : `now() - interval '3 days'`),
    });
    await stack.db('complaint_files').insert([photo(false), photo(true)]);
    await stack.files.put('complaints/old.png', 'png');
    await stack.files.put('complaints/fresh.png', 'png');
    const result = await stack.temporal.client.workflow.execute('housekeepingWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: 'hk-test',
      args: [],
    });
    assert.deepEqual(result, { sessionsDeleted: 1, idempotencyKeysDeleted: 0, orphanUploadsDeleted: 1 });
    assert.equal(await stack.files.size('complaints/old.png'), undefined);
    assert.equal(await stack.files.size('complaints/fresh.png'), 3);
  });
});
