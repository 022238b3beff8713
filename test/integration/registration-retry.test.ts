/**
 * A case registration retried after a failure that came once its row was committed (the soak of issue
 * 21 found it: Temporal slow or the pool dry after the commit, a 503, the key freed, and the client's
 * retry registering a second case). The API here is the real app on the real database and Temporal,
 * its Temporal client failing on cue as an unreachable frontend does (gRPC UNAVAILABLE), before or after
 * the workflow really started. A retry with the same Idempotency-Key answers the same case; one case
 * row, one workflow, one registration in the case's trail.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createHouse, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startFaultyApi } from '../support/faulty-temporal.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let api: Awaited<ReturnType<typeof startFaultyApi>>;
let officer: ApiClient;
let house: string;

before(async () => {
  stack = await startStack();
  api = await startFaultyApi(stack, 'executeUpdateWithStart');
  officer = await loggedIn(api.url, 'officer');
  house = await createHouse(officer);
});
after(async () => {
  await api.close();
  await stack.stop();
});

const casesOfHouse = async () => ((await stack.db('cases').where({ building_code: house }).count({ n: '*' }).first()) as { n: string }).n;

for (const mode of ['fail-before', 'fail-after'] as const) {
  test(`a registration whose start fails ${mode === 'fail-before' ? 'before' : 'after'} Temporal got it, retried with its key, is one case`, async () => {
    const before = Number(await casesOfHouse());
    const key = randomUUID();
    const body = { buildingCode: house, category: 'structure_damage', severity: 'general', description: `重试登记 ${mode}` };
    api.failNext(mode);
    const first = await officer.post<{ error: { code: string } }>('/api/cases', body, { 'Idempotency-Key': key });
    assert.equal(first.status, 503, JSON.stringify(first.body));
    assert.equal(first.body.error.code, 'TEMPORAL_UNAVAILABLE');
    const retry = await officer.post<CaseInfo>('/api/cases', body, { 'Idempotency-Key': key });
    assert.equal(retry.status, 201, JSON.stringify(retry.body));
    assert.equal(Number(await casesOfHouse()), before + 1, 'one case, not two');
    const again = await officer.post<CaseInfo>('/api/cases', body, { 'Idempotency-Key': key });
    assert.equal(again.body.id, retry.body.id, 'a third send replays the answer');
    const c = await waitForCase(officer, retry.body.id, (x) => x.openTasks.some((t) => t.step === 'assign'));
    const registered = await stack.db('case_events').where({ case_id: c.id, type: 'case.registered' }).count({ n: '*' }).first();
    assert.equal(Number((registered as { n: string }).n), 1);
    const audits = await stack.db('audit_log').where({ action: 'case.register', subject_id: c.id }).count({ n: '*' }).first();
    assert.equal(Number((audits as { n: string }).n), 1, 'registered once in the audit log');
  });
}

test('another key is another case, as before', async () => {
  const before = Number(await casesOfHouse());
  const body = { buildingCode: house, category: 'structure_damage', severity: 'general', description: '两次登记' };
  const a = await officer.post<CaseInfo>('/api/cases', body);
  const b = await officer.post<CaseInfo>('/api/cases', body);
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.notEqual(a.body.id, b.body.id);
  assert.equal(Number(await casesOfHouse()), before + 2);
});
