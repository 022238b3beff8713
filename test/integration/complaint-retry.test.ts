/**
 * A citizen's complaint retried after a failure that came once its row was committed (as a case
 * registration, issue 21's soak): Temporal unreachable before or after the workflow really started, a
 * 503, the key freed, and the retry with the same Idempotency-Key filing a second complaint. The API is
 * the real app on the real database and Temporal, its client failing on cue. A retry answers the same
 * complaint (one row, one workflow, one notice to its verifiers) with a secret that opens its progress
 * page; a third send replays that answer.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { complaintWorkflowId } from '../../workflows/complaint/messages.ts';
import { createHouse } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { startFaultyApi } from '../support/faulty-temporal.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let api: Awaited<ReturnType<typeof startFaultyApi>>;
let citizen: ApiClient;
let house: string;

before(async () => {
  stack = await startStack();
  api = await startFaultyApi(stack, 'start');
  citizen = new ApiClient(api.url);
  house = await createHouse(await loggedIn(api.url, 'officer'));
});
after(async () => {
  await api.close();
  await stack.stop();
});

type Filed = { trackingNo: string; secret: string; progress: { status: string } };
const complaintsOfHouse = async () =>
  Number(((await stack.db('complaints').where({ building_code: house }).count({ n: '*' }).first()) as { n: string }).n);

for (const mode of ['fail-before', 'fail-after'] as const) {
  test(`a complaint whose start fails ${mode === 'fail-before' ? 'before' : 'after'} Temporal got it, retried with its key, is one complaint`, async () => {
    const before = await complaintsOfHouse();
    const key = randomUUID();
    const body = { buildingCode: house, category: 'structure_damage', description: `外墙裂缝越来越大（${mode}）`, fileIds: [] };
    api.failNext(mode);
    const first = await citizen.post<{ error: { code: string } }>('/api/public/complaints', body, { 'Idempotency-Key': key });
    assert.equal(first.status, 503, JSON.stringify(first.body));
    assert.equal(first.body.error.code, 'TEMPORAL_UNAVAILABLE');
    const retry = await citizen.post<Filed>('/api/public/complaints', body, { 'Idempotency-Key': key });
    assert.equal(retry.status, 201, JSON.stringify(retry.body));
    assert.equal(await complaintsOfHouse(), before + 1, 'one complaint, not two');
    const again = await citizen.post<Filed>('/api/public/complaints', body, { 'Idempotency-Key': key });
    assert.deepEqual(
      [again.body.trackingNo, again.body.secret],
      [retry.body.trackingNo, retry.body.secret],
      'a third send replays the answer',
    );

    // The secret the retry answered opens the progress page; the workflow runs; its verifiers are told once.
    const progress = await citizen.post<{ status: string }>('/api/public/complaints/progress', {
      trackingNo: retry.body.trackingNo,
      secret: retry.body.secret,
    });
    assert.equal(progress.status, 200, JSON.stringify(progress.body));
    const row = (await stack.db('complaints').where({ tracking_no: retry.body.trackingNo }).first('id', 'workflow_started_at')) as {
      id: string;
      workflow_started_at: Date | null;
    };
    assert.ok(row.workflow_started_at, 'its start is marked');
    const described = await stack.temporal.client.workflow.getHandle(complaintWorkflowId(row.id)).describe();
    assert.equal(described.status.name, 'RUNNING');
    const notices = await stack
      .db('notifications')
      .where({ link: `/complaints/${row.id}/show` })
      .count({ n: '*' })
      .first();
    assert.ok(Number((notices as { n: string }).n) >= 1, 'its verifiers are told');
    const keys = await stack
      .db('notifications')
      .where({ link: `/complaints/${row.id}/show` })
      .select('user_id');
    assert.equal(new Set(keys.map((k: { user_id: string }) => k.user_id)).size, keys.length, 'each verifier once');
  });
}

test('another key is another complaint, as before', async () => {
  const before = await complaintsOfHouse();
  const body = { buildingCode: house, category: 'structure_damage', description: '屋顶漏水严重，墙体开裂', fileIds: [] };
  const a = await citizen.post<Filed>('/api/public/complaints', body);
  const b = await citizen.post<Filed>('/api/public/complaints', body);
  assert.deepEqual([a.status, b.status], [201, 201]);
  assert.notEqual(a.body.trackingNo, b.body.trackingNo);
  assert.equal(await complaintsOfHouse(), before + 2);
});
