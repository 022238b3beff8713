/**
 * The house's safety state (排查结论, 整治状态, 整治措施) follows its open cases and latest inspection on
 * every event that can change it, through the real API, workflows and PostgreSQL: an inspection, a
 * confirmed complaint, a case registered, each step, a case closed or cancelled. It never says a house
 * is safe while one of its hazards is open, on the house file or on the public scan page, and each
 * change is in the house file's history with the event that caused it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ASSIGN_FORM, closeCase, complete, createHouse, openTask, registerCase, upload, waitForCase } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { bearer, call, cellsOf, csvFile, finished, housesIn, upload as uploadFile } from '../support/imports.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let inspector2: ApiClient;
let citizen: ApiClient;

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  inspector2 = await loggedIn(stack.baseUrl, 'inspector2');
  citizen = new ApiClient(stack.baseUrl);
});
after(async () => {
  await recordHistoriesThenStop(stack, 'house-safety');
});

type State = {
  latestJudgement: string | null;
  latestJudgementAt: string | null;
  rectificationStatus: string | null;
  rectificationMeasures: string | null;
};
type Change = { source: string; changes: Record<string, { before: unknown; after: unknown }> };

async function state(code: string): Promise<State> {
  const r = await officer.get<{ building: State }>(`/api/buildings/by-code/${code}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const { latestJudgement, latestJudgementAt, rectificationStatus, rectificationMeasures } = r.body.building;
  return { latestJudgement, latestJudgementAt, rectificationStatus, rectificationMeasures };
}

async function history(code: string): Promise<Change[]> {
  return (await officer.get<{ changes: Change[] }>(`/api/buildings/by-code/${code}`)).body.changes;
}

/** A house last judged safe in 2022, as the registry often holds them. */
const cleanHouse = () =>
  createHouse(officer, { latestJudgement: 'none', latestJudgementAt: '2022-06-03', rectificationStatus: 'not_needed' });

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('the house’s safety state', () => {
  test('two hazards of one inspection: closing one case leaves the house unsafe until the other closes too', async () => {
    const code = await cleanHouse();
    const r = await inspector.post<{ hazards: { caseId: string; category: string }[] }>('/api/inspections', {
      id: randomUUID(),
      buildingCode: code,
      judgement: 'some',
      hazards: [
        { category: 'structure_damage', description: '东侧承重墙斜向裂缝' },
        { category: 'surroundings', description: '屋后边坡有滑塌迹象' },
      ],
      fileIds: [],
      position: null,
      inspectedAt: new Date().toISOString(),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const [wall, slope] = r.body.hazards.map((h) => h.caseId) as [string, string];
    assert.deepEqual(await state(code), {
      latestJudgement: 'some',
      latestJudgementAt: today(),
      rectificationStatus: 'pending',
      rectificationMeasures: null,
    });

    // The wall's case assigned: 整治中, its measures on the house file.
    let c = await waitForCase(town, wall, (x) => x.openTasks.some((t) => t.step === 'assign'));
    c = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
    assert.equal((await state(code)).rectificationStatus, 'in_progress');
    assert.equal((await state(code)).rectificationMeasures, '维修加固');

    c = await complete(inspector, openTask(c, 'rectify').id, { description: '已灌浆修补', fileIds: [await upload(inspector, c.id)] });
    c = await complete(inspector2, openTask(c, 'recheck').id, { result: 'pass' });
    c = await complete(town, openTask(c, 'close').id, { signRemoved: true });
    assert.equal(c.status, 'closed');
    // The slope's case is still 待分派: the house has a hazard and nothing under way.
    assert.deepEqual(await state(code), {
      latestJudgement: 'some',
      latestJudgementAt: today(),
      rectificationStatus: 'pending',
      rectificationMeasures: null,
    });
    const publicPage = await citizen.get<{ latestJudgement: string }>(`/api/public/buildings/${code}`);
    assert.equal(publicPage.body.latestJudgement, 'some', 'the public scan page does not tell citizens the house is safe');

    await closeCase({ town, inspector, inspector2 }, await waitForCase(town, slope, (x) => x.status === 'assigning'), {
      ...ASSIGN_FORM,
      measures: ['repair_reinforce', 'appraisal'],
    });
    assert.deepEqual(await state(code), {
      latestJudgement: 'none',
      latestJudgementAt: today(),
      rectificationStatus: 'done',
      rectificationMeasures: '维修加固；委托有资质机构鉴定',
    });

    // The history says what changed and why, each change linked to its event.
    const sources = (await history(code))
      .filter((h) => 'rectificationStatus' in h.changes || 'latestJudgement' in h.changes)
      .map((h) => h.source);
    assert.ok(
      sources.includes(`inspection:${(await stack.db('inspections').where({ building_code: code }).first('id')).id}`),
      sources.join(),
    );
    assert.ok(sources.includes(`case:${wall}`), sources.join());
    assert.ok(sources.includes(`case:${slope}`), sources.join());
  });

  test('a confirmed complaint that opens a case marks a clean house as having a hazard', async () => {
    const code = await cleanHouse();
    const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: code,
      category: 'ancillary',
      description: '阳台栏杆松动，随时可能掉落',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    const id = list.body.data[0]?.id as string;
    const verified = await inspector.post<{ caseId: string }>(`/api/complaints/${id}/verify`, { result: 'confirmed', reply: '已立案整改' });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.deepEqual(await state(code), {
      latestJudgement: 'some',
      latestJudgementAt: today(),
      rectificationStatus: 'pending',
      rectificationMeasures: null,
    });
    assert.ok((await history(code)).some((h) => h.source === `complaint:${id}` && h.changes.latestJudgement?.after === 'some'));
  });

  test('an open serious case under control shows the serious judgement, 整治中 and its measures', async () => {
    const code = await cleanHouse();
    let c = await registerCase(officer, code, 'serious');
    assert.equal((await state(code)).latestJudgement, 'serious', 'registering the case is an event too');
    c = await waitForCase(town, c.id, (x) => x.openTasks.some((t) => t.step === 'assign'));
    c = await complete(town, openTask(c, 'assign').id, { ...ASSIGN_FORM, measures: ['stop_use_evacuate', 'repair_reinforce'] });
    assert.ok(
      c.openTasks.some((t) => t.step === 'control'),
      'a serious case goes to 管控',
    );
    assert.deepEqual(await state(code), {
      latestJudgement: 'serious',
      latestJudgementAt: today(),
      rectificationStatus: 'in_progress',
      rectificationMeasures: '停止使用、人员撤离；维修加固',
    });
  });

  test('a cancelled case leaves the house without a hazard; an officer may not edit the state while a case is open', async () => {
    const code = await cleanHouse();
    const c = await registerCase(officer, code);
    const edit = await officer.patch<{ error: { code: string; details: { field: string }[] } }>(`/api/buildings/${code}`, {
      latestJudgement: 'none',
      latestJudgementAt: today(),
    });
    assert.equal(edit.status, 422, JSON.stringify(edit.body));
    assert.equal(edit.body.error.details[0]?.field, 'body.latestJudgement');
    assert.equal((await state(code)).latestJudgement, 'some');

    await waitForCase(town, c.id, (x) => x.status === 'assigning');
    const cancelled = await officer.post<{ status: string }>(`/api/cases/${c.id}/cancel`, { reason: '经核实为误报' });
    assert.equal(cancelled.body.status, 'cancelled', JSON.stringify(cancelled.body));
    assert.deepEqual(await state(code), {
      latestJudgement: 'none',
      latestJudgementAt: today(),
      rectificationStatus: 'not_needed',
      rectificationMeasures: null,
    });
  });

  test('an import cannot set the safety state of a house whose case is open: the row is refused, saying why', async () => {
    const token = await bearer(stack.baseUrl, 'officer');
    const importFile = async (rows: string[][], name: string) => {
      const job = await uploadFile(stack.baseUrl, token, csvFile(rows), name);
      assert.equal(job.status, 201, JSON.stringify(job.body));
      return finished(stack.baseUrl, token, job.body.id);
    };
    const [house] = housesIn('441802006001', 1, 1515) as [Parameters<typeof cellsOf>[0]];
    const first = await importFile([cellsOf({ ...house, latestJudgement: null, latestJudgementAt: null })], 'first.csv');
    assert.equal(first.inserted, 1, JSON.stringify(first));
    const { code } = (await stack.db('buildings').where({ external_id: house.externalId }).first('code')) as { code: string };
    await registerCase(officer, code);
    const again = await importFile(
      [cellsOf({ ...house, code, latestJudgement: 'none', latestJudgementAt: today(), rectificationStatus: 'not_needed' })],
      'again.csv',
    );
    assert.deepEqual([again.updated, again.failedRows], [0, 1], JSON.stringify(again));
    const problems = await call<{ data: { reason: string }[] }>(stack.baseUrl, token, `/api/building-imports/${again.id}/problems`);
    assert.match(problems.body.data[0]?.reason ?? '', /未销号的隐患案件/);
    assert.equal((await state(code)).latestJudgement, 'some');
  });
});
