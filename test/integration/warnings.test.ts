/**
 * Warning rules on real Temporal and PostgreSQL, through the API, with definition days of a few
 * seconds: each rule raised by its Temporal Schedule fires on data made to trigger it and not on data
 * just below its threshold; a run repeated raises no duplicate; an unacknowledged warning escalates to
 * the district; acknowledging, dispatching (a special inspection, hazard cases) and dismissing work,
 * with bad input refused naming the field, and only within the handler's own area.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { warningRule } from '../../definitions/warning-rules/index.ts';
import { DatabaseComplaintStore } from '../../domain/complaints/database-store.ts';
import { DatabaseWarningStore } from '../../domain/warnings/database-store.ts';
import { toNewWarnings } from '../../domain/warnings/evaluate.ts';
import { createHouse, registerCase } from '../support/cases.ts';
import { newComplaint } from '../support/complaint-store.ts';
import { firstSignIn, loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';
import { runRule, waitForWarning, warningsOf } from '../support/warnings.ts';
import { WorkerProcess, until, within } from '../support/worker-process.ts';
import { warningRuleScheduleId } from '../../workers/schedules.ts';

let stack: Stack;
let officer: ApiClient;
let town: ApiClient;
let otherTown: ApiClient;
let inspector: ApiClient;
let auditor: ApiClient;
let workerProcess: WorkerProcess;
/** One definition day: acknowledging has 1 day (tier, cluster, recheck), so escalation comes in seconds. */
const DAY_SECONDS = 4;

type ErrorReply = { error: { code: string; details?: { field: string }[] } };

before(async () => {
  stack = await startStack({ CASE_DAY_SECONDS: String(DAY_SECONDS) });
  workerProcess = new WorkerProcess(stack);
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
  const admin = await loggedIn(stack.baseUrl, 'admin');
  const created = await admin.post('/api/users', {
    username: 'town7',
    name: '何镇街',
    phone: '13912340007',
    role: 'town_officer',
    regionCode: '441802007',
    password: 'Town7#2026x',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  otherTown = await firstSignIn(stack.baseUrl, 'town7', 'Town7#2026x');
});
after(async () => {
  // The cases opened here run on days of seconds and would be escalating while the worker stops: end them first.
  const running = stack.temporal.client.workflow.list({ query: `WorkflowType = 'hazardCaseWorkflow' AND ExecutionStatus = 'Running'` });
  for await (const wf of running) await stack.temporal.client.workflow.getHandle(wf.workflowId).terminate('test finished');
  workerProcess?.stop();
  await recordHistoriesThenStop(stack, 'warnings');
});

async function inspect(client: ApiClient, buildingCode: string, judgement: 'serious' | 'some') {
  const r = await client.post('/api/inspections', {
    id: randomUUID(),
    buildingCode,
    judgement,
    hazards: [{ category: 'structure_damage', description: '承重墙贯通裂缝' }],
    fileIds: [],
    position: null,
    inspectedAt: new Date().toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

const fieldOf = (body: unknown) => (body as ErrorReply).error.details?.map((d) => d.field);

describe('warning rules', () => {
  test('a house rising to red: one warning (not for a house rising to yellow), no duplicate, escalated when not acknowledged, then dispatched as a special inspection', async () => {
    const red = await createHouse(officer);
    const yellow = await createHouse(officer);
    await inspect(inspector, red, 'serious');
    await inspect(inspector, yellow, 'some');
    await runRule(stack.temporal.client, 'tier_red');
    const mine = (await warningsOf(town, 'tier_red')).filter((w) => w.buildingCodes.includes(red) || w.buildingCodes.includes(yellow));
    assert.deepEqual(
      mine.map((w) => [w.buildingCodes, w.regionCode, w.status]),
      [[[red], '441802006', 'open']],
    );
    const warning = mine[0] as (typeof mine)[number];
    assert.equal(warning.evidence.toTier, 'red');

    // Run again, and two more runs at once (as a retried or overlapping run would): still one warning while the first is open.
    await runRule(stack.temporal.client, 'tier_red');
    const run = () =>
      stack.temporal.client.workflow.execute('warningRuleWorkflow', {
        taskQueue: stack.config.temporalTaskQueue,
        workflowId: `tier-red-by-hand-${randomUUID()}`,
        args: [{ ruleId: 'tier_red' }],
      });
    await Promise.all([run(), run()]);
    assert.equal((await warningsOf(town, 'tier_red')).filter((w) => w.buildingCodes.includes(red)).length, 1);

    // The town officer is told once (the repeated runs above told no one again); the district officer not yet.
    const told = async (c: ApiClient) =>
      (await c.get<{ data: { title: string; link: string | null }[] }>('/api/notifications?perPage=100')).body.data.filter(
        (n) => n.link === `/warnings/${warning.id}`,
      );
    assert.deepEqual(
      (await told(town)).map((n) => n.title),
      ['预警：房屋升为红色风险'],
    );
    assert.deepEqual(await told(officer), []);

    // In the town officer's 预警处置 inbox; not yet in the district's.
    const inbox = async (c: ApiClient) => (await c.get<{ data: { id: string }[] }>('/api/warning-tasks')).body.data.map((w) => w.id);
    assert.ok((await inbox(town)).includes(warning.id));
    assert.ok(!(await inbox(officer)).includes(warning.id));

    // Nobody acknowledges within a day: escalated (recorded), and now in the district officer's inbox too.
    const escalated = await waitForWarning(town, warning.id, (w) => w.status === 'escalated', 'escalated after its deadline');
    assert.ok(escalated.escalatedAt);
    assert.ok((await inbox(officer)).includes(warning.id));
    assert.deepEqual(
      (await told(officer)).map((n) => n.title),
      ['预警超期未确认：房屋升为红色风险'],
    );
    // The escalation is in the audit log, once, by the system, for an auditor of the region to trace.
    const trail = await auditor.get<{
      data: { action: string; actorId: string | null; actorName: string | null; regionCode: string | null }[];
    }>(`/api/audit-log?${new URLSearchParams({ action: 'warning.escalate', subjectId: warning.id })}`);
    assert.equal(trail.status, 200, JSON.stringify(trail.body));
    assert.equal(trail.body.data.length, 1, JSON.stringify(trail.body));
    assert.equal(trail.body.data[0]?.actorId, null);
    assert.equal(trail.body.data[0]?.regionCode, escalated.regionCode);

    const ack = await town.post(`/api/warnings/${warning.id}/acknowledge`, {});
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal((ack.body as { status: string }).status, 'acknowledged');
    assert.equal((await town.post(`/api/warnings/${warning.id}/acknowledge`, {})).status, 409);

    const noDue = await town.post(`/api/warnings/${warning.id}/dispatch`, { kind: 'inspection' });
    assert.equal(noDue.status, 422, JSON.stringify(noDue.body));
    assert.deepEqual(fieldOf(noDue.body), ['body.dueAt']);
    const dueAt = new Date(Date.now() + 10 * DAY_SECONDS * 1000).toISOString();
    const sent = await town.post<{ status: string; dispatch: { kind: string; campaignId: string } }>(
      `/api/warnings/${warning.id}/dispatch`,
      { kind: 'inspection', dueAt },
      { 'Idempotency-Key': 'dispatch-red-1' },
    );
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.status, 'dispatched');
    // The same request again (a flaky phone): applied once.
    const again = await town.post(
      `/api/warnings/${warning.id}/dispatch`,
      { kind: 'inspection', dueAt },
      { 'Idempotency-Key': 'dispatch-red-1' },
    );
    assert.equal(again.status, 200, JSON.stringify(again.body));
    const campaign = await officer.get<{ status: string; progress: { total: number } }>(`/api/campaigns/${sent.body.dispatch.campaignId}`);
    assert.equal(campaign.status, 200);
    assert.equal(campaign.body.progress.total, 1);
    assert.equal((await stack.db('campaigns').whereRaw(`name LIKE '房屋升为红色风险%'`)).length, 1);
    // Another run: the dispatched rise stays settled.
    await runRule(stack.temporal.client, 'tier_red');
    assert.equal((await warningsOf(town, 'tier_red')).filter((w) => w.buildingCodes.includes(red)).length, 1);
  });

  test('a case failing recheck twice: a warning (not for one failure); scoped to its town; dismissed only with a reason', async () => {
    const twice = await registerCase(officer, await createHouse(officer));
    const once = await registerCase(officer, await createHouse(officer));
    await stack.db('cases').where({ id: twice.id }).update({ recheck_failures: 2 });
    await stack.db('cases').where({ id: once.id }).update({ recheck_failures: 1 });
    await runRule(stack.temporal.client, 'recheck_failures');
    const found = (await warningsOf(officer, 'recheck_failures')).filter(
      (w) => w.caseIds.includes(twice.id) || w.caseIds.includes(once.id),
    );
    assert.deepEqual(
      found.map((w) => w.caseIds),
      [[twice.id]],
    );
    const id = (found[0] as (typeof found)[number]).id;

    // Another town's officer, and a village inspector, cannot see it; the auditor sees it but may not act.
    assert.equal((await otherTown.get(`/api/warnings/${id}`)).status, 404);
    assert.equal((await otherTown.post(`/api/warnings/${id}/dismiss`, { reason: '不归我镇' })).status, 404);
    assert.equal((await inspector.post(`/api/warnings/${id}/acknowledge`, {})).status, 404);
    assert.ok(!(await warningsOf(otherTown, 'recheck_failures')).some((w) => w.id === id));
    assert.equal((await auditor.get(`/api/warnings/${id}`)).status, 200);
    assert.equal((await auditor.post(`/api/warnings/${id}/acknowledge`, {})).status, 403);

    const empty = await town.post(`/api/warnings/${id}/dismiss`, {});
    assert.equal(empty.status, 400, JSON.stringify(empty.body));
    assert.deepEqual(fieldOf(empty.body), ['body.reason']);
    const blank = await town.post(`/api/warnings/${id}/dismiss`, { reason: '   ' });
    assert.ok([400, 422].includes(blank.status), JSON.stringify(blank.body));
    assert.deepEqual(fieldOf(blank.body), ['body.reason']);
    const notAllowed = await town.post(`/api/warnings/${id}/dispatch`, { kind: 'case', category: 'structure_damage', severity: 'general' });
    assert.equal(notAllowed.status, 422);
    assert.deepEqual(fieldOf(notAllowed.body), ['body.kind']);

    const dismissed = await town.post<{ status: string; dismissReason: string }>(`/api/warnings/${id}/dismiss`, {
      reason: '复查标准已统一，案件另行督办',
    });
    assert.equal(dismissed.status, 200, JSON.stringify(dismissed.body));
    assert.equal(dismissed.body.status, 'dismissed');
    assert.equal(dismissed.body.dismissReason, '复查标准已统一，案件另行督办');
    assert.ok(await stack.db('audit_log').where({ action: 'warning.dismiss', subject_id: id }).first());
    await runRule(stack.temporal.client, 'recheck_failures');
    assert.equal((await warningsOf(officer, 'recheck_failures')).filter((w) => w.caseIds.includes(twice.id)).length, 1, 'settled');
  });

  test('complaints gathering within 200 m: a warning (not for two), dispatched as hazard cases on the houses named', async () => {
    const complaints = new DatabaseComplaintStore(stack.db);
    const near = [await createHouse(officer, { villageCode: '441802006002' }), await createHouse(officer, { villageCode: '441802006002' })];
    const at = (north: number) => ({ latitude: 23.69 + north / 111_320, longitude: 113.03 });
    await complaints.create(newComplaint({ buildingCode: near[0] as string, regionCode: '441802006002' }, { position: at(0) }));
    await complaints.create(newComplaint({ buildingCode: near[1] as string, regionCode: '441802006002' }, { position: at(60) }));
    await complaints.create(newComplaint({ buildingCode: null, regionCode: '441802006002' }, { position: at(120) }));
    // Two only, 5 km away, in another town.
    await complaints.create(newComplaint({ buildingCode: null, regionCode: '441802007001' }, { position: at(5000) }));
    await complaints.create(newComplaint({ buildingCode: null, regionCode: '441802007001' }, { position: at(5050) }));
    await runRule(stack.temporal.client, 'complaint_cluster');
    const found = await warningsOf(officer, 'complaint_cluster');
    assert.deepEqual(
      found.map((w) => [w.regionCode, w.evidence.complaints, [...w.buildingCodes].sort()]),
      [['441802006', 3, [...near].sort()]],
    );
    const id = (found[0] as (typeof found)[number]).id;

    const noSeverity = await town.post(`/api/warnings/${id}/dispatch`, { kind: 'case', category: 'structure_damage' });
    assert.equal(noSeverity.status, 422);
    assert.deepEqual(fieldOf(noSeverity.body), ['body.severity']);
    const sent = await town.post<{ status: string; dispatch: { kind: string; caseIds: string[] } }>(`/api/warnings/${id}/dispatch`, {
      kind: 'case',
      category: 'structure_damage',
      severity: 'general',
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.dispatch.caseIds.length, 2);
    for (const caseId of sent.body.dispatch.caseIds) {
      const c = await town.get<{ status: string; buildingCode: string }>(`/api/cases/${caseId}`);
      assert.equal(c.status, 200);
      assert.ok(near.includes(c.body.buildingCode));
    }
    const late = await town.post<ErrorReply>(`/api/warnings/${id}/dismiss`, { reason: '重复' });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'WARNING_CLOSED');
  });

  test('a town with 40 % of its open cases overdue: a warning for the district (not for a town at 20 %)', async () => {
    const open = async (village: string, overdue: number, total: number) => {
      for (let i = 0; i < total; i++) {
        const c = await registerCase(officer, await createHouse(officer, { villageCode: village }));
        const due = new Date(Date.now() + (i < overdue ? -1 : 100) * DAY_SECONDS * 1000);
        await stack.db('cases').where({ id: c.id }).update({ due_at: due });
      }
    };
    await open('441802007001', 2, 5);
    await open('441802008001', 1, 5);
    await runRule(stack.temporal.client, 'town_overdue_share');
    const found = (await warningsOf(officer, 'town_overdue_share')).filter((w) => ['441802007', '441802008'].includes(w.regionCode));
    assert.deepEqual(
      found.map((w) => [w.regionCode, w.evidence.openCases, w.evidence.overdueCases]),
      [['441802007', 5, 2]],
    );
    const id = (found[0] as (typeof found)[number]).id;
    // Its handler is the district officer; the town's officer may also act on it (their area), and sees it.
    assert.ok((await officer.get<{ data: { id: string }[] }>('/api/warning-tasks')).body.data.some((w) => w.id === id));
    assert.equal((await otherTown.get(`/api/warnings/${id}`)).status, 200);
    const ack = await officer.post(`/api/warnings/${id}/acknowledge`, {});
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
  });

  test('a run killed after writing its warnings and before starting their workflows: the next run starts them, and raises nothing twice', async () => {
    const c = await registerCase(officer, await createHouse(officer));
    await stack.db('cases').where({ id: c.id }).update({ recheck_failures: 3 });
    // What the first activity of a run commits, with the worker gone before the second: rows without workflows.
    const found = [
      {
        subject: c.id,
        occurrence: 'failures-3',
        regionCode: '441802006001',
        buildingCodes: [],
        caseIds: [c.id],
        evidence: { recheckFailures: 3 },
      },
    ];
    const rule = warningRule('recheck_failures');
    assert.equal(
      await new DatabaseWarningStore(stack.db).raise(toNewWarnings(rule, 1, found, { now: new Date(), daySeconds: DAY_SECONDS })),
      1,
    );
    const row = (await stack
      .db('warnings')
      .where({ dedupe_key: `recheck_failures:${c.id}` })
      .first()) as { id: string; workflow_started_at: Date | null };
    assert.equal(row.workflow_started_at, null);
    const early = await town.post<ErrorReply>(`/api/warnings/${row.id}/acknowledge`, {});
    assert.equal(early.status, 409, 'no workflow yet: nothing to acknowledge');
    assert.equal(early.body.error.code, 'WARNING_NOT_OPEN');

    await runRule(stack.temporal.client, 'recheck_failures');
    assert.equal((await warningsOf(officer, 'recheck_failures')).filter((w) => w.caseIds.includes(c.id)).length, 1, 'not raised twice');
    assert.ok(((await stack.db('warnings').where({ id: row.id }).first()) as { workflow_started_at: Date | null }).workflow_started_at);
    const ack = await town.post(`/api/warnings/${row.id}/acknowledge`, {});
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
  });

  test('three red or orange houses of a village uninspected for 30 days: a warning (not for a village with two)', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const stale = async (village: string, n: number) => {
      const codes: string[] = [];
      for (let i = 0; i < n; i++) codes.push(await createHouse(officer, { villageCode: village }));
      await stack
        .db('buildings')
        .whereIn('code', codes)
        .update({ risk_tier: 'orange', latest_judgement: 'some', latest_judgement_at: old });
      return codes;
    };
    const three = await stale('441802006003', 3);
    await stale('441802007002', 2);
    await runRule(stack.temporal.client, 'high_risk_uninspected');
    const found = (await warningsOf(officer, 'high_risk_uninspected')).filter((w) =>
      ['441802006003', '441802007002'].includes(String(w.evidence.villageCode)),
    );
    assert.deepEqual(
      found.map((w) => [w.evidence.villageCode, w.regionCode, [...w.buildingCodes].sort()]),
      [['441802006003', '441802006', [...three].sort()]],
    );
  });

  test('a business-use house graded C 40 days ago still recorded as a shop: a warning for its town (not for one graded 20 days ago)', async () => {
    const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
    const shop = (days: number) =>
      createHouse(officer, {
        villageCode: '441802006002',
        use: 'business',
        businessCategory: 'catering',
        appraisalGrade: 'C',
        appraisalDate: daysAgo(days),
      });
    const late = await shop(40);
    const recent = await shop(20);
    await runRule(stack.temporal.client, 'business_grade_cd');
    const found = (await warningsOf(town, 'business_grade_cd')).filter((w) => [late, recent].some((c) => w.buildingCodes.includes(c)));
    assert.deepEqual(
      found.map((w) => [w.buildingCodes, w.regionCode, w.evidence.appraisalGrade, w.evidence.deadline, w.ruleVersion]),
      [[[late], '441802006', 'C', daysAgo(10), 2]],
    );
    await runRule(stack.temporal.client, 'business_grade_cd');
    assert.equal((await warningsOf(town, 'business_grade_cd')).filter((w) => w.buildingCodes.includes(late)).length, 1, 'not raised twice');
  });

  // Last: from here on the worker runs in a process of its own.
  test('a worker killed while a run starts its warnings’ workflows: the run resumes on the next worker, every warning gets one workflow and its handlers one notice', async () => {
    await stack.temporal.client.schedule.getHandle(warningRuleScheduleId('recheck_failures')).pause('test: one run at a time');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await registerCase(officer, await createHouse(officer, { villageCode: '441802006004' }));
      await stack.db('cases').where({ id: c.id }).update({ recheck_failures: 4 });
      ids.push(c.id);
    }
    await workerProcess.replaceStackWorker();
    // The run's first notice waits on a lock the test holds: the first warning's workflow has started, not been marked.
    const holder = await stack.db.transaction();
    await holder.raw('LOCK TABLE notifications IN SHARE MODE');
    const killed = await stack.temporal.client.workflow.start('warningRuleWorkflow', {
      taskQueue: stack.config.temporalTaskQueue,
      workflowId: 'warning-rule-killed',
      args: [{ ruleId: 'recheck_failures' }],
    });
    const rows = async () =>
      (await stack
        .db('warnings')
        .where({ rule_id: 'recheck_failures' })
        .whereIn(
          'dedupe_key',
          ids.map((id) => `recheck_failures:${id}`),
        )
        .select('id', 'workflow_started_at')) as { id: string; workflow_started_at: Date | null }[];
    // Another workflow's notice (an earlier test's) may wait on the lock too: wait for the run's warnings as well.
    await until(async () => {
      const { rows: waiting } = await stack.db.raw(
        `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'notifications' AND NOT l.granted`,
      );
      return waiting.length > 0 && (await rows()).length === 3;
    }, 'the run to write its warnings and a notice to wait on the lock');
    await workerProcess.kill();
    await holder.rollback();
    const atKill = await rows();
    assert.equal(atKill.length, 3, 'the warnings were written before the kill');
    assert.ok(
      atKill.every((r) => r.workflow_started_at === null),
      'none marked started when the worker died',
    );

    await workerProcess.start();
    const run = (await within(killed.result(), 90_000, 'the killed run to resume')) as { raised: number };
    assert.equal(run.raised, 3);
    await runRule(stack.temporal.client, 'recheck_failures');
    const after = await rows();
    assert.equal(after.length, 3, 'nothing raised twice');
    assert.ok(
      after.every((r) => r.workflow_started_at),
      'every warning’s workflow started',
    );
    for (const r of after) {
      const d = await stack.temporal.client.workflow.getHandle(`warning-${r.id}`).describe();
      assert.equal(d.type, 'warningWorkflow');
      const notices = (await stack
        .db('notifications')
        .where({ key: `warning:${r.id}:raised` })
        .select('user_id')) as { user_id: string }[];
      assert.ok(notices.length > 0, 'its handlers were told');
      assert.equal(new Set(notices.map((n) => n.user_id)).size, notices.length, 'each handler once');
    }
  });
});
