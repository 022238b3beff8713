/**
 * Risk tiers (风险分级) on the real API, worker, Temporal and PostgreSQL: each kind of input moving a
 * house between tiers (an edit of the judgement or the grade, a case opened and closed or cancelled, a
 * deadline passing and an inspection running out, found by the scheduled sweep), each move in the
 * house's tier history; the registry's filters by tier and the statistics' filters; a campaign over
 * the red houses; the history endpoint's region scope.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { closeCase, createHouse, registerCase, waitForCase } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { bearer, cellsOf, csvFile, finished, housesIn, upload as uploadFile } from '../support/imports.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { RISK_SWEEP_SCHEDULE_ID } from '../../workers/schedules.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let inspector2: ApiClient;

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  inspector2 = await loggedIn(stack.baseUrl, 'inspector2');
});
after(async () => {
  await stack?.stop();
});

type Reason = { rule: string; tier: string; text: string };
type Risk = { riskTier: string; riskReasons: Reason[]; riskVersion: number | null; version: number };
type RiskChange = { fromTier: string | null; toTier: string; reasons: Reason[]; version: number; cause: string; at: string };
type ErrorReply = { error: { code: string; details?: { field: string }[] } };

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

/** A house no rule looks at: own home, 2 floors, judged safe today. */
const greenHouse = (over: Record<string, unknown> = {}) =>
  createHouse(officer, {
    use: 'own_home',
    floorsAbove: 2,
    latestJudgement: 'none',
    latestJudgementAt: today(),
    rectificationStatus: 'not_needed',
    ...over,
  });

async function risk(code: string): Promise<Risk> {
  const r = await officer.get<Risk>(`/api/buildings/${code}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}
const rules = async (code: string) => (await risk(code)).riskReasons.map((r) => r.rule);

async function history(code: string, client: ApiClient = officer): Promise<RiskChange[]> {
  const r = await client.get<{ data: RiskChange[] }>(`/api/buildings/${code}/risk-history`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.data;
}
const moves = async (code: string) =>
  (await history(code)).map((h) => `${h.fromTier ?? '∅'}→${h.toTier} ${h.cause.split(':')[0]}`).reverse();

async function edit(code: string, patch: Record<string, unknown>): Promise<void> {
  const r = await officer.patch(`/api/buildings/${code}`, patch);
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

/** Runs the sweep the schedule runs every 15 minutes, and waits until the house's tier is `tier`. */
async function sweepUntil(code: string, tier: string): Promise<Risk> {
  await stack.temporal.client.schedule.getHandle(RISK_SWEEP_SCHEDULE_ID).trigger();
  const until = Date.now() + 30_000;
  let last: Risk | undefined;
  while (Date.now() < until) {
    last = await risk(code);
    if (last.riskTier === tier) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`house ${code} did not become ${tier} after the sweep; last: ${JSON.stringify(last)}`);
}

describe('a house’s risk tier follows its inputs', () => {
  test('a new house gets its first tier at once, recorded as its first history row', async () => {
    const green = await greenHouse();
    assert.deepEqual(await risk(green).then(({ riskTier, riskReasons, riskVersion }) => ({ riskTier, riskReasons, riskVersion })), {
      riskTier: 'green',
      riskReasons: [],
      riskVersion: 1,
    });
    assert.deepEqual(await moves(green), ['∅→green building']);
    const business = await greenHouse({ use: 'business', businessCategory: 'retail', floorsAbove: 3 });
    assert.equal((await risk(business)).riskTier, 'orange');
    assert.deepEqual(await rules(business), ['business_3_floors']);
    const crowded = await greenHouse({ use: 'business', businessCategory: 'lodging', floorsAbove: 2 });
    assert.deepEqual(await rules(crowded), ['crowded_no_appraisal']);
    const altered = await greenHouse({ alteration: 'added_floors', alterationYear: 2015 });
    assert.equal((await risk(altered)).riskTier, 'yellow');
    assert.deepEqual(await rules(altered), ['alteration_no_approval']);
  });

  test('editing the judgement or the grade moves the house to red and back, each move in its history', async () => {
    const code = await greenHouse();
    await edit(code, { latestJudgement: 'serious' });
    const red = await risk(code);
    assert.equal(red.riskTier, 'red');
    assert.deepEqual(red.riskReasons, [{ rule: 'serious_judgement', tier: 'red', text: '排查结论为存在严重安全隐患' }]);
    // The tier is derived: it does not bump the version an officer's edit is checked against.
    await edit(code, { latestJudgement: 'none', version: red.version });
    assert.equal((await risk(code)).riskTier, 'green');
    await edit(code, { appraisalGrade: 'C', appraisalDate: today(), appraisalReport: '清远鉴定 2026-001' });
    assert.deepEqual(await rules(code), ['appraisal_cd']);
    await edit(code, { latestJudgement: 'some' });
    // Still red; the reasons changed, the tier did not: no new history row.
    assert.deepEqual(await rules(code), ['appraisal_cd', 'some_judgement']);
    assert.deepEqual(await moves(code), ['∅→green building', 'green→red building', 'red→green building', 'green→red building']);
    const [latest] = await history(code);
    assert.deepEqual(
      latest?.reasons.map((r) => r.rule),
      ['appraisal_cd'],
    );
    assert.equal(latest?.version, 1);
  });

  test('a serious case makes the house red, cancelling it brings it back; a general case closed the same way', async () => {
    const code = await greenHouse();
    const serious = await registerCase(officer, code, 'serious');
    // The safety state follows the open case (存在严重安全隐患), so both rules give their reason.
    assert.equal((await risk(code)).riskTier, 'red');
    assert.deepEqual(await rules(code), ['serious_judgement', 'open_serious_case']);
    await waitForCase(officer, serious.id, (c) => c.openTasks.length > 0);
    const cancelled = await officer.post(`/api/cases/${serious.id}/cancel`, { reason: '误报，现场核实无此隐患' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await waitForCase(officer, serious.id, (c) => c.status === 'cancelled');
    assert.equal((await risk(code)).riskTier, 'green');

    const general = await registerCase(officer, code, 'general');
    assert.equal((await risk(code)).riskTier, 'yellow');
    assert.deepEqual(await rules(code), ['open_general_case', 'some_judgement']);
    await closeCase({ town, inspector, inspector2 }, general);
    assert.equal((await risk(code)).riskTier, 'green');
    const h = await history(code);
    assert.deepEqual(await moves(code), ['∅→green building', 'green→red case', 'red→green case', 'green→yellow case', 'yellow→green case']);
    assert.equal(h[0]?.cause, `case:${general.id}`);
    assert.equal(h[3]?.cause, `case:${serious.id}`);
  });

  test('an inspection finding nothing brings a house overdue for inspection from yellow to green', async () => {
    const code = await greenHouse({ latestJudgementAt: daysAgo(400) });
    assert.deepEqual(await rules(code), ['inspection_overdue']);
    const id = randomUUID();
    const r = await inspector.post('/api/inspections', {
      id,
      buildingCode: code,
      judgement: 'none',
      hazards: [],
      fileIds: [],
      position: null,
      inspectedAt: new Date().toISOString(),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal((await risk(code)).riskTier, 'green');
    const [latest] = await history(code);
    assert.equal(latest?.cause, `inspection:${id}`);
    assert.equal(latest?.fromTier, 'yellow');
  });

  test('an import creates houses with their tiers and moves the tiers of the houses it changes', async () => {
    const token = await bearer(stack.baseUrl, 'officer');
    const importFile = async (rows: string[][], name: string) => {
      const job = await uploadFile(stack.baseUrl, token, csvFile(rows), name);
      assert.equal(job.status, 201, JSON.stringify(job.body));
      return finished(stack.baseUrl, token, job.body.id);
    };
    const [house] = housesIn('441802006001', 1, 1717) as [Parameters<typeof cellsOf>[0]];
    const plain = {
      ...house,
      use: 'own_home' as const,
      businessCategory: null,
      floorsAbove: 2,
      alteration: 'none' as const,
      appraisalGrade: null,
    };
    const judged = { latestJudgement: 'none' as const, latestJudgementAt: today(), rectificationStatus: 'not_needed' as const };
    const first = await importFile([cellsOf({ ...plain, ...judged })], 'risk-first.csv');
    assert.equal(first.inserted, 1, JSON.stringify(first));
    const { code } = (await stack.db('buildings').where({ external_id: house.externalId }).first('code')) as { code: string };
    assert.equal((await risk(code)).riskTier, 'green');
    assert.equal((await history(code))[0]?.cause, `import:${first.id}`);
    const again = await importFile([cellsOf({ ...plain, ...judged, code, appraisalGrade: 'D', appraisalDate: today() })], 'risk-again.csv');
    assert.equal(again.updated, 1, JSON.stringify(again));
    assert.deepEqual(await rules(code), ['appraisal_cd']);
    assert.deepEqual(await moves(code), ['∅→green import', 'green→red import']);
    assert.equal((await history(code))[0]?.cause, `import:${again.id}`);
  });

  test('the scheduled sweep finds a case whose deadline passed: yellow → orange, caused by the schedule', async () => {
    const code = await greenHouse();
    const c = await registerCase(officer, code, 'general');
    await waitForCase(officer, c.id, (x) => x.openTasks.length > 0);
    assert.equal((await risk(code)).riskTier, 'yellow');
    // The case's deadline, two seconds from now (nothing writes the house when it passes).
    await stack
      .db('cases')
      .where({ id: c.id })
      .update({ due_at: stack.db.raw(`now() + interval '2 seconds'`) });
    await new Promise((r) => setTimeout(r, 2500));
    const orange = await sweepUntil(code, 'orange');
    assert.deepEqual(
      orange.riskReasons.map((r) => r.rule),
      ['overdue_case', 'open_general_case', 'some_judgement'],
    );
    const [latest] = await history(code);
    assert.equal(latest?.fromTier, 'yellow');
    assert.equal(latest?.toTier, 'orange');
    assert.equal(latest?.cause, 'schedule');
  });

  test('the sweep finds a judgement that ran out of the 365-day interval, and houses assessed by another version', async () => {
    const code = await greenHouse();
    // Judged 366 days ago, last assessed two days ago, when that judgement was still current.
    await stack
      .db('buildings')
      .where({ code })
      .update({ latest_judgement_at: daysAgo(366), risk_computed_at: stack.db.raw(`now() - interval '2 days'`) });
    const yellow = await sweepUntil(code, 'yellow');
    assert.deepEqual(
      yellow.riskReasons.map((r) => r.rule),
      ['inspection_overdue'],
    );
    assert.equal((await history(code))[0]?.cause, 'schedule');

    // Another version's tier is assessed again; the tier is the same, so no history row.
    const other = await greenHouse();
    await stack.db('buildings').where({ code: other }).update({ risk_version: 0 });
    await stack.temporal.client.schedule.getHandle(RISK_SWEEP_SCHEDULE_ID).trigger();
    const until = Date.now() + 30_000;
    while ((await risk(other)).riskVersion !== 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    assert.equal((await risk(other)).riskVersion, 1);
    assert.deepEqual(await moves(other), ['∅→green building']);
  });
});

describe('the registry’s filters', () => {
  const token = `风险筛选${randomUUID().slice(0, 8)}`;
  const codes: Record<string, string> = {};
  const list = async (query: Record<string, string>) => {
    const r = await officer.get<{ data: { code: string; riskTier: string }[]; total: number }>(
      `/api/buildings?${new URLSearchParams({ q: token, perPage: '100', ...query }).toString()}`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.data.map((b) => b.code).sort();
  };
  const names = (...keys: string[]) => keys.map((k) => codes[k] as string).sort();

  before(async () => {
    const at = (n: number) => ({ address: `${token}路 ${n} 号` });
    codes.green = await greenHouse({ ...at(1), yearBuilt: 2005 });
    codes.red = await greenHouse({ ...at(2), latestJudgement: 'serious', floorsAbove: 3, yearBuilt: null });
    codes.orange = await greenHouse({ ...at(3), use: 'business', businessCategory: 'retail', floorsAbove: 4, yearBuilt: 1990 });
    codes.yellow = await greenHouse({ ...at(4), latestJudgementAt: daysAgo(500), appraisalGrade: 'A', yearBuilt: 2012 });
  });

  test('by risk tier, and every tier of the list shown as it is stored', async () => {
    for (const tier of ['red', 'orange', 'yellow', 'green']) assert.deepEqual(await list({ riskTier: tier }), names(tier));
  });

  test('maxFloors, yearUnknown, businessUse, appraisalGrade none, inspectedFrom and notInspectedSince', async () => {
    assert.deepEqual(await list({ maxFloors: '2' }), names('green', 'yellow'));
    assert.deepEqual(await list({ minFloors: '3', maxFloors: '3' }), names('red'));
    assert.deepEqual(await list({ yearUnknown: 'true' }), names('red'));
    assert.deepEqual(await list({ yearUnknown: 'false' }), names('green', 'orange', 'yellow'));
    assert.deepEqual(await list({ businessUse: 'true' }), names('orange'));
    assert.deepEqual(await list({ businessUse: 'false' }), names('green', 'red', 'yellow'));
    assert.deepEqual(await list({ appraisalGrade: 'none' }), names('green', 'red', 'orange'));
    assert.deepEqual(await list({ appraisalGrade: 'A' }), names('yellow'));
    assert.deepEqual(await list({ inspectedFrom: daysAgo(30) }), names('green', 'red', 'orange'));
    assert.deepEqual(await list({ notInspectedSince: daysAgo(30) }), names('yellow'));
  });

  test('a bad filter value is a 400 naming the filter', async () => {
    for (const [field, value] of [
      ['riskTier', 'purple'],
      ['maxFloors', 'three'],
      ['yearUnknown', 'maybe'],
      ['businessUse', '2'],
      ['appraisalGrade', 'E'],
      ['inspectedFrom', '2026-13-45'],
      ['notInspectedSince', 'yesterday'],
    ] as const) {
      const r = await officer.get<ErrorReply>(`/api/buildings?${field}=${encodeURIComponent(value)}`);
      assert.equal(r.status, 400, `${field}=${value}: ${JSON.stringify(r.body)}`);
      assert.ok(
        r.body.error.details?.some((d) => d.field === `query.${field}`),
        `${field}: ${JSON.stringify(r.body)}`,
      );
    }
  });

  test('a campaign targets the red houses of a town, and only them', async () => {
    const red = await officer.get<{ total: number }>('/api/buildings?regionCode=441802006&riskTier=red&perPage=1');
    assert.ok(red.body.total >= 1);
    const created = await officer.post<{ id: string; filters: Record<string, unknown>; progress: { total: number } }>('/api/campaigns', {
      name: '凤城街道红色风险房屋专项排查',
      regionCode: '441802006',
      filters: { riskTier: 'red' },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.filters, { riskTier: 'red' });
    assert.equal(created.body.progress.total, red.body.total);
    const items = await stack
      .db('campaign_items as i')
      .join('buildings as b', 'b.code', 'i.building_code')
      .where('i.campaign_id', created.body.id);
    assert.ok(items.every((i: { risk_tier: string }) => i.risk_tier === 'red'));
    assert.ok(items.some((i: { building_code: string }) => i.building_code === codes.red));
    const bad = await officer.post<ErrorReply>('/api/campaigns', {
      name: '错误的风险等级',
      regionCode: '441802006',
      filters: { riskTier: 'purple' },
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    assert.equal(bad.status, 400);
    assert.ok(
      bad.body.error.details?.some((d) => d.field === 'body.filters.riskTier'),
      JSON.stringify(bad.body),
    );
  });
});

describe('the tier history’s scope', () => {
  test('read like the house file: in the reader’s region only, 404 outside it, 400 for a malformed code', async () => {
    const elsewhere = await greenHouse({ villageCode: '441802006002' });
    assert.equal((await history(elsewhere, town)).length, 1);
    assert.equal((await inspector.get(`/api/buildings/${elsewhere}/risk-history`)).status, 404);
    const mine = await greenHouse();
    assert.equal((await history(mine, inspector)).length, 1);
    assert.equal((await inspector.get('/api/buildings/not-a-code/risk-history')).status, 400);
    assert.equal((await new ApiClient(stack.baseUrl).get(`/api/buildings/${mine}/risk-history`)).status, 401);
  });
});
