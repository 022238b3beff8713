import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { SupervisionRefused, SupervisionUnavailable, createSupervisionClient } from './client.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import type { RunningSimulator } from '../../tools/supervision-sim/simulator.ts';
import type { EscalationPayload } from './types.ts';

const SECRET = `whsec_${Buffer.from('client-test-secret').toString('base64')}`;
let sim: RunningSimulator;

function payload(caseId: string, escalationNo = 1): EscalationPayload {
  return {
    caseId,
    caseNumber: `AJ-2026-${caseId}`,
    escalationNo,
    reason: 'overdue',
    reasonText: '整改超期未完成',
    building: {
      code: '441802006001-00001',
      address: '清城区某村 1 号',
      villageCode: '441802006001',
      villageName: '某村',
      townName: '某镇',
    },
    hazard: { category: 'structure', severity: 'serious', description: '墙体开裂' },
    step: { elementId: 'Task_Rectify', name: '整改', dueAt: '2026-03-01T00:00:00Z' },
    history: [],
    evidence: [],
    callbackUrl: 'http://127.0.0.1:9/api/supervision/callbacks',
    sentAt: new Date().toISOString(),
  };
}

async function control(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sim.url}/_control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200);
}

before(async () => {
  sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0 });
});
after(() => sim.close());
beforeEach(() => control({ failRate: 0, delayMs: 0, down: false, refuse: false }));

const client = () => createSupervisionClient({ baseUrl: `${sim.url}/`, secret: SECRET, timeoutMs: 2000 });

test('a new escalation gets a receipt, and sending it again returns the same receipt marked duplicate', async () => {
  const first = await client().sendEscalation(payload('c-new'));
  assert.equal(first.duplicate, false);
  assert.match(first.receiptId, /^rcpt_/);
  const again = await client().sendEscalation(payload('c-new'));
  assert.deepEqual(again, { ...first, duplicate: true });
  assert.equal(sim.state.escalations.get('c-new:1')?.attempts, 2);
  const next = await client().sendEscalation(payload('c-new', 2));
  assert.notEqual(next.receiptId, first.receiptId, 'the next escalation of the case is a new one');
});

test('a refusal (4xx) becomes SupervisionRefused with the status and the reason', async () => {
  await control({ refuse: true });
  const error = await client()
    .sendEscalation(payload('c-refused'))
    .catch((e: unknown) => e);
  assert.ok(error instanceof SupervisionRefused);
  assert.equal(error.name, 'SupervisionRefused');
  assert.equal(error.status, 422);
  assert.match(error.message, /材料不全/);
  assert.match(error.body, /REFUSED/);
  assert.equal(sim.state.escalations.has('c-refused:1'), false);
  assert.equal(sim.state.attempts.get('c-refused:1'), 1, 'the refused delivery is counted');
});

test('a wrong secret is refused (401) rather than retried', async () => {
  const wrong = createSupervisionClient({ baseUrl: sim.url, secret: 'whsec_d3Jvbmc=', timeoutMs: 2000 });
  await assert.rejects(wrong.sendEscalation(payload('c-wrong')), (e: unknown) => e instanceof SupervisionRefused && e.status === 401);
});

test('an outage (down, or a 503 fail rate) becomes SupervisionUnavailable with the status', async () => {
  await control({ down: true });
  const down = await client()
    .sendEscalation(payload('c-down'))
    .catch((e: unknown) => e);
  assert.ok(down instanceof SupervisionUnavailable);
  assert.equal(down.name, 'SupervisionUnavailable');
  assert.equal(down.status, 503);
  await control({ down: false, failRate: 1 });
  await assert.rejects(client().sendEscalation(payload('c-down')), (e: unknown) => e instanceof SupervisionUnavailable && e.status === 503);
  await control({ failRate: 0 });
  const receipt = await client().sendEscalation(payload('c-down'));
  assert.equal(receipt.duplicate, false);
  assert.equal(sim.state.escalations.get('c-down:1')?.attempts, 3, 'failed deliveries count as attempts');
});

test('a slow answer past the timeout becomes SupervisionUnavailable', async () => {
  await control({ delayMs: 1000 });
  const slow = createSupervisionClient({ baseUrl: sim.url, secret: SECRET, timeoutMs: 150 });
  const error = await slow.sendEscalation(payload('c-slow')).catch((e: unknown) => e);
  assert.ok(error instanceof SupervisionUnavailable);
  assert.equal(error.status, undefined);
  assert.match(error.message, /150 毫秒内未应答/);
});

test('a closed port (connection refused) becomes SupervisionUnavailable', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const closed = createSupervisionClient({ baseUrl: `http://127.0.0.1:${port}`, secret: SECRET, timeoutMs: 2000 });
  const error = await closed.sendEscalation(payload('c-closed')).catch((e: unknown) => e);
  assert.ok(error instanceof SupervisionUnavailable);
  assert.match(error.message, /ECONNREFUSED/);
  assert.ok(error.cause, 'the transport error is kept as the cause');
});
