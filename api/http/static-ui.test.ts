import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import express from 'express';
import { createLogger } from '../../domain/logger.ts';
import { errorMiddleware } from './errors.ts';
import { requestContext } from './request.ts';
import { serveUi } from './static-ui.ts';

/** A GET with the path sent exactly as written (fetch would resolve the dots first). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { Accept: 'text/html' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('paths that climb out of the built UI folder answer 4xx in the error shape, never 500', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'ydym-ui-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<html></html>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  const app = express();
  app.use(requestContext(createLogger('silent')));
  serveUi(app, dist);
  app.use(errorMiddleware);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    assert.equal((await rawGet(port, '/assets/app.js')).status, 200);
    for (const path of ['/assets/../..', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/etc/passwd', '/assets/missing.js']) {
      const r = await rawGet(port, path);
      assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
      assert.ok((JSON.parse(r.body) as { error: { code: string } }).error.code, `${path}: ${r.body}`);
    }
  } finally {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  }
});
