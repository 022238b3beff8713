/**
 * Deadlines and the supervision system, with one definition day lasting one second: a missed deadline
 * escalates exactly once; the system down for a while still receives exactly one escalation; a refusal
 * becomes a district task; callbacks are verified, and forged or replayed ones refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import type { CaseRecord } from '../../domain/cases/store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { signHeaders } from '../../domain/supervision/signing.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import { createHouse, escalationDeliveries, openTask, registerCase, complete, waitForCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const SECRET = 'whsec_dGVzdC1kZWFkbGluZXMtc2VjcmV0LTEyMzQ=';
let stack: Stack;
let sim: Awaited<ReturnType<typeof startSupervisionSimulator>>;
let officer: ApiClient;
let house: string;
const deliveries = escalationDeliveries();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const received = (caseId: string) => [...sim.state.escalations.values()].filter((e) => e.payload.caseId === caseId);
const control = (body: Record<string, unknown>) =>
  fetch(`${sim.url}/_control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

before(async () => {
  sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0, onEscalationRequest: deliveries.record });
  stack = await startStack({ SUPERVISION_URL: sim.url, SUPERVISION_SECRET: SECRET, CASE_DAY_SECONDS: '2' });
  officer = await loggedIn(stack.baseUrl, 'officer');
  house = await createHouse(officer);
});
after(async () => {
  try {
    await recordHistoriesThenStop(stack, 'case-deadlines');
  } finally {
    await sim?.close();
  }
});

describe('deadlines and escalation', () => {
  test('a missed assign deadline reminds, then escalates exactly once, and the case stays open', async () => {
    const c = await registerCase(officer, house);
    const now = await waitForCase(officer, c.id, (x) => x.escalations[0]?.status === 'accepted', 20_000);
    assert.equal(now.status, 'assigning');
    await sleep(3000);
    const trail = await officer.get<{ data: { type: string }[] }>(`/api/cases/${c.id}/events`);
    const types = trail.body.data.map((e) => e.type);
    assert.equal(types.filter((t) => t === 'task.overdue').length, 1);
    assert.equal(types.filter((t) => t === 'escalation.requested').length, 1);
    assert.ok(types.includes('task.reminded'), types.join());
    assert.equal(received(c.id).length, 1);
    assert.equal(received(c.id)[0]?.payload.reason, 'overdue');
    // Counted where it arrives, before the simulator's de-duplication: delivered once, not sent twice.
    assert.deepEqual(
      deliveries.ofCase(c.id).map((d) => d.idempotencyKey),
      [`${c.id}:1`],
    );
  });

  test('a case started on definition version 1 keeps its timers after version 2 became the latest', async () => {
    const cases = new DatabaseCaseStore(stack.db);
    const input = { buildingCode: house, regionCode: '441802006001', category: 'other' as const, severity: 'general' as const };
    const old = await stack.db.transaction((trx) =>
      cases.create({ ...input, description: '旧版本案件', source: 'officer', sourceRef: null, definitionVersion: 1, createdBy: null }, trx),
    );
    await new CaseWorkflows(stack.temporal.client, stack.config).start((await cases.find(null, old.id)) as CaseRecord, null);
    const current = await registerCase(officer, house);
    assert.equal(LATEST_HAZARD_CASE_VERSION, 2);
    const reminders = async (id: string) => {
      await waitForCase(officer, id, (x) => x.escalations[0]?.status === 'accepted', 20_000);
      const trail = await officer.get<{ data: { type: string }[] }>(`/api/cases/${id}/events`);
      return trail.body.data.filter((e) => e.type === 'task.reminded').length;
    };
    assert.equal(await reminders(old.id), 1, 'version 1: one reminder before the assign deadline');
    assert.equal(await reminders(current.id), 2, 'version 2: two reminders');
    assert.equal((await officer.get<{ definitionVersion: number }>(`/api/cases/${old.id}`)).body.definitionVersion, 1);
  });

  test('the supervision system down for a while, then up, receives exactly one escalation', async () => {
    await control({ down: true });
    const c = await registerCase(officer, house);
    await waitForCase(officer, c.id, (x) => x.escalations[0]?.status === 'sending', 20_000);
    await sleep(3000);
    assert.equal(received(c.id).length, 0, 'nothing recorded while down');
    await control({ down: false });
    const now = await waitForCase(officer, c.id, (x) => x.escalations[0]?.status === 'accepted', 40_000);
    assert.equal(now.escalationCount, 1);
    const got = received(c.id);
    assert.equal(got.length, 1);
    assert.ok((got[0]?.attempts ?? 0) >= 1);
    // The retries are the same escalation: each delivery carries its key, each with a fresh message id.
    const sent = deliveries.ofCase(c.id);
    assert.ok(sent.length >= 2, `retried while down: ${sent.length} deliveries`);
    assert.deepEqual(new Set(sent.map((d) => d.idempotencyKey)), new Set([`${c.id}:1`]));
    assert.equal(new Set(sent.map((d) => d.messageId)).size, sent.length);
  });

  test('a refused escalation becomes a task for a district officer, never a silent drop', async () => {
    await control({ refuse: true });
    try {
      const c = await registerCase(officer, house);
      const now = await waitForCase(officer, c.id, (x) => x.openTasks.some((t) => t.step === 'escalationRefused'), 20_000);
      assert.equal(now.escalations[0]?.status, 'refused');
      assert.ok(now.escalations[0]?.error);
      const task = openTask(now, 'escalationRefused');
      const done = await complete(officer, task.id, { action: 'handled', note: '已电话沟通，材料补齐后再报' });
      assert.ok(!done.openTasks.some((t) => t.step === 'escalationRefused'));
    } finally {
      await control({ refuse: false });
    }
  });

  test('callbacks: a signed one is shown on the case; a forged and a replayed one are refused', async () => {
    const c = await registerCase(officer, house);
    const escalated = await waitForCase(officer, c.id, (x) => x.escalations[0]?.status === 'accepted', 20_000);
    const receiptId = escalated.escalations[0]?.receiptId as string;
    const sent = await fetch(`${sim.url}/api/escalations/${receiptId}/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'instruction', text: '请于三日内完成整改并上报' }),
    });
    assert.equal(sent.status, 201, await sent.text());
    const shown = await waitForCase(officer, c.id, (x) => x.callbacks.some((cb) => cb.text === '请于三日内完成整改并上报'));
    assert.equal(shown.callbacks.length, 1);

    const url = `${stack.baseUrl}/api/supervision/callbacks`;
    const body = JSON.stringify({
      id: 'cb_test_1',
      idempotencyKey: `${receiptId}:test`,
      caseId: c.id,
      receiptId,
      kind: 'result',
      text: '已办结',
      at: new Date().toISOString(),
    });
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signHeaders('whsec_d3Jvbmctc2VjcmV0', 'msg_forged', body) },
      body,
    });
    assert.equal(forged.status, 401);
    const headers = { 'content-type': 'application/json', ...signHeaders(SECRET, 'msg_once', body) };
    const first = await fetch(url, { method: 'POST', headers, body });
    assert.equal(first.status, 200, await first.text());
    const replay = await fetch(url, { method: 'POST', headers, body });
    assert.equal(replay.status, 401);
    assert.match(((await replay.json()) as { error: { code: string } }).error.code, /REPLAY/);
    const stale = { 'content-type': 'application/json', ...signHeaders(SECRET, 'msg_old', body, new Date(Date.now() - 3_600_000)) };
    assert.equal((await fetch(url, { method: 'POST', headers: stale, body })).status, 401);
    const final = await waitForCase(officer, c.id, (x) => x.escalations[0]?.status === 'handled');
    assert.equal(final.callbacks.length, 2);
  });
});
