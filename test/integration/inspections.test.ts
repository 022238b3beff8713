/**
 * Daily inspections on real Temporal and PostgreSQL, through the API: a hazard opens a case (its
 * workflow running), the same hazard again joins it, a re-sent form is recorded once, proof of
 * presence flags far and missing positions, the house file shows it all, and bad input changes nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ASSIGN_FORM, complete, createHouse, openTask, tinyPng, upload, waitForCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let inspector2: ApiClient;
let auditor: ApiClient;
const AT = { latitude: 23.7005, longitude: 113.0312 };

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  inspector2 = await loggedIn(stack.baseUrl, 'inspector2');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'inspections');
});

type Hazard = { category: string; description: string; caseId: string | null; caseNumber: string | null; joined: boolean };
type InspectionReply = {
  id: string;
  judgement: string;
  hazards: Hazard[];
  files: { id: string }[];
  presence: string;
  distanceM: number | null;
  flagged: boolean;
  inspectedAt: string;
};
type ErrorReply = { error: { code: string; details?: { field: string; reason: string }[] } };

const house = () => createHouse(officer, { longitude: AT.longitude, latitude: AT.latitude });

function form(buildingCode: string, over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    buildingCode,
    judgement: 'some',
    hazards: [{ category: 'structure_damage', description: '东侧承重墙斜向裂缝' }],
    notes: '户主在场',
    fileIds: [],
    position: { latitude: AT.latitude + 0.0005, longitude: AT.longitude, accuracy: 12 },
    inspectedAt: new Date().toISOString(),
    ...over,
  };
}

async function photo(client: ApiClient, code: string, data: Buffer = tinyPng()) {
  return client.request<{ id: string } & ErrorReply>('POST', `/api/inspection-files?buildingCode=${code}`, data, {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent('现场.png'),
  });
}

const count = async (table: string, where: Record<string, unknown>) =>
  Number((await stack.db(table).where(where).count({ n: '*' }).first())?.n);

/** Reports the house's hazard again (same category) and checks it opened a case of its own, leaving `oldId` as it was. */
async function expectNewCase(code: string, oldId: string, oldStatus: string) {
  const again = await inspector2.post<InspectionReply>(
    '/api/inspections',
    form(code, { hazards: [{ category: 'structure_damage', description: '裂缝再次出现' }] }),
  );
  assert.equal(again.status, 201, JSON.stringify(again.body));
  const hazard = again.body.hazards[0];
  assert.equal(hazard?.joined, false, `a ${oldStatus} case is not joined`);
  assert.notEqual(hazard?.caseId, oldId);
  const fresh = await waitForCase(town, hazard?.caseId as string, (x) => x.status === 'assigning');
  assert.deepEqual(
    fresh.openTasks.map((t) => t.step),
    ['assign'],
  );
  assert.equal((await town.get<{ status: string }>(`/api/cases/${oldId}`)).body.status, oldStatus);
  assert.equal(await count('cases', { building_code: code }), 2);
}

describe('daily inspection', () => {
  test('a hazard opens a case whose workflow runs; the house file shows the inspection and the new judgement', async () => {
    const code = await house();
    const pic = await photo(inspector, code);
    assert.equal(pic.status, 201, JSON.stringify(pic.body));
    const sent = form(code, { fileIds: [pic.body.id] });
    const r = await inspector.post<InspectionReply>('/api/inspections', sent);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.presence, 'near');
    assert.equal(r.body.flagged, false);
    assert.ok((r.body.distanceM ?? 999) < 100);
    assert.equal(r.body.files.length, 1);
    const [hazard] = r.body.hazards;
    assert.equal(hazard?.joined, false);
    assert.match(hazard?.caseNumber ?? '', /^YH\d{14}$/);
    const c = await waitForCase(town, hazard?.caseId as string, (x) => x.status === 'assigning');
    assert.equal((c as unknown as { source: string }).source, 'inspection');
    assert.equal(c.severity, 'general');

    const file = await officer.get<{ building: { latestJudgement: string; latestJudgementAt: string }; inspections: InspectionReply[] }>(
      `/api/buildings/by-code/${code}`,
    );
    assert.equal(file.body.building.latestJudgement, 'some');
    assert.equal(file.body.inspections.length, 1);
    assert.equal(file.body.inspections[0]?.hazards[0]?.caseNumber, hazard?.caseNumber);

    const img = await fetch(`${stack.baseUrl}/api/inspection-files/${pic.body.id}`, { headers: { cookie: auditor.cookieHeader() } });
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
  });

  test('sent twice (a retry on a weak network, or both at once) it is recorded once', async () => {
    const code = await house();
    const sent = form(code);
    const [a, b] = await Promise.all([
      inspector.post<InspectionReply>('/api/inspections', sent),
      inspector.post<InspectionReply>('/api/inspections', sent),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    const again = await inspector.post<InspectionReply>('/api/inspections', sent);
    assert.equal(again.status, 200);
    assert.equal(again.body.hazards[0]?.caseId, a.body.hazards[0]?.caseId);
    assert.equal(await count('inspections', { building_code: code }), 1);
    assert.equal(await count('cases', { building_code: code }), 1);
    // The same id from another inspector is someone else's form.
    const other = await inspector2.post<ErrorReply>('/api/inspections', sent);
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'INSPECTION_ID_IN_USE');
  });

  test('the same hazard found again joins the open case; another category opens its own; a serious judgement opens serious cases', async () => {
    const code = await house();
    const first = await inspector.post<InspectionReply>('/api/inspections', form(code));
    const second = await inspector2.post<InspectionReply>(
      '/api/inspections',
      form(code, {
        judgement: 'serious',
        hazards: [
          { category: 'structure_damage', description: '裂缝扩大' },
          { category: 'foundation', description: '地基不均匀沉降' },
        ],
      }),
    );
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const byCategory = Object.fromEntries(second.body.hazards.map((h) => [h.category, h]));
    assert.equal(byCategory.structure_damage?.joined, true);
    assert.equal(byCategory.structure_damage?.caseId, first.body.hazards[0]?.caseId);
    assert.equal(byCategory.foundation?.joined, false);
    const serious = await waitForCase(town, byCategory.foundation?.caseId as string, (x) => x.status === 'assigning');
    assert.equal(serious.severity, 'serious');
    assert.equal(await count('cases', { building_code: code }), 2);
    const building = await stack.db('buildings').where({ code }).first('latest_judgement');
    assert.equal(building.latest_judgement, 'serious');
  });

  test('the same hazard found after its case was closed opens a new case; the closed one stays closed', async () => {
    const code = await house();
    const first = (await inspector.post<InspectionReply>('/api/inspections', form(code))).body.hazards[0];
    let c = await waitForCase(town, first?.caseId as string, (x) => x.openTasks.some((t) => t.step === 'assign'));
    c = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
    c = await complete(inspector, openTask(c, 'rectify').id, { description: '已灌浆修补', fileIds: [await upload(inspector, c.id)] });
    c = await complete(town, openTask(c, 'recheck').id, { result: 'pass' });
    c = await complete(town, openTask(c, 'close').id, { signRemoved: true });
    assert.equal(c.status, 'closed');
    await expectNewCase(code, c.id, 'closed');
  });

  test('the same hazard found after its case was cancelled opens a new case; the cancelled one stays cancelled', async () => {
    const code = await house();
    const first = (await inspector.post<InspectionReply>('/api/inspections', form(code))).body.hazards[0];
    await waitForCase(town, first?.caseId as string, (x) => x.status === 'assigning');
    const cancelled = await officer.post<{ status: string }>(`/api/cases/${first?.caseId}/cancel`, { reason: '经核实为误报' });
    assert.equal(cancelled.body.status, 'cancelled', JSON.stringify(cancelled.body));
    await expectNewCase(code, first?.caseId as string, 'cancelled');
  });

  test('two inspections finding the same new hazard at the same moment open one case', async () => {
    const code = await house();
    const [a, b] = await Promise.all([
      inspector.post<InspectionReply>('/api/inspections', form(code)),
      inspector2.post<InspectionReply>('/api/inspections', form(code)),
    ]);
    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.equal(a.body.hazards[0]?.caseId, b.body.hazards[0]?.caseId);
    assert.deepEqual([a.body.hazards[0]?.joined, b.body.hazards[0]?.joined].sort(), [false, true]);
    assert.equal(await count('cases', { building_code: code }), 1);
  });

  test('proof of presence: more than 200 m away or no position is accepted and flagged for the town officer', async () => {
    const code = await house();
    const far = await inspector.post<InspectionReply>(
      '/api/inspections',
      form(code, { judgement: 'none', hazards: [], position: { latitude: AT.latitude + 0.01, longitude: AT.longitude } }),
    );
    assert.equal(far.status, 201);
    assert.equal(far.body.presence, 'far');
    assert.ok((far.body.distanceM ?? 0) > 1000);
    const none = await inspector.post<InspectionReply>('/api/inspections', form(code, { judgement: 'none', hazards: [], position: null }));
    assert.equal(none.body.presence, 'missing');
    assert.equal(none.body.flagged, true);
    const near = await inspector.post<InspectionReply>('/api/inspections', form(code, { judgement: 'none', hazards: [] }));
    assert.equal(near.body.flagged, false);
    const flagged = await town.get<{ data: InspectionReply[]; total: number }>(`/api/inspections?buildingCode=${code}&flagged=true`);
    assert.equal(flagged.status, 200, JSON.stringify(flagged.body));
    assert.deepEqual(flagged.body.data.map((i) => i.id).sort(), [far.body.id, none.body.id].sort());
    const all = await auditor.get<{ total: number }>(`/api/inspections?buildingCode=${code}`);
    assert.equal(all.body.total, 3);
    // No hazard: no case, and the house is now judged safe.
    assert.equal(await count('cases', { building_code: code }), 0);
  });

  test('a form kept on a phone and sent late opens its case: the house shows the hazard, its judgement date does not go back', async () => {
    const code = await house();
    await inspector.post('/api/inspections', form(code, { judgement: 'none', hazards: [] }));
    const today = (await stack.db('buildings').where({ code }).first('latest_judgement_at')).latest_judgement_at as string;
    const late = await inspector.post<InspectionReply>(
      '/api/inspections',
      form(code, { inspectedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }),
    );
    assert.equal(late.status, 201);
    assert.equal(late.body.hazards[0]?.joined, false, 'its hazard still opens a case');
    const building = await stack.db('buildings').where({ code }).first('latest_judgement', 'latest_judgement_at', 'rectification_status');
    assert.deepEqual(building, { latest_judgement: 'some', latest_judgement_at: today, rectification_status: 'pending' });
    // A clean inspection while the case is open does not make the house safe.
    await inspector.post('/api/inspections', form(code, { judgement: 'none', hazards: [] }));
    assert.equal((await stack.db('buildings').where({ code }).first('latest_judgement')).latest_judgement, 'some');
  });

  test('bad input names the field and changes nothing', async () => {
    const code = await house();
    const cases = async () => count('cases', { building_code: code });
    const expectField = async (client: ApiClient, body: Record<string, unknown>, status: number, field: string) => {
      const r = await client.post<ErrorReply>('/api/inspections', body);
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.ok(
        r.body.error.details?.some((d) => d.field === field),
        `${field} in ${JSON.stringify(r.body)}`,
      );
    };
    await expectField(inspector, form(code, { judgement: 'none' }), 422, 'body.hazards');
    await expectField(inspector, form(code, { hazards: [] }), 422, 'body.hazards');
    await expectField(
      inspector,
      form(code, {
        hazards: [
          { category: 'other', description: '其他问题' },
          { category: 'other', description: '又一个' },
        ],
      }),
      422,
      'body.hazards.1.category',
    );
    await expectField(inspector, form(code, { hazards: [{ category: 'cracks', description: '裂缝' }] }), 400, 'body.hazards.0.category');
    await expectField(inspector, form(code, { fileIds: [randomUUID()] }), 422, 'body.fileIds.0');
    await expectField(inspector, form(code, { buildingCode: '441802006001000019' }), 400, 'body.buildingCode');
    await expectField(inspector, form(code, { inspectedAt: new Date(Date.now() + 86_400_000).toISOString() }), 422, 'body.inspectedAt');
    await expectField(inspector, form(code, { position: { latitude: 123, longitude: 113 } }), 400, 'body.position.latitude');
    await expectField(inspector, form(code, { id: 'not-a-uuid' }), 400, 'body.id');
    // Another inspector's photo, and a photo of another house, are not this form's.
    const theirs = await photo(inspector2, code);
    await expectField(inspector, form(code, { fileIds: [theirs.body.id] }), 422, 'body.fileIds.0');
    const otherHouse = await photo(inspector, await house());
    await expectField(inspector, form(code, { fileIds: [otherHouse.body.id] }), 422, 'body.fileIds.0');
    // Photos: type by content, not by name.
    const fake = await photo(inspector, code, Buffer.from('<html>not a photo</html>'));
    assert.equal(fake.status, 400);
    assert.equal(fake.body.error.details?.[0]?.field, 'body');
    const pdf = await photo(inspector, code, Buffer.from('%PDF-1.4 not a photo'));
    assert.equal(pdf.status, 400, 'inspection photos are images only');
    const big = await photo(inspector, code, Buffer.concat([tinyPng(), Buffer.alloc(10 * 1024 * 1024)]));
    assert.equal(big.status, 413);
    assert.equal(await cases(), 0);
    assert.equal(await count('inspections', { building_code: code }), 0);
  });

  test('who may inspect: not the auditor; not a house outside the inspector’s village', async () => {
    const code = await house();
    const byAuditor = await auditor.post<ErrorReply>('/api/inspections', form(code));
    assert.equal(byAuditor.status, 403);
    const elsewhere = await createHouse(officer, { villageCode: '441802007001', address: '东城街道 1 号' });
    const outside = await inspector.post<ErrorReply>('/api/inspections', form(elsewhere));
    assert.equal(outside.status, 422);
    assert.equal(outside.body.error.code, 'UNKNOWN_BUILDING');
    const list = await inspector.get<{ total: number }>(`/api/inspections?buildingCode=${elsewhere}`);
    assert.equal(list.body.total, 0);
  });
});
