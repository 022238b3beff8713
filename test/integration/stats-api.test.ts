/**
 * The statistics API on the real stack (issue 17 §1, §4, §5): data written through the API (houses,
 * inspections, cases, complaints, a step, an escalation), the summary tables filled by their triggers,
 * and every count of the overview, the child regions, the trends, the funnel, the home page and a set of
 * pivots checked against the list it links to (same filters, same total). Region scope per role, the
 * period's validation, the exports opened again, and a pivot cell turned into a campaign.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { csvRecords } from '../../domain/imports/csv.ts';
import type { Figure, ListLink, Overview, Pivot } from '../../domain/statistics/api.ts';
import { beijingDay } from '../../domain/statistics/period.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, waitForCase } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let otherVillage: string;
let otherTownVillage: string;

const ENDPOINTS: Record<ListLink['resource'], string> = {
  buildings: '/api/buildings',
  cases: '/api/cases',
  inspections: '/api/inspections',
  complaints: '/api/complaints',
  tasks: '/api/tasks',
  'campaign-tasks': '/api/campaign-tasks',
};

/** Every `{ value, link }` in an answer, with where it was found. */
function figures(answer: unknown, path = ''): { path: string; value: number; link: ListLink }[] {
  if (answer === null || typeof answer !== 'object') return [];
  const o = answer as Record<string, unknown>;
  if (typeof o.value === 'number' && o.link && typeof o.link === 'object') return [{ path, value: o.value, link: o.link as ListLink }];
  return Object.entries(o).flatMap(([k, v]) => figures(v, `${path}.${k}`));
}

/** Opens the list behind every figure as `client` and compares its total; returns how many were checked. */
async function walk(client: ApiClient, answer: unknown, what: string): Promise<number> {
  const all = figures(answer);
  for (const f of all) {
    const query = new URLSearchParams(Object.entries(f.link.filter).map(([k, v]) => [k, String(v)]));
    query.set('perPage', '1');
    const r = await client.get<{ total: number }>(`${ENDPOINTS[f.link.resource]}?${query.toString()}`);
    assert.equal(r.status, 200, `${what}${f.path}: ${f.link.resource}?${query.toString()} → ${JSON.stringify(r.body)}`);
    assert.equal(r.body.total, f.value, `${what}${f.path}: ${f.link.resource}?${query.toString()}`);
  }
  return all.length;
}

async function inspect(client: ApiClient, buildingCode: string, judgement: 'serious' | 'some' | 'none') {
  const r = await client.post<{ id: string }>('/api/inspections', {
    id: randomUUID(),
    buildingCode,
    judgement,
    hazards: judgement === 'none' ? [] : [{ category: 'use_change', description: '一楼改为仓库' }],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

async function complain(buildingCode: string) {
  const citizen = new ApiClient(stack.baseUrl);
  const r = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
    buildingCode,
    category: 'structure_damage',
    description: '外墙有很长的裂缝，担心倒塌',
    fileIds: [],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const listed = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${r.body.trackingNo}`);
  return listed.body.data[0]!.id;
}

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  const village = (parent: string, not?: string) =>
    stack
      .db('regions')
      .where({ parent_code: parent })
      .whereNot('code', not ?? '')
      .orderBy('code')
      .first('code') as Promise<{ code: string }>;
  otherVillage = (await village('441802006', '441802006001')).code;
  const otherTown = (await stack
    .db('regions')
    .where({ parent_code: '441802' })
    .whereNot('code', '441802006')
    .orderBy('code')
    .first('code')) as {
    code: string;
  };
  otherTownVillage = (await village(otherTown.code)).code;

  // Houses in the inspector's village, another village of the town, and another town.
  const h = {
    catering: await createHouse(officer, { use: 'business', businessCategory: 'catering', floorsAbove: 3, yearBuilt: 1978 }),
    home: await createHouse(officer, { use: 'own_home', floorsAbove: 2, yearBuilt: undefined }),
    rental: await createHouse(officer, { use: 'rental', floorsAbove: 6, yearBuilt: 2005 }),
    retail: await createHouse(officer, {
      villageCode: otherVillage,
      use: 'business',
      businessCategory: 'retail',
      floorsAbove: 4,
      yearBuilt: 2015,
    }),
    far: await createHouse(officer, { villageCode: otherTownVillage, use: 'mixed', floorsAbove: 1, yearBuilt: 1990 }),
  };
  // A house nobody has looked at: never judged (told apart from one judged sound).
  await createHouse(officer, { villageCode: otherTownVillage, use: 'own_home', floorsAbove: 2, yearBuilt: 2012 });
  // Inspections: one finds a hazard (a daily case), one finds none; the home is never inspected.
  await inspect(inspector, h.catering, 'some');
  await inspect(officer, h.retail, 'none');
  // Cases by an officer: one assigned (a completed step), one escalated, one cancelled, one overdue.
  const assigned = await registerCase(officer, h.rental, 'serious');
  await complete(town, openTask(assigned, 'assign').id, ASSIGN_FORM);
  await waitForCase(town, assigned.id, (c) => c.status !== 'assigning');
  const escalated = await registerCase(officer, h.far);
  const esc = await officer.post(`/api/cases/${escalated.id}/escalate`, { reason: '整改拖延，提请督办' });
  assert.equal(esc.status, 200, JSON.stringify(esc.body));
  const cancelled = await registerCase(officer, h.retail);
  assert.equal((await officer.post(`/api/cases/${cancelled.id}/cancel`, { reason: '经核实为误报' })).status, 200);
  const late = await registerCase(officer, h.catering, 'general');
  // Time passes: the case's deadline was yesterday (the trigger moves it in the summary like any write).
  await stack
    .db('cases')
    .where({ id: late.id })
    .update({ due_at: new Date(Date.now() - 30 * 3600_000) });
  // Complaints on the house without a case: one waiting, one unfounded, one confirmed (a complaint case).
  await complain(h.home);
  const unfounded = await complain(h.home);
  assert.equal((await inspector.post(`/api/complaints/${unfounded}/verify`, { result: 'unfounded', reply: '现场未见异常' })).status, 200);
  const confirmed = await complain(h.home);
  const r = await inspector.post<{ caseId: string }>(`/api/complaints/${confirmed}/verify`, { result: 'confirmed', reply: '已立案整改' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  // Quiet: every case's workflow has reached its first wait.
  await waitForCase(officer, escalated.id, (c) => c.escalationCount >= 1);
  await waitForCase(officer, r.body.caseId, (c) => c.status === 'assigning');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'stats-api');
});

const PIVOTS = [
  'measure=houses&rows=region&cols=riskTier',
  'measure=houses&rows=floorsBand&cols=yearBand',
  'measure=houses&rows=appraisalGrade&cols=businessCategory',
  'measure=houses&rows=use&cols=structureType',
  'measure=hazardsFound&rows=origin&cols=severity',
  'measure=hazardsFound&rows=month&cols=region',
  'measure=hazardsOpen&rows=category&cols=riskTier',
  'measure=hazardsClosed&rows=region',
  'measure=hazardsOverdue&rows=use&cols=floorsBand',
  'measure=hazardsFound&rows=yearBand&cols=appraisalGrade&severity=serious',
  'measure=hazardsOpen&rows=latestJudgement&cols=origin',
  'measure=rectificationRate&rows=region&cols=severity',
];

describe('statistics API', () => {
  test('the overview: shape, meta and the figures of the data written', async () => {
    const r = await officer.get<Overview>('/api/stats/overview');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const o = r.body;
    assert.deepEqual(o.meta.region, { code: '441802', name: o.meta.region.name, level: 'district' });
    const today = beijingDay(new Date());
    assert.equal(o.meta.period?.to.slice(0, 7), today.slice(0, 7));
    assert.ok(Date.parse(o.meta.computedAt) > Date.now() - 60_000);
    assert.equal(o.houses.total.value, 6);
    assert.equal(o.houses.business.value, 3);
    assert.equal(o.houses.floors3Plus.value, 3);
    assert.deepEqual(
      [o.judgements.some.value, o.judgements.none.value, o.judgements.notInspected.value, o.coverage.inspected.value],
      // A registered or confirmed hazard sets the house's judgement (its safety state): only the retail house was judged sound.
      [3, 1, 1, 5],
    );
    assert.equal(o.rectification.found.value, 5, 'five cases found, the cancelled one not counted');
    assert.equal(o.overdue.value, 1);
    assert.equal(o.escalations.value, 1);
    assert.deepEqual([o.complaints.received.value, o.complaints.verified.value, o.complaints.unfounded.value], [3, 1, 1]);
    assert.equal(o.tiers.red.value + o.tiers.orange.value + o.tiers.yellow.value + o.tiers.green.value, 6);
  });

  test('every figure of overview, children, trends, funnel, home and pivots equals the total of the list it links to', async () => {
    let checked = 0;
    for (const [client, who] of [
      [officer, 'officer'],
      [town, 'town'],
      [inspector, 'inspector'],
    ] as const) {
      for (const path of [
        '/api/stats/overview',
        '/api/stats/children',
        '/api/stats/funnel',
        '/api/stats/home',
        '/api/stats/trends?interval=week',
      ]) {
        const r = await client.get(path);
        assert.equal(r.status, 200, `${who} ${path}: ${JSON.stringify(r.body)}`);
        checked += await walk(client, r.body, `${who} ${path}`);
      }
      for (const q of PIVOTS) {
        const r = await client.get<Pivot>(`/api/stats/pivot?${q}`);
        assert.equal(r.status, 200, `${who} ${q}: ${JSON.stringify(r.body)}`);
        checked += await walk(client, r.body, `${who} pivot ${q}`);
      }
    }
    assert.ok(checked > 300, `checked ${checked} figures`);
  });

  test('the OpenAPI document describes every statistics route with its errors', async () => {
    const doc = await officer.get<{
      paths: Record<string, { get?: { responses: Record<string, unknown>; parameters?: { name: string }[] } }>;
    }>('/api/openapi.json');
    for (const path of ['overview', 'children', 'trends', 'funnel', 'pivot', 'pivot.xlsx', 'pivot.csv', 'home']) {
      const op = doc.body.paths[`/api/stats/${path}`]?.get;
      assert.ok(op, `missing /api/stats/${path}`);
      if (path !== 'home') assert.ok(op.responses['422'] && op.responses['404'], path);
    }
    const caseParams = doc.body.paths['/api/cases']?.get?.parameters?.map((p) => p.name) ?? [];
    for (const name of ['state', 'origin', 'dueBefore', 'escalatedFrom', 'closedTo', 'riskTier', 'maxFloors', 'appraisalGrade']) {
      assert.ok(caseParams.includes(name), `case list parameter ${name}`);
    }
  });

  test('the funnel: the definition’s steps with their BPMN elements and the completed assign step', async () => {
    const f = (
      await officer.get<{ steps: { step: string; elementIds: string[]; completed: number; medianDays: number | null; open: Figure }[] }>(
        '/api/stats/funnel',
      )
    ).body;
    assert.deepEqual(
      f.steps.map((s) => s.step),
      ['assign', 'control', 'rectify', 'recheck', 'close'],
    );
    const assign = f.steps.find((s) => s.step === 'assign')!;
    assert.ok(assign.elementIds.includes('Task_assign'));
    assert.equal(assign.completed, 1);
    assert.equal(assign.medianDays, 0);
  });

  test('region scope: a town officer sees their town only, an inspector their village', async () => {
    const own = await town.get<Overview>('/api/stats/overview');
    assert.equal(own.body.meta.region.code, '441802006');
    assert.equal(own.body.houses.total.value, 4);
    for (const region of ['441802', otherTownVillage, otherTownVillage.slice(0, 9)]) {
      const r = await town.get<{ error: { message: string } }>(`/api/stats/overview?region=${region}`);
      assert.equal(r.status, 404, region);
      assert.match(r.body.error.message, /不在您的管辖范围内/);
    }
    const village = await inspector.get<Overview>('/api/stats/overview');
    assert.equal(village.body.meta.region.code, '441802006001');
    assert.equal(village.body.houses.total.value, 3);
    assert.equal((await inspector.get(`/api/stats/children?region=441802006`)).status, 404);
    assert.equal((await inspector.get(`/api/stats/pivot?region=${otherVillage}`)).status, 404);
    // The district officer may look at any town of the district.
    const child = await officer.get<Overview>(`/api/stats/overview?region=441802006`);
    assert.equal(child.body.houses.total.value, 4);
    const children = await officer.get<{ rows: { region: { code: string }; houses: Figure }[] }>('/api/stats/children');
    assert.equal(children.body.rows.find((r) => r.region.code === '441802006')?.houses.value, 4);
  });

  test('the period: months inclusive, to ≥ from, at most 36 months; 422 naming the field', async () => {
    const ok = await officer.get<Overview>('/api/stats/overview?from=2026-01&to=2026-03');
    assert.deepEqual(ok.body.meta.period, { from: '2026-01-01', to: '2026-03-31' });
    const backwards = await officer.get<{ error: { field: string } }>('/api/stats/overview?from=2026-05&to=2026-01');
    assert.equal(backwards.status, 422);
    assert.equal(backwards.body.error.field, 'query.to');
    const long = await officer.get<{ error: { field: string } }>('/api/stats/trends?from=2023-01&to=2026-01');
    assert.equal(long.status, 422);
    assert.equal(long.body.error.field, 'query.from');
    assert.equal((await officer.get('/api/stats/overview?from=2026-13')).status, 400);
    const caseDim = await officer.get<{ error: { field: string } }>('/api/stats/pivot?measure=houses&rows=category');
    assert.equal(caseDim.status, 422);
    assert.equal(caseDim.body.error.field, 'query.rows');
    const caseFilter = await officer.get<{ error: { field: string } }>('/api/stats/pivot?measure=houses&rows=use&origin=daily');
    assert.equal(caseFilter.status, 422);
    assert.equal(caseFilter.body.error.field, 'query.origin');
  });

  test('the exports hold the JSON pivot: XLSX and CSV opened again', async () => {
    const q = 'measure=hazardsFound&rows=region&cols=severity&region=441802006';
    const pivot = (await officer.get<Pivot>(`/api/stats/pivot?${q}`)).body;
    const expected = [
      ...pivot.rowHeaders.map((h, i) => [h.label, ...pivot.cells[i]!.map((c) => c.value ?? ''), pivot.rowTotals[i]!.value ?? '']),
      ['合计', ...pivot.colTotals.map((c) => c.value ?? ''), pivot.total.value ?? ''],
    ];
    const headers = pivot.colHeaders.map((h) => h.label);

    const xlsx = await fetch(`${stack.baseUrl}/api/stats/pivot.xlsx?${q}`, { headers: { cookie: officer.cookieHeader() } });
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    assert.match(String(rows[0]?.[0]), /发现隐患.*凤城|441802006/);
    assert.match(String(rows[0]?.[0]), /计算时间/);
    assert.deepEqual(rows[1]?.slice(1, 1 + headers.length), headers);
    assert.deepEqual(
      rows.slice(2).map((r) => r.map((c) => (c === null || c === undefined ? '' : c))),
      expected,
    );

    const csv = await fetch(`${stack.baseUrl}/api/stats/pivot.csv?${q}`, { headers: { cookie: officer.cookieHeader() } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const records: string[][] = [];
    for await (const r of csvRecords(
      (async function* () {
        yield bytes.subarray(3);
      })(),
      { encoding: 'utf-8' },
    ))
      records.push(r.cells);
    assert.match(records[0]?.[0] ?? '', /计算时间/);
    assert.deepEqual(records[1]?.slice(1, 1 + headers.length), headers);
    assert.deepEqual(
      records.slice(2),
      expected.map((r) => r.map(String)),
    );
  });

  test('a pivot cell of houses becomes a campaign over exactly those houses', async () => {
    const pivot = (await officer.get<Pivot>('/api/stats/pivot?measure=houses&rows=region&cols=use&region=441802006')).body;
    const i = pivot.rowHeaders.findIndex((h) => h.key === '441802006001');
    const j = pivot.colHeaders.findIndex((h) => h.key === 'business');
    const cell = pivot.cells[i]![j]!;
    assert.equal(cell.value, 1);
    const { regionCode, ...filters } = cell.link!.filter;
    const created = await officer.post<{ progress: { total: number } }>('/api/campaigns', {
      name: '统计分析生成的专项排查',
      regionCode,
      filters,
      assigneeRole: 'inspector',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.progress.total, cell.value);
  });
});
