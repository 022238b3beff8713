/**
 * The monthly bulletin (通报, issue 20 §4) on the real stack: data written through the API (houses,
 * an inspection, cases, one escalated, one overdue) and two warnings; a district officer and a town
 * officer each ask for their region's bulletin of the month, and its figures are compared with the
 * cockpit API's answers for the same region and month (overview and the child regions, figure for
 * figure), its escalated cases with the case list behind the cockpit's figure. The files are downloaded
 * and checked against their recorded SHA-256; scope per role; asking again makes no second bulletin;
 * the monthly schedule (first of the month, Beijing time) makes the previous month's for the district
 * and every town, and a second run makes none.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { BulletinData } from '../../domain/bulletins/data.ts';
import type { Children, Overview } from '../../domain/statistics/api.ts';
import { addMonths, beijingDay } from '../../domain/statistics/period.ts';
import type { MonthlyBulletinsResult } from '../../workflows/bulletin/messages.ts';
import { createBulletinActivities } from '../../workers/activities/bulletins.ts';
import { MONTHLY_BULLETINS_SCHEDULE_ID } from '../../workers/schedules.ts';
import { createHouse, registerCase, waitForCase } from '../support/cases.ts';
import type { ApiClient } from '../support/http.ts';
import { loggedIn } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { pdfText } from '../support/pdf.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

interface BulletinJson {
  id: string;
  regionCode: string;
  month: string;
  status: string;
  createdByName: string | null;
  pdfUrl: string | null;
  pdfSha256: string | null;
  xlsxUrl: string | null;
  xlsxSha256: string | null;
  figures?: BulletinData | null;
}

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
const month = beijingDay(new Date()).slice(0, 7);

async function warning(regionCode: string, ruleId: string): Promise<void> {
  await stack.db('warnings').insert({
    rule_id: ruleId,
    rule_version: 1,
    dedupe_key: `${ruleId}:${randomUUID()}`,
    occurrence: '1',
    region_code: regionCode,
    assignee_role: 'town_officer',
    escalate_to_role: 'district_officer',
    evidence: JSON.stringify({ test: true }),
    acknowledge_due_at: new Date(Date.now() + 86_400_000),
  });
}

async function requestDone(client: ApiClient, regionCode: string, m = month): Promise<BulletinJson> {
  const r = await client.post<BulletinJson>('/api/bulletins', { regionCode, month: m });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const b = await client.get<BulletinJson>(`/api/bulletins/${r.body.id}`);
    assert.equal(b.status, 200, JSON.stringify(b.body));
    if (b.body.status === 'done') return b.body;
    assert.notEqual(b.body.status, 'failed', JSON.stringify(b.body));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`bulletin ${r.body.id} not done in time`);
}

async function download(client: ApiClient, url: string): Promise<Buffer> {
  const res = await fetch(`${stack.baseUrl}${url}`, { headers: { cookie: client.cookieHeader() } });
  assert.equal(res.status, 200, url);
  return Buffer.from(await res.arrayBuffer());
}

/** The cockpit's answers minus the moment they were computed (the bulletin's is its own). */
function withoutComputedAt(answer: { meta: { computedAt: string } }): unknown {
  const { computedAt: _, ...meta } = answer.meta;
  return { ...answer, meta };
}

/** Compares the bulletin's figures with the cockpit API's for the same region and month, as `client`. */
async function assertSameAsCockpit(client: ApiClient, b: BulletinJson): Promise<void> {
  const figures = b.figures!;
  const q = `region=${b.regionCode}&from=${month}&to=${month}`;
  const overview = await client.get<Overview>(`/api/stats/overview?${q}`);
  assert.equal(overview.status, 200);
  assert.deepEqual(withoutComputedAt(figures.overview), withoutComputedAt(overview.body), `${b.regionCode}: overview`);
  const children = await client.get<Children>(`/api/stats/children?${q}`);
  assert.equal(children.status, 200);
  const ranked = figures.ranking.map(({ rank: _, ...row }) => row).sort((x, y) => x.region.code.localeCompare(y.region.code));
  const cockpit = [...children.body.rows].sort((x, y) => x.region.code.localeCompare(y.region.code));
  assert.deepEqual(ranked, cockpit, `${b.regionCode}: children`);
  assert.equal(figures.ranking.length, cockpit.length);
  // The escalated cases listed are the list behind the cockpit's figure.
  const link = overview.body.escalations.link!;
  const list = await client.get<{ total: number; data: { number: string }[] }>(
    `/api/cases?${new URLSearchParams(Object.entries(link.filter).map(([k, v]) => [k, String(v)])).toString()}&perPage=100`,
  );
  assert.equal(figures.escalated.total, overview.body.escalations.value);
  assert.deepEqual(figures.escalated.rows.map((c) => c.number).sort(), list.body.data.map((c) => c.number).sort());
}

before(async () => {
  stack = await startStack();
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  const otherTown = (await stack
    .db('regions')
    .where({ parent_code: '441802' })
    .whereNot('code', '441802006')
    .orderBy('code')
    .first('code')) as {
    code: string;
  };
  const otherVillage = (await stack.db('regions').where({ parent_code: otherTown.code }).orderBy('code').first('code')) as { code: string };
  const home = await createHouse(officer, { use: 'own_home', floorsAbove: 2 });
  const shop = await createHouse(officer, { use: 'business', businessCategory: 'catering', floorsAbove: 3 });
  const far = await createHouse(officer, { villageCode: otherVillage.code, use: 'rental', floorsAbove: 4 });
  const escalated = await registerCase(officer, far);
  assert.equal((await officer.post(`/api/cases/${escalated.id}/escalate`, { reason: '整改拖延，提请督办' })).status, 200);
  const near = await registerCase(officer, shop, 'serious');
  const late = await registerCase(officer, home, 'general');
  await stack
    .db('cases')
    .where({ id: late.id })
    .update({ due_at: new Date(Date.now() - 30 * 3600_000) });
  await warning('441802006001', 'tier_red');
  await warning(otherVillage.code, 'recheck_failures');
  await waitForCase(officer, escalated.id, (c) => c.escalationCount >= 1);
  await waitForCase(officer, near.id, (c) => c.status === 'assigning');
});
after(async () => {
  await recordHistoriesThenStop(stack, 'bulletins');
});

describe('monthly bulletins', () => {
  test('the district’s bulletin shows the cockpit’s figures for the same month, and its files match their SHA-256', async () => {
    const b = await requestDone(officer, '441802');
    assert.equal(b.month, month);
    assert.ok(b.createdByName);
    await assertSameAsCockpit(officer, b);
    const f = b.figures!;
    assert.equal(f.overview.escalations.value, 1);
    assert.equal(f.overview.overdue.value, 1);
    assert.equal(f.warnings.total, 2);
    assert.equal(f.ranking.length, 10, 'every town of the district is ranked');
    const pdf = await download(officer, b.pdfUrl!);
    assert.equal(createHash('sha256').update(pdf).digest('hex'), b.pdfSha256);
    if (process.env.BULLETIN_PDF_OUT) writeFileSync(process.env.BULLETIN_PDF_OUT, pdf);
    const text = pdfText(pdf).replace(/\s+/g, '');
    assert.ok(text.includes(`${f.region.name}自建房安全监管通报`), text.slice(0, 200));
    assert.ok(text.includes('镇（街道）排名') && text.includes('提请督办案件') && text.includes('预警情况'));
    const xlsx = await download(officer, b.xlsxUrl!);
    assert.equal(createHash('sha256').update(xlsx).digest('hex'), b.xlsxSha256);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const summary = book.getWorksheet('概况')!;
    const total = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === '自建房总数（栋）')!;
    assert.equal(total.getCell(2).value, f.overview.houses.total.value);
    assert.equal(book.getWorksheet('排名')!.rowCount >= 10, true);
  });

  test('a town officer’s bulletin of their town matches their cockpit; the district’s is not theirs to ask for or read', async () => {
    const b = await requestDone(town, '441802006');
    await assertSameAsCockpit(town, b);
    assert.equal(b.figures!.warnings.total, 1, 'only the warning raised in the town');
    const district = await town.post<{ error: { code: string; details: { field: string }[] } }>('/api/bulletins', {
      regionCode: '441802',
      month,
    });
    assert.equal(district.status, 422);
    assert.equal(district.body.error.details[0]?.field, 'body.regionCode');
    const listed = await town.get<{ total: number; data: BulletinJson[] }>('/api/bulletins');
    assert.ok(listed.body.data.length >= 1);
    assert.ok(
      listed.body.data.every((x) => x.regionCode.startsWith('441802006')),
      JSON.stringify(listed.body.data.map((x) => x.regionCode)),
    );
    const theirs = (await officer.get<{ data: BulletinJson[] }>(`/api/bulletins?regionCode=441802&month=${month}`)).body.data.find(
      (x) => x.regionCode === '441802',
    )!;
    assert.equal((await town.get(`/api/bulletins/${theirs.id}`)).status, 404);
    const file = await fetch(`${stack.baseUrl}/api/bulletins/${theirs.id}/bulletin.pdf`, { headers: { cookie: town.cookieHeader() } });
    assert.equal(file.status, 404);
    // An inspector may read the cockpit of their village only: no bulletin of a town or the district.
    assert.equal((await inspector.get<{ total: number }>('/api/bulletins')).body.total, 0);
    assert.equal((await inspector.post('/api/bulletins', { regionCode: '441802006', month })).status, 422);
  });

  test('asking again returns the same bulletin; bad input names the field', async () => {
    const first = await requestDone(officer, '441802');
    const again = await officer.post<BulletinJson>('/api/bulletins', { regionCode: '441802', month });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.id);
    assert.equal(again.body.pdfSha256, first.pdfSha256);
    assert.equal(Number(((await stack.db('bulletins').where({ region_code: '441802' }).count({ n: '*' }))[0] as { n: string }).n), 1);
    for (const [body, field] of [
      [{ regionCode: '441802', month: '2026-13' }, 'body.month'],
      [{ regionCode: '441802', month: addMonths(month, 1) }, 'body.month'],
      [{ regionCode: '441802006001', month }, 'body.regionCode'],
      [{ regionCode: '441802' }, 'body.month'],
    ] as const) {
      const r = await officer.post<{ error: { details: { field: string }[] } }>('/api/bulletins', body);
      assert.ok([400, 422].includes(r.status), `${JSON.stringify(body)} → ${r.status}`);
      assert.ok(
        r.body.error.details.some((d) => d.field === field),
        `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`,
      );
    }
  });

  test('the activity repeated (a retry, or two attempts at once after a crash) records one set of files, matching their digests', async () => {
    const activities = createBulletinActivities({ db: stack.db, files: stack.files });
    const done = (await stack
      .db('bulletins')
      .where({ region_code: '441802', month: `${month}-01` })
      .first()) as {
      id: string;
      pdf_sha256: string;
      finished_at: Date;
    };
    assert.deepEqual(await activities.generateBulletin({ bulletinId: done.id }), {
      pdfSha256: done.pdf_sha256,
      xlsxSha256: (await stack.db('bulletins').where({ id: done.id }).first('xlsx_sha256')).xlsx_sha256,
    });
    const after = await stack.db('bulletins').where({ id: done.id }).first('finished_at', 'pdf_sha256');
    assert.deepEqual(after, { finished_at: done.finished_at, pdf_sha256: done.pdf_sha256 }, 'a done bulletin is left as it was');
    // A worker died while making this one: left running. Two attempts now race.
    const [row] = (await stack
      .db('bulletins')
      .insert({ region_code: '441802006', month: '2026-01-01', status: 'running' })
      .returning('id')) as {
      id: string;
    }[];
    const [a, b] = await Promise.all([
      activities.generateBulletin({ bulletinId: row!.id }),
      activities.generateBulletin({ bulletinId: row!.id }),
    ]);
    assert.deepEqual(a, b, 'both attempts answer with the recorded files');
    const recorded = await officer.get<BulletinJson>(`/api/bulletins/${row!.id}`);
    assert.equal(recorded.body.status, 'done');
    assert.equal(recorded.body.pdfSha256, a.pdfSha256);
    const pdf = await download(officer, recorded.body.pdfUrl!);
    assert.equal(createHash('sha256').update(pdf).digest('hex'), a.pdfSha256);
    const xlsx = await download(officer, recorded.body.xlsxUrl!);
    assert.equal(createHash('sha256').update(xlsx).digest('hex'), a.xlsxSha256);
  });

  test('a bulletin asked for but left queued by a crash before its workflow started is started by the sweeper', async () => {
    const user = (await stack.db('users').where({ username: 'officer' }).first('id')) as { id: string };
    const [row] = (await stack
      .db('bulletins')
      .insert({
        region_code: '441802006',
        month: '2026-02-01',
        created_by: user.id,
        created_at: stack.db.raw(`now() - interval '5 minutes'`),
      })
      .returning('id')) as { id: string }[];
    const swept = (await stack.temporal.client.workflow.execute('sweepWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: `sweep-test-bulletin-${row!.id}`,
    })) as { bulletins: number };
    assert.equal(swept.bulletins, 1);
    const until = Date.now() + 30_000;
    let status = 'queued';
    while (Date.now() < until && status !== 'done') {
      status = ((await stack.db('bulletins').where({ id: row!.id }).first('status')) as { status: string }).status;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status, 'done');
  });

  test('the monthly schedule: first of the month at 01:00 Beijing time, last month’s bulletins of the district and every town, once', async () => {
    const handle = stack.temporal.client.schedule.getHandle(MONTHLY_BULLETINS_SCHEDULE_ID);
    const described = await handle.describe();
    assert.equal(described.spec.timezone, 'Asia/Shanghai');
    const cal = described.spec.calendars?.[0];
    assert.deepEqual(
      [cal?.dayOfMonth, cal?.hour, cal?.minute],
      [[{ start: 1, end: 1, step: 1 }], [{ start: 1, end: 1, step: 1 }], [{ start: 0, end: 0, step: 1 }]],
    );
    const run = async (): Promise<MonthlyBulletinsResult> => {
      const seen = new Set((await handle.describe()).info.recentActions.map((a) => a.action.workflow.workflowId));
      await new Promise((resolve) => setTimeout(resolve, 1050 - (Date.now() % 1000)));
      await handle.trigger();
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        const fresh = (await handle.describe()).info.recentActions.find((a) => !seen.has(a.action.workflow.workflowId));
        if (fresh)
          return stack.temporal.client.workflow.getHandle(fresh.action.workflow.workflowId).result() as Promise<MonthlyBulletinsResult>;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.fail('the triggered run did not start');
    };
    const previous = addMonths(month, -1);
    const towns = Number(((await stack.db('regions').where({ parent_code: '441802' }).count({ n: '*' }))[0] as { n: string }).n);
    const first = await run();
    assert.deepEqual(first, { month: previous, done: towns + 1, failed: 0 });
    const rows = await stack
      .db('bulletins')
      .where({ month: `${previous}-01` })
      .select('status', 'created_by', 'pdf_sha256');
    assert.equal(rows.length, towns + 1);
    assert.ok(
      rows.every(
        (r: { status: string; created_by: string | null; pdf_sha256: string | null }) =>
          r.status === 'done' && r.created_by === null && r.pdf_sha256,
      ),
    );
    const second = await run();
    assert.deepEqual(second, { month: previous, done: 0, failed: 0 });
    assert.equal((await stack.db('bulletins').where({ month: `${previous}-01` })).length, towns + 1);
    const listed = await officer.get<{ data: BulletinJson[] }>(`/api/bulletins?month=${previous}&perPage=100`);
    assert.equal(listed.body.data.length, towns + 1);
    assert.ok(listed.body.data.every((x) => x.createdByName === null && x.pdfUrl));
  });
});
