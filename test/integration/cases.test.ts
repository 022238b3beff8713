/**
 * The hazard case end to end on real Temporal and PostgreSQL, through the API: each step by the user
 * the rules name, the recheck loop, the second failure escalating, the serious case's closing gate,
 * cancel, the 409 race, the inbox, evidence files, and the trail's hash chain.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { verifyCaseChain } from '../../domain/cases/chain.ts';
import { pdfText } from '../support/pdf.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import { ASSIGN_FORM, complete, createHouse, escalationDeliveries, openTask, registerCase, upload, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { firstSignIn, loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import { caseWorkflowId } from '../../workflows/hazard-case/messages.ts';
import type { Stack } from '../support/stack.ts';

let stack: Stack;
let sim: Awaited<ReturnType<typeof startSupervisionSimulator>>;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let inspector2: ApiClient;
let auditor: ApiClient;
let house: string;
const deliveries = escalationDeliveries();
const SECRET = 'whsec_dGVzdC1zdXBlcnZpc2lvbi1zZWNyZXQ=';

before(async () => {
  sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0, onEscalationRequest: deliveries.record });
  stack = await startStack({ SUPERVISION_URL: sim.url, SUPERVISION_SECRET: SECRET });
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  inspector2 = await loggedIn(stack.baseUrl, 'inspector2');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
  house = await createHouse(officer);
});
after(async () => {
  try {
    await recordHistoriesThenStop(stack, 'cases');
  } finally {
    await sim?.close();
  }
});

type ErrorReply = { error: { code: string; message: string; details?: { field: string }[] } };

async function toRecheck(c: CaseInfo): Promise<CaseInfo> {
  let now = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
  const photo = await upload(inspector, c.id);
  now = await complete(inspector, openTask(now, 'rectify').id, { description: '已加固楼板并粉刷', fileIds: [photo] });
  return now;
}

describe('hazard case', () => {
  test('general case: assign → rectify → recheck fail → rectify → recheck pass → close, each by the user the rules name', async () => {
    const c = await registerCase(officer, house);
    assert.equal(c.status, 'assigning');
    assert.match(c.number, /^YH\d{8}\d{6}$/);
    assert.deepEqual(c.activeElements, ['Task_assign']);

    const townInbox = await town.get<{ data: { id: string }[]; total: number }>('/api/tasks?view=claimable');
    assert.ok(
      townInbox.body.data.some((t) => t.id === openTask(c, 'assign').id),
      'the town officer may claim the assign task',
    );
    const inspectorInbox = await inspector.get<{ data: { id: string }[] }>('/api/tasks?view=claimable');
    assert.ok(!inspectorInbox.body.data.some((t) => t.id === openTask(c, 'assign').id), 'an inspector may not');

    let now = await toRecheck(c);
    assert.equal(now.status, 'rechecking');
    // Four eyes: the inspector who submitted the evidence cannot recheck it.
    const own = await inspector.post<ErrorReply>(`/api/tasks/${openTask(now, 'recheck').id}/claim`);
    assert.equal(own.status, 403, JSON.stringify(own.body));

    now = await complete(inspector2, openTask(now, 'recheck').id, { result: 'fail', reasons: '裂缝未修补完全' });
    assert.equal(now.status, 'rectifying');
    assert.equal(now.recheckFailures, 1);
    assert.equal(now.escalationCount, 0);

    const photo = await upload(inspector, c.id);
    now = await complete(inspector, openTask(now, 'rectify').id, { description: '补强完成', fileIds: [photo] });
    const recheck = openTask(now, 'recheck');
    const done = await complete(town, recheck.id, { result: 'pass' });
    // Read your write: the completed task is gone from the inbox in the response that completes it.
    assert.ok(!done.openTasks.some((t) => t.id === recheck.id));
    const mine = await town.get<{ data: { id: string }[] }>('/api/tasks?view=claimable');
    assert.ok(!mine.body.data.some((t) => t.id === recheck.id));

    now = await complete(town, openTask(done, 'close').id, { signRemoved: true });
    assert.equal(now.status, 'closed');
    assert.deepEqual(now.openTasks, []);
    assert.ok((now.elements.Task_rectify?.visits ?? 0) >= 2, 'rectify was visited twice');
    assert.equal(now.elements.EndEvent_closed?.visits, 1);

    const houseFile = await officer.get<{ building: { latestJudgement: string; rectificationStatus: string } }>(
      `/api/buildings/by-code/${house}`,
    );
    assert.equal(houseFile.body.building.latestJudgement, 'none');
    assert.equal(houseFile.body.building.rectificationStatus, 'done');

    const trail = await auditor.get<{
      data: { type: string; summary: string; details: { label: string; value: string }[]; files: unknown[] }[];
      chain: { ok: boolean };
    }>(`/api/cases/${c.id}/events`);
    assert.equal(trail.status, 200);
    assert.equal(trail.body.chain.ok, true);
    assert.ok(trail.body.data.some((e) => e.type === 'task.completed' && e.files.length === 1));
    // The trail shows the responsible party masked, as the case does; the stored event (hashed) keeps it whole.
    assert.doesNotMatch(JSON.stringify(trail.body), /13812345678|张三/);
    assert.match(JSON.stringify(trail.body), /138\*{4}5678/);
    // What each step's form recorded, labelled: the assignment's party and measures, the rectification's account.
    const details = trail.body.data.flatMap((e) => e.details.map((d) => `${d.label}：${d.value}`));
    assert.ok(details.includes('整改责任人：张* · 产权人 · 138****5678'), details.join('\n'));
    assert.ok(details.includes('整治措施：维修加固'), details.join('\n'));
    assert.ok(details.includes('整改情况：补强完成'), details.join('\n'));
    assert.equal((await auditor.get<{ ok: boolean }>(`/api/cases/${c.id}/verify`)).body.ok, true);

    // The auditor's dossier: a PDF with the timeline and the verification; a town officer may not export it.
    const pdf = await fetch(`${stack.baseUrl}/api/cases/${c.id}/dossier.pdf`, { headers: { Cookie: auditor.cookieHeader() } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(bytes);
    assert.match(text, /校验通过/);
    assert.match(text, new RegExp(c.number));
    // The facts the case page shows, the owner's name and phone masked as there.
    assert.match(text, /整治措施：维修加固/);
    assert.match(text, /整改情况：补强完成/);
    assert.match(text, /整改责任人：张\* · 产权人 · 138\*{4}5678/);
    assert.doesNotMatch(text, /张三|13812345678/);
    assert.equal((await town.get(`/api/cases/${c.id}/dossier.pdf`)).status, 403);
  });

  test('a second failed recheck escalates to the supervision system, exactly once', async () => {
    const c = await registerCase(officer, house);
    let now = await toRecheck(c);
    now = await complete(town, openTask(now, 'recheck').id, { result: 'fail', reasons: '未整改' });
    const photo = await upload(inspector, c.id);
    now = await complete(inspector, openTask(now, 'rectify').id, { description: '再次整改', fileIds: [photo] });
    now = await complete(town, openTask(now, 'recheck').id, { result: 'fail', reasons: '仍未整改到位' });
    assert.equal(now.recheckFailures, 2);
    assert.equal(now.status, 'rectifying');
    now = await waitForCase(officer, c.id, (x) => x.escalations[0]?.status === 'accepted');
    assert.equal(now.escalationCount, 1);
    assert.equal(now.escalations[0]?.reason, 'recheck_failed_twice');
    const received = [...sim.state.escalations.values()].filter((e) => e.payload.caseId === c.id);
    assert.equal(received.length, 1);
    assert.equal(received[0]?.payload.escalationNo, 1);
    // Counted where it arrives, before the simulator's de-duplication: one request, not one key sent twice.
    assert.deepEqual(
      deliveries.ofCase(c.id).map((d) => d.idempotencyKey),
      [`${c.id}:1`],
    );
  });

  test('a serious case goes through control and cannot close without grade A/B or proof of demolition', async () => {
    const c = await registerCase(officer, house, 'serious');
    let now = await complete(town, openTask(c, 'assign').id, { ...ASSIGN_FORM, measures: ['stop_use_evacuate', 'appraisal'] });
    assert.equal(now.status, 'controlling');
    const controlPhoto = await upload(inspector, c.id);
    now = await complete(inspector, openTask(now, 'control').id, {
      measuresTaken: ['stopped_use', 'evacuated', 'warning_sign'],
      fileIds: [controlPhoto],
    });
    const photo = await upload(inspector, c.id);
    now = await complete(inspector, openTask(now, 'rectify').id, { description: '已加固', fileIds: [photo], appraisalGrade: 'C' });
    now = await complete(town, openTask(now, 'recheck').id, { result: 'pass' });
    const close = openTask(now, 'close');
    const refused = await town.post<ErrorReply>(`/api/tasks/${close.id}/complete`, { form: { signRemoved: true } });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /A 级或 B 级/);
    const still = (await town.get<CaseInfo>(`/api/cases/${c.id}`)).body;
    assert.equal(still.status, 'closing', 'a refused completion changes nothing');
    now = await complete(town, close.id, { signRemoved: true, appraisalGrade: 'B' });
    assert.equal(now.status, 'closed');
  });

  test('a serious case reported demolished cannot close without the demolition proof files; with them it closes', async () => {
    const c = await registerCase(officer, house, 'serious');
    let now = await complete(town, openTask(c, 'assign').id, { ...ASSIGN_FORM, measures: ['stop_use_evacuate', 'demolish'] });
    now = await complete(inspector, openTask(now, 'control').id, {
      measuresTaken: ['stopped_use', 'evacuated'],
      fileIds: [await upload(inspector, c.id)],
    });
    // Demolished at rectification, without an appraisal: only the proof files can open the gate.
    now = await complete(inspector, openTask(now, 'rectify').id, {
      description: '房屋已整体拆除',
      fileIds: [await upload(inspector, c.id)],
      demolished: true,
    });
    now = await complete(town, openTask(now, 'recheck').id, { result: 'pass' });
    const close = openTask(now, 'close');
    const withoutProof = [
      { signRemoved: true, demolished: true },
      { signRemoved: true, demolished: true, demolitionFileIds: [] },
      { signRemoved: true },
    ];
    for (const form of withoutProof) {
      const refused = await town.post<ErrorReply>(`/api/tasks/${close.id}/complete`, { form });
      assert.equal(refused.status, 422, `${JSON.stringify(form)}: ${JSON.stringify(refused.body)}`);
      assert.match(refused.body.error.message, /拆除证明/);
    }
    const still = (await town.get<CaseInfo>(`/api/cases/${c.id}`)).body;
    assert.equal(still.status, 'closing', 'a refused completion changes nothing');
    assert.deepEqual(
      still.openTasks.map((t) => t.id),
      [close.id],
    );
    const trail = await officer.get<{ data: { type: string; elementId: string }[] }>(`/api/cases/${c.id}/events`);
    assert.ok(!trail.body.data.some((e) => e.type === 'task.completed' && e.elementId === 'Task_close'), 'no close step recorded');

    const proof = await upload(inspector, c.id, undefined, '拆除现场.png');
    now = await complete(town, close.id, { signRemoved: true, demolished: true, demolitionFileIds: [proof] });
    assert.equal(now.status, 'closed');
  });

  test('two people completing the same task at once: one wins, the other gets 409 and nothing changes twice', async () => {
    // Two people who may both do the step (an officer would be refused 403 or 409 depending on timing).
    const c = await registerCase(officer, house);
    const assigned = await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
    const task = openTask(assigned, 'rectify');
    const form = { description: '已加固楼板', fileIds: [await upload(inspector, c.id)] };
    const [a, b] = await Promise.all([
      inspector.post<CaseInfo>(`/api/tasks/${task.id}/complete`, { form }),
      inspector2.post<CaseInfo>(`/api/tasks/${task.id}/complete`, { form }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], JSON.stringify([a.body, b.body]));
    const trail = await officer.get<{ data: { type: string; elementId: string }[] }>(`/api/cases/${c.id}/events`);
    assert.equal(trail.body.data.filter((e) => e.type === 'task.completed' && e.elementId === 'Task_rectify').length, 1);
  });

  test('the same Idempotency-Key twice completes once; a bad form names the field and changes nothing', async () => {
    const c = await registerCase(officer, house);
    const task = openTask(c, 'assign');
    const bad = await town.post<ErrorReply>(`/api/tasks/${task.id}/complete`, { form: { measures: [] } });
    // A well-formed request whose form breaks the step's rules: 422, as the OpenAPI document says.
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    assert.match(bad.body.error.message, /整改责任人：必填/);
    assert.doesNotMatch(bad.body.error.message, /responsibleParty|measures/);
    const malformed = await town.post<ErrorReply>(`/api/tasks/${task.id}/complete`, { form: [] });
    assert.equal(malformed.status, 400, JSON.stringify(malformed.body));
    const fields = (bad.body.error.details ?? []).map((d) => d.field);
    assert.ok(fields.includes('body.form.responsibleParty'), fields.join());
    assert.ok(fields.includes('body.form.measures'), fields.join());
    const headers = { 'Idempotency-Key': 'assign-once-1' };
    const first = await town.post<CaseInfo>(`/api/tasks/${task.id}/complete`, { form: ASSIGN_FORM }, headers);
    const again = await town.post<CaseInfo>(`/api/tasks/${task.id}/complete`, { form: ASSIGN_FORM }, headers);
    assert.equal(first.status, 200);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const trail = await officer.get<{ data: { type: string; elementId: string }[] }>(`/api/cases/${c.id}/events`);
    assert.equal(trail.body.data.filter((e) => e.type === 'task.completed' && e.elementId === 'Task_assign').length, 1);
  });

  test('workflow code records no stack frames by default (WORKFLOW_STACK_TRACE_LIMIT 0), and the case still answers the stack query', async () => {
    const c = await registerCase(officer, house);
    const handle = stack.temporal.client.workflow.getHandle(caseWorkflowId(c.id));
    const trace = await handle.query<string>('__stack_trace');
    assert.equal(stack.config.workflowStackTraceLimit, 0);
    assert.doesNotMatch(trace, /^\s+at /m, trace);
  });

  test('a district officer cancels with a reason; a town officer may not; a cancelled case takes no more work', async () => {
    const c = await registerCase(officer, house);
    const denied = await town.post<ErrorReply>(`/api/cases/${c.id}/cancel`, { reason: '误报' });
    assert.equal(denied.status, 403);
    const cancelled = await officer.post<CaseInfo>(`/api/cases/${c.id}/cancel`, { reason: '经核实为误报' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    assert.deepEqual(cancelled.body.openTasks, []);
    const late = await town.post<ErrorReply>(`/api/tasks/${openTask(c, 'assign').id}/complete`, { form: ASSIGN_FORM });
    assert.equal(late.status, 409);
  });

  test('evidence is checked by content and size, and served only inside the region', async () => {
    const c = await registerCase(officer, house);
    const fake = await inspector.request<ErrorReply>('POST', `/api/cases/${c.id}/files`, Buffer.from('not an image'), {
      'Content-Type': 'image/jpeg',
    });
    assert.equal(fake.status, 400);
    assert.equal(fake.body.error.details?.[0]?.field, 'body');
    const big = await inspector.request<ErrorReply>('POST', `/api/cases/${c.id}/files`, Buffer.alloc(11 * 1024 * 1024, 1), {
      'Content-Type': 'image/jpeg',
    });
    assert.equal(big.status, 413);
    const id = await upload(inspector, c.id);
    const file = await officer.request('GET', `/api/cases/${c.id}/files/${id}`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    const admin = await loggedIn(stack.baseUrl, 'admin');
    const other = await admin.post<{ id: string }>('/api/users', {
      username: 'inspector_far',
      name: '赵远',
      role: 'inspector',
      regionCode: '441802103001',
      password: 'Ydym@2026x',
    });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    const far = await firstSignIn(stack.baseUrl, 'inspector_far', 'Ydym@2026x');
    assert.equal((await far.request('GET', `/api/cases/${c.id}/files/${id}`)).status, 404);
    assert.equal((await far.get(`/api/cases/${c.id}`)).status, 404);
    // Nor its tasks: not shown, not claimed, not completed, and the task stays as it was.
    const task = openTask(c, 'assign');
    assert.equal((await far.get(`/api/tasks/${task.id}`)).status, 404);
    assert.equal((await far.post(`/api/tasks/${task.id}/claim`, {})).status, 404);
    assert.equal((await far.post(`/api/tasks/${task.id}/complete`, { form: ASSIGN_FORM })).status, 404);
    const after = await officer.get<CaseInfo>(`/api/cases/${c.id}`);
    assert.deepEqual(
      after.body.openTasks.map((t) => [t.id, t.status]),
      [[task.id, 'open']],
    );
  });

  test('case_events refuses UPDATE and DELETE; a row changed behind the trigger is found by the verifier', async () => {
    const c = await registerCase(officer, house);
    await complete(town, openTask(c, 'assign').id, ASSIGN_FORM);
    await assert.rejects(stack.db('case_events').where({ case_id: c.id }).update({ type: 'x' }), /append-only/);
    await assert.rejects(stack.db('case_events').where({ case_id: c.id }).delete(), /append-only/);
    assert.equal((await verifyCaseChain(stack.db, c.id)).ok, true);
    // Only a superuser switching triggers off can tamper; the chain still shows it.
    await stack.db.transaction(async (trx) => {
      await trx.raw('ALTER TABLE case_events DISABLE TRIGGER case_events_no_update');
      await trx('case_events')
        .where({ case_id: c.id, seq: 2 })
        .update({ data: JSON.stringify({ forged: true }) });
      await trx.raw('ALTER TABLE case_events ENABLE TRIGGER case_events_no_update');
    });
    const verdict = await auditor.get<{ ok: boolean; brokenAt: { seq: number; reason: string } }>(`/api/cases/${c.id}/verify`);
    assert.equal(verdict.body.ok, false);
    assert.deepEqual(verdict.body.brokenAt, { seq: 2, reason: 'hash' });

    // The operator's command says the same and fails.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', c.number], {
      env: { ...process.env, DATABASE_URL: stack.config.databaseUrl, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, new RegExp(`${c.number}.*第 2 条记录校验失败`));
  });
});
