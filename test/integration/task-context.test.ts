/**
 * What a task shows its person, and 分派 of a house's open cases together, on real Temporal and
 * PostgreSQL through the API: the hazard as the inspection or the complaint found it (the complainant
 * never named), the house in brief with its owner masked, the house's other open cases, the decision in
 * force for the rectifier; and one batch assigning two cases, each in its own trail, a partial failure
 * saying which case and why, a retry finishing the rest and a second retry changing nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ASSIGN_FORM, complete, createHouse, openTask, tinyPng, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { ApiClient, firstSignIn, loggedIn } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let town2: ApiClient;
let inspector: ApiClient;
let farInspector: ApiClient;
let citizen: ApiClient;
const AT = { latitude: 23.7005, longitude: 113.0312 };

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  citizen = new ApiClient(stack.baseUrl);
  const admin = await loggedIn(stack.baseUrl, 'admin');
  const users = [
    { username: 'town2', name: '何镇街', role: 'town_officer', regionCode: '441802006', password: 'Town#2026x' },
    { username: 'faraway', name: '远排查', role: 'inspector', regionCode: '441802007001', password: 'Far#2026xx' },
  ];
  for (const u of users) assert.equal((await admin.post('/api/users', { ...u, phone: null })).status, 201);
  town2 = await firstSignIn(stack.baseUrl, 'town2', 'Town#2026x');
  farInspector = await firstSignIn(stack.baseUrl, 'faraway', 'Far#2026xx');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'task-context');
});

type Discovery = {
  kind: string;
  description: string | null;
  notes?: string | null;
  position: { latitude: number; longitude: number } | null;
  files: { id: string; mime: string }[];
  inspectorName?: string;
  trackingNo?: string;
};
type Context = {
  caseId: string;
  hazard: { category: string; description: string };
  discoveries: Discovery[];
  house: Record<string, unknown>;
  otherOpenCases: { id: string; number: string; category: string; assignTaskId: string | null; assignable: boolean }[];
  decision: { responsible: { name: string; phone: string | null }; measures: string[]; rectifyDeadline: string | null } | null;
};
type Result = { taskId: string; caseId: string; caseNumber: string; ok: boolean; status?: string; httpStatus?: number; message?: string };
type ErrorReply = { error: { code: string; message: string; details?: { field: string }[] } };

/** A house with one inspection finding two hazards (with a photo and notes): the two new cases. */
async function houseWithTwoHazards(): Promise<{ code: string; cases: CaseInfo[] }> {
  const code = await createHouse(officer, { ...AT, use: 'business', businessCategory: 'catering', floorsAbove: 4 });
  const pic = await inspector.request<{ id: string }>('POST', `/api/inspection-files?buildingCode=${code}`, tinyPng(), {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent('东墙.png'),
  });
  assert.equal(pic.status, 201, JSON.stringify(pic.body));
  const r = await inspector.post<{ hazards: { category: string; caseId: string }[] }>('/api/inspections', {
    id: randomUUID(),
    buildingCode: code,
    judgement: 'some',
    hazards: [
      { category: 'structure_damage', description: '东侧承重墙斜向裂缝' },
      { category: 'ancillary', description: '阳台栏板松动' },
    ],
    notes: '户主在场，二楼住人',
    fileIds: [pic.body.id],
    position: { latitude: AT.latitude + 0.0002, longitude: AT.longitude, accuracy: 8 },
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  // The damage case first, then the balcony's (the inspection lists its hazards by category).
  const ids = ['structure_damage', 'ancillary'].map((k) => r.body.hazards.find((h) => h.category === k)?.caseId as string);
  const cases = await Promise.all(ids.map((id) => waitForCase(town, id, (c) => c.status === 'assigning')));
  return { code, cases };
}

const events = async (caseId: string) => (await stack.db('case_events').where({ case_id: caseId }).count({ n: '*' }).first())?.n;

describe('task context', () => {
  test('an assign task shows the hazard as found, the house in brief (owner masked) and the house’s other open case', async () => {
    const { code, cases } = await houseWithTwoHazards();
    const [damage, balcony] = cases as [CaseInfo, CaseInfo];
    const task = openTask(damage, 'assign');
    const r = await town.get<Context>(`/api/tasks/${task.id}/context`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { hazard, discoveries, house, otherOpenCases } = r.body;
    assert.equal(hazard.description, '东侧承重墙斜向裂缝');
    assert.equal(discoveries.length, 1);
    const found = discoveries[0] as Discovery;
    assert.equal(found.kind, 'inspection');
    assert.equal(found.description, '东侧承重墙斜向裂缝');
    assert.equal(found.notes, '户主在场，二楼住人');
    assert.equal(found.inspectorName, '李排查');
    assert.equal(found.position?.latitude, AT.latitude + 0.0002);
    assert.equal(found.files.length, 1);
    // The photo loads for the officer from the link the page uses.
    const img = await fetch(`${stack.baseUrl}/api/inspection-files/${found.files[0]?.id}`, { headers: { cookie: town.cookieHeader() } });
    assert.equal(img.status, 200);
    assert.equal(house.code, code);
    assert.equal(house.address, '凤城街道高基里 8 号');
    assert.equal(house.villageName, '高基里社区居委会');
    assert.equal(house.use, 'business');
    assert.equal(house.floorsAbove, 4);
    assert.equal(house.structureType, 'brick_concrete');
    assert.equal(house.latestJudgement, 'some');
    assert.equal(house.ownerName, '张*');
    assert.doesNotMatch(JSON.stringify(r.body), /张三|13812345678/);
    assert.deepEqual(
      otherOpenCases.map((o) => [o.id, o.assignTaskId, o.assignable]),
      [[balcony.id, openTask(balcony, 'assign').id, true]],
    );
    // An inspector sees the other case but may not assign it.
    const seen = await inspector.get<Context>(`/api/tasks/${task.id}/context`);
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    assert.deepEqual(
      seen.body.otherOpenCases.map((o) => [o.id, o.assignable]),
      [[balcony.id, false]],
    );
    assert.equal(r.body.decision, null);
  });

  test('outside the reader’s region the context is 404, as the task is', async () => {
    const { cases } = await houseWithTwoHazards();
    const task = openTask(cases[0] as CaseInfo, 'assign');
    const r = await farInspector.get<ErrorReply>(`/api/tasks/${task.id}/context`);
    assert.equal(r.status, 404, JSON.stringify(r.body));
    assert.equal((await farInspector.get(`/api/tasks/${task.id}`)).status, 404);
  });

  test('a case from a complaint shows what was reported and where, never who reported it', async () => {
    const code = await createHouse(officer, { ...AT, address: '凤城街道高基里 30 号' });
    const photo = await citizen.request<{ id: string }>('POST', '/api/public/complaint-files', tinyPng(), { 'Content-Type': 'image/png' });
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    const filed = await citizen.post<{ trackingNo: string } & ErrorReply>('/api/public/complaints', {
      buildingCode: code,
      category: 'surroundings',
      description: '屋后山坡有泥土滑落',
      fileIds: [photo.body.id],
      name: '赵举报',
      phone: '13911112222',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    const id = list.body.data[0]?.id as string;
    const v = await inspector.post<{ caseId: string }>(`/api/complaints/${id}/verify`, { result: 'confirmed', reply: '已立案整改' });
    assert.equal(v.status, 200, JSON.stringify(v.body));
    const c = await waitForCase(town, v.body.caseId, (x) => x.status === 'assigning');
    const r = await town.get<Context>(`/api/tasks/${openTask(c, 'assign').id}/context`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const found = r.body.discoveries[0] as Discovery;
    assert.equal(found.kind, 'complaint');
    assert.equal(found.description, '屋后山坡有泥土滑落');
    assert.equal(found.trackingNo, filed.body.trackingNo);
    assert.deepEqual(
      found.files.map((f) => f.id),
      [photo.body.id],
    );
    const img = await fetch(`${stack.baseUrl}/api/complaint-files/${photo.body.id}`, { headers: { cookie: town.cookieHeader() } });
    assert.equal(img.status, 200);
    // Random ids (UUIDs, file digests, the tracking number) are taken out first: a UUID may hold "1391".
    const shown = JSON.stringify(r.body)
      .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]{64}/g, '')
      .replaceAll(filed.body.trackingNo, '');
    assert.doesNotMatch(shown, /赵|13911112222|1391111|11112222/);
  });

  test('the rectify task shows the decision in force: measures, the masked party, and the default deadline as a date', async () => {
    const { cases } = await houseWithTwoHazards();
    const c = cases[0] as CaseInfo;
    const now = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
    const rectify = openTask(now, 'rectify');
    const r = await inspector.get<Context>(`/api/tasks/${rectify.id}/context`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.decision?.measures, ['repair_reinforce']);
    assert.equal(r.body.decision?.responsible.name, '张*');
    assert.equal(r.body.decision?.responsible.phone, '138****5678');
    const due = new Date(rectify.dueAt as string).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    assert.equal(r.body.decision?.rectifyDeadline, due);
  });
});

describe('assigning a house’s open cases together', () => {
  test('one request assigns both cases, each in its own trail; a refused case is named with its reason, and a retry finishes it without repeating the other', async () => {
    const { cases } = await houseWithTwoHazards();
    const [damage, balcony] = cases as [CaseInfo, CaseInfo];
    const damageTask = openTask(damage, 'assign').id;
    const balconyTask = openTask(balcony, 'assign').id;
    // Another officer holds the second case's task: the first attempt cannot assign it.
    assert.equal((await town2.post(`/api/tasks/${balconyTask}/claim`)).status, 200);
    // The form offers only what the officer may assign now; a request naming it anyway is answered per case.
    const offered = await town.get<Context>(`/api/tasks/${damageTask}/context`);
    assert.deepEqual(
      offered.body.otherOpenCases.map((o) => [o.id, o.assignable]),
      [[balcony.id, false]],
    );
    const before = { damage: await events(damage.id), balcony: await events(balcony.id) };
    const body = {
      responsibleParty: { name: '张三', phone: '13812345678', relation: 'owner' },
      cases: [
        { taskId: damageTask, measures: ['repair_reinforce', 'appraisal'] },
        { taskId: balconyTask, measures: ['repair_reinforce'], rectifyDeadline: '2099-01-31' },
      ],
    };
    const key = `batch-${randomUUID()}`;
    const send = () => town.request<{ results: Result[] }>('POST', '/api/tasks/assign-together', body, { 'Idempotency-Key': key });

    const first = await send();
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const [a1, b1] = first.body.results as [Result, Result];
    assert.equal(a1.ok, true);
    assert.equal(a1.caseNumber, damage.number);
    assert.equal(b1.ok, false);
    assert.equal(b1.caseId, balcony.id);
    assert.equal(b1.httpStatus, 409);
    assert.match(b1.message ?? '', /\S/);
    assert.equal((await town.get<CaseInfo>(`/api/cases/${balcony.id}`)).body.status, 'assigning');

    assert.equal((await town2.post(`/api/tasks/${balconyTask}/release`)).status, 200);
    const second = await send();
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.deepEqual(
      second.body.results.map((r) => [r.caseId, r.ok]),
      [
        [damage.id, true],
        [balcony.id, true],
      ],
    );
    const damageNow = await town.get<CaseInfo & { measures: string[]; responsible: { name: string } }>(`/api/cases/${damage.id}`);
    const balconyNow = await town.get<CaseInfo & { measures: string[]; rectifyDeadline: string | null }>(`/api/cases/${balcony.id}`);
    assert.equal(damageNow.body.status, 'rectifying');
    assert.deepEqual(damageNow.body.measures, ['repair_reinforce', 'appraisal']);
    assert.equal(damageNow.body.responsible.name, '张*');
    assert.equal(balconyNow.body.status, 'rectifying');
    assert.equal(balconyNow.body.rectifyDeadline, '2099-01-31');

    // Each trail holds its own assignment, once.
    const completions = async (caseId: string) =>
      (
        await stack
          .db('case_events')
          .where({ case_id: caseId, type: 'task.completed', element_id: 'Task_assign' })
          .count({ n: '*' })
          .first()
      )?.n;
    assert.equal(await completions(damage.id), 1);
    assert.equal(await completions(balcony.id), 1);
    const after = { damage: await events(damage.id), balcony: await events(balcony.id) };
    assert.ok(Number(after.damage) > Number(before.damage) && Number(after.balcony) > Number(before.balcony));

    // The same request again changes nothing and reports both as assigned.
    const third = await send();
    assert.equal(third.status, 200, JSON.stringify(third.body));
    assert.ok(third.body.results.every((r) => r.ok));
    assert.deepEqual({ damage: await events(damage.id), balcony: await events(balcony.id) }, after);
  });

  test('bad input changes nothing: a task of another house, a past item form, a rectify task', async () => {
    const one = await houseWithTwoHazards();
    const two = await houseWithTwoHazards();
    const party = { name: '张三', relation: 'owner' };
    const otherHouse = await town.post<ErrorReply>('/api/tasks/assign-together', {
      responsibleParty: party,
      cases: [
        { taskId: openTask(one.cases[0] as CaseInfo, 'assign').id, measures: ['repair_reinforce'] },
        { taskId: openTask(two.cases[0] as CaseInfo, 'assign').id, measures: ['repair_reinforce'] },
      ],
    });
    assert.equal(otherHouse.status, 422, JSON.stringify(otherHouse.body));
    assert.equal(otherHouse.body.error.details?.[0]?.field, 'body.cases.1.taskId');
    const noMeasures = await town.post<ErrorReply>('/api/tasks/assign-together', {
      responsibleParty: party,
      cases: [
        { taskId: openTask(one.cases[0] as CaseInfo, 'assign').id, measures: ['repair_reinforce'] },
        { taskId: openTask(one.cases[1] as CaseInfo, 'assign').id, measures: [] },
      ],
    });
    assert.equal(noMeasures.status, 400, JSON.stringify(noMeasures.body));
    for (const c of [...one.cases, ...two.cases]) assert.equal((await town.get<CaseInfo>(`/api/cases/${c.id}`)).body.status, 'assigning');

    const assigned = await complete(town, openTask(one.cases[0] as CaseInfo, 'assign').id, ASSIGN_FORM);
    const notAssign = await town.post<ErrorReply>('/api/tasks/assign-together', {
      responsibleParty: party,
      cases: [{ taskId: openTask(assigned, 'rectify').id, measures: ['repair_reinforce'] }],
    });
    assert.equal(notAssign.status, 422, JSON.stringify(notAssign.body));
    assert.equal(notAssign.body.error.details?.[0]?.field, 'body.cases.0.taskId');
  });
});
