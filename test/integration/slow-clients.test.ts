import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '1000' });
});
after(async () => {
  await stack?.stop();
});

/**
 * Opens a raw connection, sends `head`, then trickles one byte of `drip` every 100 ms; resolves when the
 * server closes the connection (or after 15 s), with what it answered and how long it held on.
 */
function trickle(head: string, drip: string): Promise<{ heldMs: number; answer: string }> {
  const { port } = new URL(stack.baseUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.writable && sent < drip.length) socket.write(drip[sent++]!);
    }, 100);
    const done = () => {
      clearInterval(timer);
      clearTimeout(limit);
      socket.destroy();
      resolve({ heldMs: Date.now() - started, answer });
    };
    const limit = setTimeout(done, 15_000);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(head);
  });
}

test('a client trickling a request body is cut off at the request timeout with 408', async () => {
  const body = JSON.stringify({ description: 'x'.repeat(2000) });
  const head =
    `POST /api/public/complaints HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  const { heldMs, answer } = await trickle(head, body);
  assert.ok(heldMs < 5_000, `held ${heldMs} ms`);
  assert.match(answer, /^HTTP\/1\.1 408/);
});

test('a client trickling its headers is cut off at the headers timeout', async () => {
  const { heldMs, answer } = await trickle('GET /healthz HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(200));
  assert.ok(heldMs < 4_000, `held ${heldMs} ms`);
  assert.match(answer, /^HTTP\/1\.1 408/);
});

test('a prompt client is served as usual', async () => {
  const response = await fetch(`${stack.baseUrl}/healthz`);
  assert.equal(response.status, 200);
});
