/**
 * The audit trail an auditor reads (`GET /api/audit-log`): every mutation in one place. Actions on a
 * case are recorded in its event trail (`case_events`) and listed beside the audit log; evidence
 * uploads and complaint verifications are written to the audit log. Each is found with the filters.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, upload } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let sim: Awaited<ReturnType<typeof startSupervisionSimulator>>;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let auditor: ApiClient;
let house: string;
const VILLAGE = '441802006001';
const SECRET = 'whsec_dGVzdC1zdXBlcnZpc2lvbi1zZWNyZXQ=';

before(async () => {
  sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0 });
  stack = await startStack({ SUPERVISION_URL: sim.url, SUPERVISION_SECRET: SECRET });
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
  house = await createHouse(officer, { latitude: 23.7105, longitude: 113.0412 });
});
after(async () => {
  try {
    await recordHistoriesThenStop(stack, 'audit');
  } finally {
    await sim?.close();
  }
});

interface Entry {
  id: string;
  source: 'audit' | 'case';
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  regionCode: string | null;
  details: Record<string, unknown>;
}

/**
 * The auditor's list, read again while the case's workflow is still writing (an escalation records its
 * delivery after the request answered): the count and the page are read on two connections at once, so
 * they agree once the writes have settled.
 */
async function trail(query: Record<string, string>): Promise<Entry[]> {
  const url = `/api/audit-log?${new URLSearchParams({ perPage: '100', ...query })}`;
  for (let attempt = 1; ; attempt++) {
    const r = await auditor.get<{ data: Entry[]; total: number }>(url);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    if (r.body.total === r.body.data.length || attempt === 20) {
      assert.equal(r.body.total, r.body.data.length);
      return r.body.data;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const userId = async (username: string) => ((await stack.db('users').where({ username }).first('id')) as { id: string }).id;

describe('audit trail', () => {
  test('task claim, release, complete and reassign, evidence upload, escalation and cancel each leave a row the auditor finds with the filters', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const c = await registerCase(officer, house);
    const assign = openTask(c, 'assign').id;
    assert.equal((await town.post(`/api/tasks/${assign}/claim`, {})).status, 200);
    assert.equal((await town.post(`/api/tasks/${assign}/release`, {})).status, 200);
    const assigned = await complete(town, assign, ASSIGN_FORM);
    const inspector2 = await userId('inspector2');
    const reassigned = await town.post(`/api/tasks/${openTask(assigned, 'rectify').id}/reassign`, {
      userId: inspector2,
      reason: '原排查员休假',
    });
    assert.equal(reassigned.status, 200, JSON.stringify(reassigned.body));
    const photo = await upload(inspector, c.id);
    assert.equal((await town.post(`/api/cases/${c.id}/escalate`, { reason: '整改进度缓慢，请督办' })).status, 200);
    assert.equal((await officer.post(`/api/cases/${c.id}/cancel`, { reason: '经核实为误报' })).status, 200);

    const all = await trail({ subjectType: 'Case', subjectId: c.id, order: 'asc', sort: 'at' });
    const actions = all.map((e) => `${e.source}:${e.action}:${e.actorName ?? '系统'}`);
    for (const expected of [
      'audit:case.register:陈业务',
      'case:task.claimed:黄镇街',
      'case:task.released:黄镇街',
      'case:task.completed:黄镇街',
      'case:task.reassigned:黄镇街',
      'audit:case.file_upload:李排查',
      'case:escalation.requested:黄镇街',
      'case:case.cancelled:陈业务',
    ]) {
      assert.ok(actions.includes(expected), `${expected} missing from ${actions.join(', ')}`);
    }
    assert.ok(all.every((e) => e.regionCode === VILLAGE));
    // Every entry about the case names it by its number, the audit log's own rows included.
    assert.deepEqual([...new Set(all.map((e) => e.subjectLabel))], [c.number]);
    const upload_ = all.find((e) => e.action === 'case.file_upload');
    assert.equal(upload_?.details.fileId, photo);
    // The trail shows the responsible party as the case trail does: masked.
    const completed = all.find((e) => e.action === 'task.completed');
    assert.deepEqual((completed?.details.data as { form: { responsibleParty: unknown } }).form.responsibleParty, {
      name: '张*',
      phone: '138****5678',
      relation: 'owner',
    });
    assert.ok(!JSON.stringify(all).includes('13812345678'));

    // By actor and source: only the town officer's case actions.
    const townId = await userId('town');
    const byTown = await trail({ actorId: townId, source: 'case', subjectId: c.id });
    assert.deepEqual(
      new Set(byTown.map((e) => e.action)),
      new Set(['task.claimed', 'task.released', 'task.completed', 'task.reassigned', 'escalation.requested']),
    );
    // By type, date and region.
    const reassigns = await trail({ action: 'task.reassigned', from: since, regionCode: VILLAGE.slice(0, 9) });
    assert.deepEqual(
      reassigns.map((e) => e.subjectId),
      [c.id],
    );
    assert.deepEqual(await trail({ action: 'task.reassigned', regionCode: '441802007' }), []);
    assert.deepEqual(await trail({ action: 'task.reassigned', to: since }), []);
    // The UI reads the same list, newest first by default.
    const newest = await trail({ subjectId: c.id });
    assert.deepEqual(
      newest.map((e) => e.at),
      newest.map((e) => e.at).sort((a, b) => b.localeCompare(a)),
    );
  });

  test('a complaint verification leaves an audit row with the verdict; a town outside sees none of it', async () => {
    const citizen = new ApiClient(stack.baseUrl);
    const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: house,
      category: 'structure_damage',
      description: '外墙有很长的裂缝，担心倒塌',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    const id = list.body.data[0]?.id as string;
    const verified = await inspector.post(`/api/complaints/${id}/verify`, {
      result: 'unfounded',
      reply: '现场查看墙体完好，张三(13800138000)已知悉',
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const rows = await trail({ action: 'complaint.verify', subjectId: id, actorId: await userId('inspector') });
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.details, { trackingNo: filed.body.trackingNo, result: 'unfounded', caseId: null });
    assert.equal(rows[0]?.subjectLabel, filed.body.trackingNo);
    // Views of personal data are actions the filter offers like any other.
    assert.equal((await inspector.get(`/api/complaints/${id}/contact`)).status, 200);
    const viewed = await trail({ action: 'complaint.contact_viewed', subjectId: id });
    assert.deepEqual(
      viewed.map((e) => [e.subjectLabel, e.actorName]),
      [[filed.body.trackingNo, '李排查']],
    );
    const unknown = await auditor.get<{ error: { field: string } }>('/api/audit-log?action=nothing.done');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, 'query.action');
    assert.ok(!JSON.stringify(rows).includes('13800138000'), 'the reply stays on the complaint');
  });
});
