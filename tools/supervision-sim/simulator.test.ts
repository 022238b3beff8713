import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SupervisionRefused, createSupervisionClient } from '../../domain/supervision/client.ts';
import { signHeaders, verifySignature } from '../../domain/supervision/signing.ts';
import { beijingTime, renderSimulatorPage } from './simulator-page.ts';
import { startSupervisionSimulator } from './simulator.ts';
import type { CallbackRecord, RunningSimulator, SimulatorOptions } from './simulator.ts';
import type { EscalationPayload, SupervisionCallback } from '../../domain/supervision/types.ts';

const SECRET = `whsec_${Buffer.from('simulator-test-secret').toString('base64')}`;
const running: { close(): Promise<void> }[] = [];
after(async () => {
  for (const r of running) await r.close();
});

async function simulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0, ...options });
  running.push(sim);
  return sim;
}

function payload(caseId: string, callbackUrl = 'http://127.0.0.1:9/cb'): EscalationPayload {
  return {
    caseId,
    caseNumber: `AJ-${caseId}`,
    escalationNo: 1,
    reason: 'overdue',
    reasonText: '整改超期未完成',
    building: { code: 'B-1', address: null, villageCode: '441802006001', villageName: null, townName: null },
    hazard: { category: 'structure', severity: 'general', description: '墙体开裂' },
    step: { elementId: 'Task_Rectify', name: '整改', dueAt: null },
    history: [],
    evidence: [],
    callbackUrl,
    sentAt: new Date().toISOString(),
  };
}

/** Posts an escalation by hand, so a test can break exactly one part of the request. */
async function post(sim: RunningSimulator, body: string, headers: Record<string, string>) {
  const res = await fetch(`${sim.url}/api/escalations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as { receiptId?: string; error?: { code: string; message: string; field?: string } },
  };
}

/** A platform stand-in that records what it receives and answers with the given statuses in turn. */
async function receiver(statuses: number[] = [200]) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ accepted: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  running.push({ close });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, received };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  assert.ok(check(), `timed out waiting for ${what}`);
}

test('a forged signature is rejected with 401 and nothing is recorded', async () => {
  const sim = await simulator();
  const body = JSON.stringify(payload('c-forged'));
  const forged = signHeaders('whsec_Zm9yZ2Vk', 'msg_forged', body);
  const res = await post(sim, body, { ...forged, 'idempotency-key': 'c-forged:1' });
  assert.equal(res.status, 401);
  assert.equal(res.json.error?.code, 'SIGNATURE_BAD_SIGNATURE');
  assert.equal(sim.state.attempts.size, 0);
});

test('a replayed webhook-id is rejected with 401 even though its signature is valid', async () => {
  const sim = await simulator();
  const body = JSON.stringify(payload('c-replay'));
  const headers = { ...signHeaders(SECRET, 'msg_once', body), 'idempotency-key': 'c-replay:1' };
  assert.equal((await post(sim, body, headers)).status, 201);
  const replay = await post(sim, body, headers);
  assert.equal(replay.status, 401);
  assert.equal(replay.json.error?.code, 'SIGNATURE_REPLAYED');
});

test('every escalation request is reported as it arrives, the ones the state de-duplicates or refuses too', async () => {
  const seen: { idempotencyKey: string | undefined; messageId: string | undefined }[] = [];
  const sim = await simulator({ onEscalationRequest: ({ idempotencyKey, messageId }) => seen.push({ idempotencyKey, messageId }) });
  const client = createSupervisionClient({ baseUrl: sim.url, secret: SECRET, timeoutMs: 5000 });
  const first = await client.sendEscalation(payload('c-raw'));
  const again = await client.sendEscalation(payload('c-raw'));
  assert.equal(again.receiptId, first.receiptId);
  assert.equal(again.duplicate, true);
  const forged = JSON.stringify(payload('c-raw-forged'));
  await post(sim, forged, { ...signHeaders('whsec_Zm9yZ2Vk', 'msg_forged_raw', forged), 'idempotency-key': 'c-raw-forged:1' });
  assert.equal(sim.state.escalations.size, 1, 'recorded once');
  assert.deepEqual(
    seen.map((r) => r.idempotencyKey),
    ['c-raw:1', 'c-raw:1', 'c-raw-forged:1'],
  );
  assert.equal(new Set(seen.map((r) => r.messageId)).size, 3, 'each delivery with its own message id');
});

test('a missing Idempotency-Key is a 400, and so is a body without a required field, named', async () => {
  const sim = await simulator();
  const body = JSON.stringify(payload('c-nokey'));
  const noKey = await post(sim, body, signHeaders(SECRET, 'msg_nokey', body));
  assert.equal(noKey.status, 400);
  assert.equal(noKey.json.error?.field, 'header.idempotency-key');
  const bad = JSON.stringify({ ...payload('c-bad'), building: {} });
  const badBody = await post(sim, bad, { ...signHeaders(SECRET, 'msg_bad', bad), 'idempotency-key': 'c-bad:1' });
  assert.equal(badBody.status, 400);
  assert.equal(badBody.json.error?.field, 'body.building.code');
});

test('de-duplication survives a restart when a state file is kept', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'supervision-sim-'));
  try {
    const stateFile = join(dir, 'state.json');
    const first = await simulator({ stateFile });
    const before = await createSupervisionClient({ baseUrl: first.url, secret: SECRET, timeoutMs: 2000 }).sendEscalation(
      payload('c-restart'),
    );
    await first.close();
    assert.match(await readFile(stateFile, 'utf8'), /c-restart:1/);
    const second = await simulator({ stateFile });
    const again = await createSupervisionClient({ baseUrl: second.url, secret: SECRET, timeoutMs: 2000 }).sendEscalation(
      payload('c-restart'),
    );
    assert.deepEqual(again, { ...before, duplicate: true });
    assert.equal(second.state.escalations.size, 1);
    assert.equal(second.state.escalations.get('c-restart:1')?.attempts, 2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('with failRate 1 every escalation gets 503; back at 0 it is accepted, with the failed attempts counted', async () => {
  const sim = await simulator();
  const send = (id: string) => {
    const body = JSON.stringify(payload('c-flaky'));
    return post(sim, body, { ...signHeaders(SECRET, id, body), 'idempotency-key': 'c-flaky:1' });
  };
  const control = (body: object) =>
    fetch(`${sim.url}/_control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await control({ failRate: 1 });
  assert.equal((await send('msg_f1')).status, 503);
  assert.equal((await send('msg_f2')).status, 503);
  await control({ failRate: 0 });
  assert.equal((await send('msg_f3')).status, 201);
  assert.equal(sim.state.escalations.get('c-flaky:1')?.attempts, 3);
  assert.equal((await control({ failRate: 2 })).status, 400, 'an out-of-range rate is refused');
});

test('an instruction posted on the page reaches the platform signed with the shared secret', async () => {
  const platform = await receiver();
  const sim = await simulator();
  const receipt = await createSupervisionClient({ baseUrl: sim.url, secret: SECRET, timeoutMs: 2000 }).sendEscalation(
    payload('c-cb', platform.url),
  );
  const res = await fetch(`${sim.url}/api/escalations/${receipt.receiptId}/callbacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'instruction', text: '三日内完成整改' }),
  });
  assert.equal(res.status, 201);
  const record = (await res.json()) as CallbackRecord;
  assert.deepEqual(
    record.deliveries.map((d) => [d.ok, d.status]),
    [[true, 200]],
  );
  assert.equal(platform.received.length, 1);
  const [delivery] = platform.received;
  assert.ok(delivery);
  verifySignature(SECRET, delivery.headers, delivery.body);
  const callback = JSON.parse(delivery.body) as SupervisionCallback;
  assert.deepEqual(
    [callback.kind, callback.text, callback.caseId, callback.receiptId],
    ['instruction', '三日内完成整改', 'c-cb', receipt.receiptId],
  );
  const listed = (await (await fetch(`${sim.url}/api/escalations/${receipt.receiptId}`)).json()) as { callbacks: CallbackRecord[] };
  assert.equal(listed.callbacks.length, 1);
});

test('a new escalation is acknowledged automatically, and a failed callback is redelivered with a fresh message id', async () => {
  const platform = await receiver([503, 200]);
  const sim = await simulator({ callbackUrl: platform.url, autoAcknowledgeMs: 30, callbackRetryDelaysMs: [30, 30] });
  const body = JSON.stringify({ ...payload('c-ack'), callbackUrl: undefined });
  assert.equal((await post(sim, body, { ...signHeaders(SECRET, 'msg_ack', body), 'idempotency-key': 'c-ack:1' })).status, 201);
  await until(() => platform.received.length === 2, 'the redelivered acknowledgement');
  const [first, second] = platform.received.map((r) => ({ id: r.headers['webhook-id'], cb: JSON.parse(r.body) as SupervisionCallback }));
  assert.equal(first?.cb.kind, 'acknowledged');
  assert.equal(first?.cb.text, '已受理，请按期整改');
  assert.equal(second?.cb.idempotencyKey, first?.cb.idempotencyKey, 'the platform can de-duplicate redeliveries');
  assert.notEqual(second?.id, first?.id);
  const record = sim.state.escalations.get('c-ack:1')?.callbacks[0];
  await until(() => record?.deliveries.length === 2, 'the recorded deliveries');
  assert.deepEqual(
    record?.deliveries.map((d) => d.status),
    [503, 200],
  );
});

test('the page is a labelled simulator in Chinese, and the list shows newest first', async () => {
  const sim = await simulator();
  const client = createSupervisionClient({ baseUrl: sim.url, secret: SECRET, timeoutMs: 2000 });
  await client.sendEscalation(payload('c-old'));
  await client.sendEscalation(payload('c-young'));
  const page = await (await fetch(sim.url)).text();
  assert.match(page, /<title>政务监督信息化系统（模拟器）<\/title>/);
  assert.match(page, /模拟器，不是真实的政务监督信息化系统/);
  assert.doesNotMatch(page, /<(script|link)[^>]+(src|href)=/, 'no external assets');
  const { items } = (await (await fetch(`${sim.url}/api/escalations`)).json()) as { items: { idempotencyKey: string }[] };
  assert.deepEqual(
    items.map((i) => i.idempotencyKey),
    ['c-young:1', 'c-old:1'],
  );
});

test('starting on a port in use fails instead of pretending to run', async () => {
  const sim = await simulator();
  const port = Number(new URL(sim.url).port);
  await assert.rejects(startSupervisionSimulator({ port, secret: SECRET }), (e: NodeJS.ErrnoException) => e.code === 'EADDRINUSE');
});

test('anchors of the audit trail are kept by number across restarts; a changed root for a known number is refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ydym-sim-anchors-'));
  try {
    const stateFile = join(dir, 'state.json');
    const first = await simulator({ stateFile });
    const anchor = { no: 1, createdAt: new Date().toISOString(), root: 'a'.repeat(64), cases: 3 };
    const client = createSupervisionClient({ baseUrl: first.url, secret: SECRET, timeoutMs: 2000 });
    await client.sendAnchor(anchor);
    await client.sendAnchor(anchor);
    assert.equal(first.state.anchors.get(1)?.root, anchor.root);
    await first.close();
    const second = await simulator({ stateFile });
    const again = createSupervisionClient({ baseUrl: second.url, secret: SECRET, timeoutMs: 2000 });
    await assert.rejects(
      again.sendAnchor({ ...anchor, root: 'b'.repeat(64) }),
      (e: unknown) => e instanceof SupervisionRefused && e.status === 409,
    );
    await assert.rejects(
      again.sendAnchor({ ...anchor, no: 2, root: 'not-a-hash' }),
      (e: unknown) => e instanceof SupervisionRefused && e.status === 400,
    );
    const unsigned = await fetch(`${second.url}/api/anchors`, { method: 'POST', body: JSON.stringify(anchor) });
    assert.equal(unsigned.status, 401);
    assert.equal(second.state.anchors.get(1)?.root, anchor.root);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the simulator page shows times in Beijing time, as the platform does, whatever the browser’s zone', () => {
  assert.equal(beijingTime('2026-12-06T00:00:00Z'), '2026/12/6 08:00:00');
  assert.equal(beijingTime(null), '—');
  const page = renderSimulatorPage();
  assert.match(page, /timeZone:\s*["']Asia\/Shanghai["']/);
  assert.match(page, /接收时间（北京时间）/);
});
