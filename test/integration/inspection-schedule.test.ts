/**
 * 定期巡查 on real Temporal and PostgreSQL, days compressed to seconds (CASE_DAY_SECONDS=1: a red house
 * is due 30 s after its inspection and handed out 7 s before): a red house falls due and the Temporal
 * Schedule's pass puts it in an inspector's inbox; an inspection closes it; a tier that rises brings the
 * due moment forward in the same transaction; the daily cap holds; a re-run pass, and a pass whose worker
 * is killed in the middle, give nothing twice and lose nothing; coverage by region.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { INSPECTION_SCHEDULE_V1 } from '../../definitions/inspection-schedule/index.ts';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { INSPECTION_SCHEDULE_ID } from '../../workers/schedules.ts';
import { INSPECTION_SCHEDULE_WORKFLOW } from '../../workflows/inspection-schedule/messages.ts';
import type { InspectionScheduleResult } from '../../workflows/inspection-schedule/messages.ts';
import { createHouse, registerCase } from '../support/cases.ts';
import { firstSignIn, loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { housesIn } from '../support/imports.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { WorkerProcess, until } from '../support/worker-process.ts';

const DAY_SECONDS = 1;
const VILLAGE = '441802006001';
const CAP = INSPECTION_SCHEDULE_V1.dailyCap;
// The worker process started below reads its day length from the environment, like the stack's.
process.env.CASE_DAY_SECONDS = String(DAY_SECONDS);

let stack: Stack;
let workerProcess: WorkerProcess;
let officer: ApiClient;
let inspectors: ApiClient[];
let town: ApiClient;

type DueItem = { id: string; buildingCode: string; riskTier: string; status: string; dueAt: string; overdue: boolean };
type Counts = { due: number; onTime: number; late: number; overdue: number; pending: number };
type Coverage = {
  from: string;
  to: string;
  total: Counts;
  villages: (Counts & { villageCode: string })[];
  inspectors: (Counts & { assigneeId: string | null })[];
};

before(async () => {
  stack = await startStack({ CASE_DAY_SECONDS: String(DAY_SECONDS) });
  workerProcess = new WorkerProcess(stack);
  officer = await loggedIn(stack.baseUrl, 'officer');
  inspectors = [await loggedIn(stack.baseUrl, 'inspector'), await loggedIn(stack.baseUrl, 'inspector2')];
  town = await loggedIn(stack.baseUrl, 'town');
});
after(async () => {
  workerProcess?.stop();
  await recordHistoriesThenStop(stack, 'inspection-schedule');
});

const inspect = (client: ApiClient, buildingCode: string, serious = false) =>
  client.post<{ id: string }>('/api/inspections', {
    id: randomUUID(),
    buildingCode,
    judgement: serious ? 'serious' : 'none',
    hazards: serious ? [{ category: 'structure_damage', description: '承重墙贯通裂缝' }] : [],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });

const batch = async (client: ApiClient) =>
  (await client.get<{ data: DueItem[]; total: number }>('/api/inspection-due/batch?perPage=100')).body;
const openItem = (code: string) => stack.db('inspection_due').where({ building_code: code }).whereNot('status', 'done').first();

let passes = 0;
/** One pass started directly (as the schedule starts it), to its result. */
const pass = () =>
  stack.temporal.client.workflow.execute(INSPECTION_SCHEDULE_WORKFLOW, {
    taskQueue: stack.config.temporalTaskQueue,
    workflowId: `inspection-schedule-test-${++passes}`,
  }) as Promise<InspectionScheduleResult>;

describe('inspection schedules by risk tier', () => {
  test('a red house falls due, the schedule puts it in an inspector’s inbox, and an inspection closes it', async () => {
    const code = await createHouse(officer);
    // A serious hazard found: the house is red, and due again 30 (compressed) days after this inspection.
    const first = await inspect(inspectors[0] as ApiClient, code, true);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const item = await openItem(code);
    assert.equal(item.tier, 'red');
    const dueMs = new Date(item.due_at).getTime();
    assert.equal(dueMs - new Date(item.basis_at).getTime(), 30 * DAY_SECONDS * 1000);

    // Before it falls due (7 days ahead), a pass gives it to nobody.
    await pass();
    assert.equal((await openItem(code)).status, 'due');
    const fallsDue = dueMs - INSPECTION_SCHEDULE_V1.assignAheadDays * DAY_SECONDS * 1000;
    await sleep(Math.max(0, fallsDue - Date.now()) + 200);

    // The Temporal Schedule's own run hands it out.
    const schedule = stack.temporal.client.schedule.getHandle(INSPECTION_SCHEDULE_ID);
    await schedule.trigger();
    let runId: string | undefined;
    await until(async () => {
      const actions = (await schedule.describe()).info.recentActions;
      runId = actions.at(-1)?.action.workflow.workflowId;
      return runId !== undefined;
    }, 'the schedule to start a pass');
    const result = (await stack.temporal.client.workflow.getHandle(runId as string).result()) as InspectionScheduleResult;
    assert.ok(result.assigned >= 1, JSON.stringify(result));

    const holders = [];
    for (const client of inspectors) if ((await batch(client)).data.some((d) => d.buildingCode === code)) holders.push(client);
    assert.equal(holders.length, 1, 'in exactly one inspector’s batch');
    const holder = holders[0] as ApiClient;
    const mine = (await batch(holder)).data;
    assert.equal(mine[0]?.buildingCode, code, 'the red house first');
    assert.equal(mine[0]?.riskTier, 'red');
    // The holder is told once that day (the pass run by hand before gave nothing, so told no one).
    const notices = async (client: ApiClient) =>
      (await client.get<{ data: { kind: string; link: string | null }[] }>('/api/notifications?perPage=100')).body.data.filter(
        (n) => n.kind === 'inspection_due',
      );
    assert.deepEqual(
      (await notices(holder)).map((n) => n.link),
      ['/inbox?view=schedule'],
    );
    await pass();
    assert.equal((await notices(holder)).length, 1, 'a second pass the same day tells no one again');
    for (const other of inspectors) if (other !== holder) assert.deepEqual(await notices(other), []);

    const closing = await inspect(holder, code, true);
    assert.equal(closing.status, 201);
    assert.ok(!(await batch(holder)).data.some((d) => d.buildingCode === code), 'gone from the batch');
    const done = await stack.db('inspection_due').where({ building_code: code, status: 'done' }).orderBy('id').select();
    assert.equal(done.at(-1).inspection_id, closing.body.id);
    assert.ok(new Date(done.at(-1).done_at) <= new Date(done.at(-1).due_at), 'inspected on time');
    // The next one counts from this inspection.
    const next = await openItem(code);
    assert.equal(new Date(next.basis_at).getTime() + 30_000, new Date(next.due_at).getTime());
  });

  test('a tier that rises brings the due moment forward at once', async () => {
    const code = await createHouse(officer);
    await inspect(inspectors[0] as ApiClient, code); // nothing found: green, due in 365 days
    const green = await openItem(code);
    assert.equal(green.tier, 'green');
    assert.equal(new Date(green.due_at).getTime() - new Date(green.basis_at).getTime(), 365_000);
    await registerCase(officer, code, 'serious');
    const red = await openItem(code);
    assert.equal(red.id, green.id, 'the same item, moved');
    assert.equal(red.tier, 'red');
    assert.equal(new Date(red.due_at).getTime() - new Date(red.basis_at).getTime(), 30_000);
  });

  test('the daily cap holds; a re-run pass and a pass whose worker is killed give nothing twice and lose nothing', async () => {
    // Only this test's passes run now (the schedule's own would race the killed one).
    await stack.temporal.client.schedule.getHandle(INSPECTION_SCHEDULE_ID).pause('test: one pass at a time');
    // More houses falling due (never inspected) than the two inspectors may take in a day.
    const buildings = new DatabaseBuildingStore(stack.db);
    for (const input of housesIn(VILLAGE, 2 * CAP + 5, 31)) await buildings.create(input, stack.db);
    const eastern = await buildings.create(housesIn('441802007', 1, 32)[0]!, stack.db);

    // The pass runs in a worker process; the village's hand-out waits on a lock the test holds.
    await workerProcess.replaceStackWorker();
    const holder = await stack.db.transaction();
    await holder.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`inspection_due:${VILLAGE}`]);
    const killed = stack.temporal.client.workflow.start(INSPECTION_SCHEDULE_WORKFLOW, {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: 'inspection-schedule-killed',
    });
    await until(async () => {
      const { rows } = await stack.db.raw(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      return rows.length > 0;
    }, 'the hand-out to wait on the village lock');
    await workerProcess.kill();
    await holder.rollback();
    // The killed hand-out's transaction kept nothing (one transaction per village).
    const assigned = async () =>
      Number((await stack.db('inspection_due').where({ village_code: VILLAGE, status: 'assigned' }).count({ n: '*' }).first())?.n);
    assert.equal(await assigned(), 0);

    await workerProcess.start();
    const resumed = (await (await killed).result()) as InspectionScheduleResult;
    const rerun = await pass();
    assert.equal(rerun.assigned, 0, 'a re-run gives nothing more');

    const rows = (await stack
      .db('inspection_due')
      .where({ village_code: VILLAGE })
      .whereNot('status', 'done')
      .select('building_code', 'status', 'assignee_id')) as { building_code: string; status: string; assignee_id: string | null }[];
    assert.equal(new Set(rows.map((r) => r.building_code)).size, rows.length, 'one open item per house');
    const users = (await stack.db('users').where({ role: 'inspector', region_code: VILLAGE }).select('id')) as { id: string }[];
    for (const u of users) {
      const held = rows.filter((r) => r.assignee_id === u.id && r.status === 'assigned').length;
      assert.equal(held, CAP, `inspector ${u.id} holds the day's cap, no more`);
    }
    assert.ok(rows.filter((r) => r.status === 'due').length >= 5, 'the rest wait for another day');
    assert.equal(resumed.assigned, 2 * CAP, 'the killed pass, resumed, gave the whole cap once');
    for (const client of inspectors) assert.equal((await batch(client)).total, CAP);

    // Coverage by region: the 凤城 town officer sees the village, not 东城's house; 东城's officer the reverse.
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const made = await admin.post('/api/users', {
      username: 'dongcheng',
      name: '赵东城',
      role: 'town_officer',
      regionCode: '441802007',
      password: 'Dongcheng@2026a',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const eastTown = await firstSignIn(stack.baseUrl, 'dongcheng', 'Dongcheng@2026a');
    // A window holding every item (synthetic houses carry judgements of any date).
    const from = '2000-01-01T00:00:00.000Z';
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const cov = async (client: ApiClient) => (await client.get<Coverage>(`/api/inspection-due/coverage?from=${from}&to=${to}`)).body;
    const west = await cov(town);
    const east = await cov(eastTown);
    assert.ok(west.villages.some((v) => v.villageCode === VILLAGE));
    assert.ok(!west.villages.some((v) => v.villageCode === eastern.slice(0, 12)));
    assert.deepEqual(
      east.villages.map((v) => v.villageCode),
      [eastern.slice(0, 12)],
    );
    assert.equal(east.total.due, 1);
    // Each figure's list has the figure's total, for the reader's own region.
    const list = async (client: ApiClient, q: string) =>
      (await client.get<{ total: number }>(`/api/inspection-due?from=${from}&to=${to}&${q}`)).body.total;
    assert.equal(await list(town, 'coverage=overdue'), west.total.overdue);
    for (const i of west.inspectors) assert.equal(await list(town, i.assigneeId ? `assigneeId=${i.assigneeId}` : 'unassigned=true'), i.due);
    assert.equal(await list(eastTown, `regionCode=${VILLAGE}`), 0);
    // A window that ends before it starts names the field.
    const bad = await town.get<{ error: { details?: { field: string }[] } }>(`/api/inspection-due/coverage?from=${to}&to=${from}`);
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details?.[0]?.field, 'query.from');
  });
});
