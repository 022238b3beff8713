/**
 * Notifications and text messages end to end (issue 19 §3), on the real Temporal dev server and
 * PostgreSQL with one definition day lasting ten seconds: a new task notifies the users who may claim
 * it; an approaching deadline notifies and texts the assignee; an escalation's result reaches the
 * officers; the owner's rectification notice is texted exactly once through the SMS simulator's
 * failures and its receipt marks it delivered; quiet hours hold an owner's message; each user reads
 * and marks only their own notifications.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CaseNotifier } from '../../domain/notifications/case-notices.ts';
import { DatabaseCaseFacts } from '../../domain/notifications/database-case-facts.ts';
import { DatabaseNotificationStore } from '../../domain/notifications/database-store.ts';
import { DatabaseSmsStore } from '../../domain/sms/database-store.ts';
import { startSmsDeliveries } from '../../domain/sms/delivery.ts';
import { signHeaders } from '../../domain/supervision/signing.ts';
import { smsWorkflowId } from '../../workflows/sms/messages.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import type { RunningSmsSimulator } from '../../tools/sms-sim/simulator.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase, waitForCase } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const SUPERVISION_SECRET = 'whsec_dGVzdC1ub3RpZmljYXRpb25zLXNlY3JldC0xMjM=';
let stack: Stack;
let sms: RunningSmsSimulator;
let supervision: Awaited<ReturnType<typeof startSupervisionSimulator>>;
let town: ApiClient;
let inspector: ApiClient;
let officer: ApiClient;
let house: string;

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}
interface Message {
  kind: string;
  audience: string;
  recipientName: string | null;
  phone: string | null;
  text: string;
  status: string;
  attempts: number;
}

const notices = async (client: ApiClient, query = 'perPage=100') =>
  (await client.get<{ data: Notice[]; total: number }>(`/api/notifications?${query}`)).body;
const unread = async (client: ApiClient) => (await client.get<{ unread: number }>('/api/notifications/unread-count')).body.unread;
const messages = async (caseId: string) => (await officer.get<{ data: Message[] }>(`/api/cases/${caseId}/messages`)).body.data;

/** Requests the simulator received for a key (or keys beginning with it), failed ones included. */
const requestsFor = (key: string) => [...sms.requests].filter(([k]) => k.startsWith(key)).reduce((sum, [, n]) => sum + n, 0);

/** Polls until `read` returns something that `check` accepts. */
async function until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`${what}: not reached; last: ${JSON.stringify(last)}`);
}

before(async () => {
  supervision = await startSupervisionSimulator({ port: 0, secret: SUPERVISION_SECRET, autoAcknowledgeMs: 0 });
  stack = await startStack({ SUPERVISION_URL: supervision.url, SUPERVISION_SECRET, CASE_DAY_SECONDS: '10' });
  sms = stack.sms!;
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  officer = await loggedIn(stack.baseUrl, 'officer');
  house = await createHouse(officer);
});
after(async () => {
  try {
    await recordHistoriesThenStop(stack, 'notifications');
  } finally {
    await supervision?.close();
  }
});

describe('the notification centre', () => {
  test('a new task notifies the users who may claim it, once; each user reads and marks only their own', async () => {
    const c = await registerCase(officer, house);
    const task = openTask(await waitForCase(officer, c.id, (x) => x.openTasks.length > 0), 'assign');
    const mine = await until(
      'the town officer is notified',
      () => notices(town),
      (l) => l.data.some((n) => n.link === `/inbox/${task.id}`),
    );
    const notice = mine.data.filter((n) => n.link === `/inbox/${task.id}`);
    assert.equal(notice.length, 1, 'one notification per task and user');
    assert.equal(notice[0]!.kind, 'task_claimable');
    assert.match(notice[0]!.body, new RegExp(c.number));
    // The assign step is the town's: the village inspector is not told.
    assert.equal((await notices(inspector)).data.filter((n) => n.link === `/inbox/${task.id}`).length, 0);

    const before = await unread(town);
    assert.ok(before >= 1);
    assert.equal((await inspector.post(`/api/notifications/${notice[0]!.id}/read`, {})).status, 404, "another user's notification");
    assert.equal(await unread(town), before);
    const marked = await town.post<{ unread: number }>(`/api/notifications/${notice[0]!.id}/read`, {});
    assert.equal(marked.status, 200);
    assert.equal(marked.body.unread, before - 1);
    assert.ok((await notices(town)).data.find((n) => n.id === notice[0]!.id)?.readAt);
    assert.equal((await town.post('/api/notifications/not-a-uuid/read', {})).status, 400);
    const all = await town.post<{ unread: number }>('/api/notifications/read-all', {});
    assert.equal(all.body.unread, 0);
    assert.equal((await notices(town, 'unread=true')).total, 0);
    const anonymous = await fetch(`${stack.baseUrl}/api/notifications/unread-count`);
    assert.equal(anonymous.status, 401);
  });

  test("a claimed task's approaching deadline notifies and texts its assignee once per reminder; the escalation's result reaches the officers", async () => {
    const c = await registerCase(officer, house);
    const task = openTask(await waitForCase(officer, c.id, (x) => x.openTasks.length > 0), 'assign');
    assert.equal((await town.post(`/api/tasks/${task.id}/claim`, {})).status, 200);
    // Assign is due after one day (10 s), reminded half and a quarter of a day before, then escalated.
    const reminders = await until(
      'two deadline reminders',
      () => notices(town),
      (l) => l.data.filter((n) => n.kind === 'deadline_approaching' && n.link === `/inbox/${task.id}`).length >= 2,
    );
    assert.equal(reminders.data.filter((n) => n.kind === 'deadline_approaching' && n.link === `/inbox/${task.id}`).length, 2);
    assert.equal((await notices(inspector)).data.filter((n) => n.link === `/inbox/${task.id}`).length, 0);
    const texts = await until(
      'the reminders texted to the town officer',
      () => messages(c.id),
      (l) => l.filter((m) => m.kind === 'task_deadline' && m.status === 'delivered').length === 2,
    );
    const staff = texts.filter((m) => m.kind === 'task_deadline');
    assert.deepEqual(
      staff.map((m) => [m.audience, m.phone]),
      [
        ['staff', '138****0003'],
        ['staff', '138****0003'],
      ],
    );
    assert.match(staff[0]!.text, /^【清城区自建房安全】.*将于.*到期/);
    const results = await until(
      "the escalation's result",
      () => notices(officer),
      (l) => l.data.some((n) => n.kind === 'escalation_result' && n.link === `/cases/${c.id}/show`),
    );
    assert.equal(results.data.filter((n) => n.kind === 'escalation_result' && n.link === `/cases/${c.id}/show`).length, 1);
  });
});

describe('text messages to house owners', () => {
  test('the rectification notice is texted exactly once through the simulator failing, and its receipt marks it delivered', async () => {
    sms.control.down = true;
    const c = await registerCase(officer, house);
    const assign = openTask(await waitForCase(officer, c.id, (x) => x.openTasks.length > 0), 'assign');
    const after = await complete(town, assign.id, ASSIGN_FORM);
    const rectify = openTask(after, 'rectify');
    const key = `case:${c.id}:rectify-notice:${rectify.id}`;
    // Refused while down: the delivery workflow retries with the same key.
    await until(
      'retries while the provider is down',
      async () => requestsFor(key),
      (n) => n >= 2,
    );
    Object.assign(sms.control, { down: false, failRate: 0.6 });
    const delivered = await until(
      'the notice delivered',
      () => messages(c.id),
      (l) => l.some((m) => m.kind === 'rectification_notice' && m.status === 'delivered'),
      60_000,
    );
    sms.control.failRate = 0;
    const notice = delivered.filter((m) => m.kind === 'rectification_notice');
    assert.equal(notice.length, 1);
    assert.equal(notice[0]!.audience, 'owner');
    assert.equal(notice[0]!.phone, '138****5678');
    assert.equal(notice[0]!.recipientName, '张*');
    assert.ok(notice[0]!.attempts >= 2, `attempts ${notice[0]!.attempts}`);
    assert.match(notice[0]!.text, /维修加固/);
    assert.doesNotMatch(notice[0]!.text, /张三/);
    // Counted where it arrives: asked several times, taken (and so sent to the phone) once.
    // Found by what they say, not by key: a sender that changed its key per attempt would show here twice.
    assert.ok(requestsFor(key) >= 2);
    const taken = [...sms.messages.values()].filter((m) => m.template === 'rectification_notice' && m.text.includes(c.number));
    assert.equal(taken.length, 1);
    assert.equal(taken[0]!.phone, '13812345678');
    // The inspector of the village is told of the rectification task.
    assert.ok((await notices(inspector)).data.some((n) => n.link === `/inbox/${rectify.id}` && n.kind === 'task_claimable'));
  });

  test('quiet hours hold an owner’s message (one, however often the step is written) until they end', async () => {
    const c = await registerCase(officer, house);
    const assign = openTask(await waitForCase(officer, c.id, (x) => x.openTasks.length > 0), 'assign');
    await complete(town, assign.id, ASSIGN_FORM);
    // A window around now, in Beijing time: the message must wait for its end.
    const minute = Math.floor((Date.now() / 60_000 + 8 * 60) % 1440);
    const quiet = { start: (minute + 1439) % 1440, end: (minute + 2) % 1440, offsetMinutes: 480 };
    const sent = new DatabaseSmsStore(stack.db);
    const notifier = new CaseNotifier({
      facts: new DatabaseCaseFacts(stack.db),
      notifications: new DatabaseNotificationStore(stack.db),
      sms: sent,
      quietHours: quiet,
      deliver: (m) => startSmsDeliveries(stack.temporal.client, stack.config.temporalTaskQueue, m),
    });
    const taskId = randomUUID();
    const step = {
      caseId: c.id,
      seq: 999,
      occurredAt: new Date().toISOString(),
      event: { type: 'task.opened', elementId: null, taskId, actor: null, data: {} },
      openTasks: [
        {
          id: taskId,
          taskNo: 99,
          step: 'rectify',
          elementId: 'Task_rectify',
          roles: ['inspector'],
          regionCode: '441802006001',
          dueAt: null,
          assigneeId: null,
        },
      ],
    };
    await notifier.afterStep(step);
    await notifier.afterStep(step);
    const held = (await sent.ofCase(c.id)).filter((m) => m.key === `case:${c.id}:rectify-notice:${taskId}`);
    assert.equal(held.length, 1);
    assert.equal(held[0]!.status, 'held');
    assert.ok(held[0]!.sendAfter.getTime() > Date.now() + 30_000, `held until ${held[0]!.sendAfter.toISOString()}`);
    const handle = stack.temporal.client.workflow.getHandle(smsWorkflowId(held[0]!.id));
    assert.equal((await handle.describe()).status.name, 'RUNNING');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(requestsFor(held[0]!.key), 0, 'nothing sent during quiet hours');
    assert.equal((await sent.find(held[0]!.id))?.status, 'held');
    await handle.terminate('test over');
  });

  test("a reminder before the rectification deadline texts the owner and tells the task's pool, once however often the step is written", async () => {
    const c = await registerCase(officer, house);
    const assign = openTask(await waitForCase(officer, c.id, (x) => x.openTasks.length > 0), 'assign');
    const rectify = openTask(await complete(town, assign.id, ASSIGN_FORM), 'rectify');
    // The step the workflow writes seven definition days before the deadline, as its local activity does.
    const notifier = new CaseNotifier({
      facts: new DatabaseCaseFacts(stack.db),
      notifications: new DatabaseNotificationStore(stack.db),
      sms: new DatabaseSmsStore(stack.db),
      quietHours: null,
      deliver: (m) => startSmsDeliveries(stack.temporal.client, stack.config.temporalTaskQueue, m),
    });
    const step = {
      caseId: c.id,
      seq: 998,
      occurredAt: new Date().toISOString(),
      event: { type: 'task.reminded', elementId: 'Task_rectify', taskId: rectify.id, actor: null, data: { daysBefore: 7 } },
    };
    await notifier.afterStep(step);
    await notifier.afterStep(step);
    const texts = await until(
      'the deadline reminder delivered',
      () => messages(c.id),
      (l) => l.some((m) => m.kind === 'rectification_deadline' && m.status === 'delivered'),
    );
    const reminder = texts.filter((m) => m.kind === 'rectification_deadline');
    assert.equal(reminder.length, 1);
    assert.match(reminder[0]!.text, /整改期限为\d{4}年\d{1,2}月\d{1,2}日/);
    // Nobody holds the task yet: no staff text; the village's inspectors are told.
    assert.equal(texts.filter((m) => m.kind === 'task_deadline').length, 0);
    const told = (await notices(inspector)).data.filter((n) => n.kind === 'deadline_approaching' && n.link === `/inbox/${rectify.id}`);
    assert.equal(told.length, 1);
    assert.equal([...sms.messages.values()].filter((m) => m.template === 'rectification_deadline' && m.text.includes(c.number)).length, 1);

    // Reassigned to the second inspector: they are told it is theirs now.
    const to = (await stack.db('users').where({ username: 'inspector2' }).first('id')) as { id: string };
    const reassigned = await town.post(`/api/tasks/${rectify.id}/reassign`, { userId: to.id, reason: '原排查员休假' });
    assert.equal(reassigned.status, 200, JSON.stringify(reassigned.body));
    const inspector2 = await loggedIn(stack.baseUrl, 'inspector2');
    const theirs = await until(
      'the new assignee told',
      () => notices(inspector2),
      (l) => l.data.some((n) => n.kind === 'task_assigned' && n.link === `/inbox/${rectify.id}`),
    );
    assert.equal(theirs.data.filter((n) => n.kind === 'task_assigned' && n.link === `/inbox/${rectify.id}`).length, 1);
    assert.match(theirs.data.find((n) => n.kind === 'task_assigned')!.title, /转派给您的任务：整改/);
  });

  test('a receipt is taken only when signed with the SMS secret and about a message the platform sent', async () => {
    const body = JSON.stringify({
      providerId: 'sms_x',
      key: 'no-such-key',
      status: 'delivered',
      error: null,
      at: new Date().toISOString(),
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${stack.baseUrl}/api/sms/receipts`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    assert.equal((await post(signHeaders('whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==', 'rcpt_1', body))).status, 401);
    assert.equal((await post({})).status, 401);
    const unknown = await post(signHeaders(stack.config.smsSecret, 'rcpt_2', body));
    assert.equal(unknown.status, 422, await unknown.text());
  });
});
