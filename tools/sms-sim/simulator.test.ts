/** The SMS simulator with the platform's own provider client: signed requests, one message per key through failures, signed receipts, labelled a simulator. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { SmsRefused, SmsUnavailable, createSmsProvider } from '../../domain/sms/client.ts';
import { signHeaders, verifySignature } from '../../domain/supervision/signing.ts';
import { startSmsSimulator } from './simulator.ts';
import type { RunningSmsSimulator } from './simulator.ts';

const SECRET = `whsec_${Buffer.from('sms-simulator-test-secret').toString('base64')}`;
const running: { close(): Promise<void> }[] = [];
after(async () => {
  for (const r of running) await r.close();
});

async function simulator(): Promise<RunningSmsSimulator> {
  const sim = await startSmsSimulator({ port: 0, secret: SECRET, receiptDelayMs: 10 });
  running.push(sim);
  return sim;
}

/** A platform stand-in that records the receipts it receives. */
async function receiver() {
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sms/receipts`, got };
}

const message = (key: string, callbackUrl: string) => ({
  key,
  phone: '13812345678',
  template: 'rectification_notice',
  text: '【测试】请整改',
  callbackUrl,
});

test('retried through failures, a key is taken once and answered with the same id; the receipt is signed', async () => {
  const sim = await simulator();
  const platform = await receiver();
  const provider = createSmsProvider({ baseUrl: sim.url, secret: SECRET, timeoutMs: 5000 });
  sim.control.failRate = 0.7;
  const ids = new Set<string>();
  let failures = 0;
  while (ids.size === 0 || sim.requests.get('k1')! < 6) {
    try {
      ids.add((await provider.send(message('k1', platform.url))).providerId);
    } catch (error) {
      assert.ok(error instanceof SmsUnavailable, String(error));
      failures++;
    }
  }
  sim.control.failRate = 0;
  assert.equal(ids.size, 1, 'one provider id for the key');
  assert.equal([...sim.messages.values()].filter((m) => m.key === 'k1').length, 1);
  assert.ok(failures > 0);
  const again = await provider.send(message('k1', platform.url));
  assert.deepEqual(again, { providerId: [...ids][0], duplicate: true });
  while (platform.got.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(platform.got.length, 1, 'one receipt for one message');
  const receipt = platform.got[0]!;
  verifySignature(SECRET, receipt.headers, receipt.body);
  const sent = JSON.parse(receipt.body) as { key: string; status: string; providerId: string };
  assert.deepEqual([sent.key, sent.status, sent.providerId], ['k1', 'delivered', [...ids][0]]);
});

test('an unsigned, wrongly signed or replayed request is refused; a bad number is a refusal, not an outage', async () => {
  const sim = await simulator();
  const body = JSON.stringify(message('k2', ''));
  const post = (headers: Record<string, string>) =>
    fetch(`${sim.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k2', ...headers },
      body,
    });
  assert.equal((await post({})).status, 401);
  assert.equal((await post(signHeaders(`whsec_${Buffer.from('another-secret-entirely').toString('base64')}`, 'm1', body))).status, 401);
  const signed = signHeaders(SECRET, 'm2', body);
  assert.equal((await post(signed)).status, 201);
  assert.equal((await post(signed)).status, 401, 'a replayed message id');
  const provider = createSmsProvider({ baseUrl: sim.url, secret: SECRET, timeoutMs: 5000 });
  await assert.rejects(provider.send({ ...message('k3', ''), phone: '12345' }), SmsRefused);
  sim.control.down = true;
  await assert.rejects(provider.send(message('k4', '')), SmsUnavailable);
});

test('its page says it is a simulator and masks phones; controls are validated', async () => {
  const sim = await simulator();
  const provider = createSmsProvider({ baseUrl: sim.url, secret: SECRET, timeoutMs: 5000 });
  await provider.send(message('k5', ''));
  const page = await (await fetch(sim.url)).text();
  assert.match(page, /短信平台（模拟器）/);
  assert.match(page, /不会向任何手机发送短信/);
  assert.match(page, /138\*\*\*\*5678/);
  assert.doesNotMatch(page, /13812345678/);
  const bad = await fetch(`${sim.url}/_control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"failRate":2}',
  });
  assert.equal(bad.status, 400);
});
