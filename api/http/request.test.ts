import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import express from 'express';
import { createLogger } from '../../domain/logger.ts';
import { requestContext } from './request.ts';

test('each request writes one access line with its request id, and the user id once', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  const app = express();
  app.use(requestContext(createLogger('info', 'test', sink)));
  // What the session middleware does for a signed-in user.
  app.use((req, _res, next) => {
    req.ctx.user = { id: 'u-1', username: 'town', name: '王五', role: 'town_officer', regionCode: '441802006' };
    req.ctx.log = req.ctx.log.child({ userId: 'u-1' });
    next();
  });
  app.get('/ping', (_req, res) => void res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/ping?name=张三`, { headers: { 'X-Request-Id': 'req-12345678' } });
    assert.equal(res.headers.get('x-request-id'), 'req-12345678');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const access = lines.filter((l) => l.includes('"msg":"request"'));
    assert.equal(access.length, 1);
    const line = access[0] ?? '';
    assert.equal(line.match(/"userId"/g)?.length, 1, line);
    const parsed = JSON.parse(line);
    assert.equal(parsed.requestId, 'req-12345678');
    assert.equal(parsed.userId, 'u-1');
    assert.equal(parsed.path, '/ping');
    assert.equal(parsed.status, 200);
    assert.ok(!line.includes('张三'), 'query strings are not logged');
  } finally {
    server.close();
  }
});
