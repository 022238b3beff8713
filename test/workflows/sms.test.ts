/**
 * The SMS delivery workflow alone, its activity mocked: a message held by quiet hours is sent only when
 * they end (a durable timer, not a sleep in a process), one due now at once, and a provider outage is
 * retried until the message goes. No database, no API, no provider.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { SMS_WORKFLOW, smsWorkflowId } from '../../workflows/sms/messages.ts';
import type { SmsDeliveryInput } from '../../workflows/sms/messages.ts';
import { startTestTemporal } from '../support/temporal.ts';

const TASK_QUEUE = 'sms-mocks';
const WORKFLOW = fileURLToPath(new URL('../../workflows/sms/workflow.ts', import.meta.url));

/** When each message's send was attempted, and how many attempts fail before one succeeds. */
const attempts = new Map<string, number[]>();
const failFirst = new Map<string, number>();

const activities = {
  async sendSms({ messageId }: { messageId: string }): Promise<string> {
    const seen = [...(attempts.get(messageId) ?? []), Date.now()];
    attempts.set(messageId, seen);
    if (seen.length <= (failFirst.get(messageId) ?? 0)) throw new Error('短信服务暂不可用：HTTP 503');
    return 'sent';
  },
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

before(async () => {
  env = await startTestTemporal();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowsPath: WORKFLOW, activities });
  running = worker.run();
});
after(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
});

const deliver = (input: SmsDeliveryInput) =>
  env.client.workflow.execute(SMS_WORKFLOW, { workflowId: smsWorkflowId(input.messageId), taskQueue: TASK_QUEUE, args: [input] });

test('a message held by quiet hours is sent when they end, not before', async () => {
  const sendAfter = Date.now() + 3000;
  assert.equal(await deliver({ messageId: 'held', sendAfter: new Date(sendAfter).toISOString() }), 'sent');
  const [first] = attempts.get('held') ?? [];
  assert.ok(first !== undefined && first >= sendAfter - 50, `sent ${first! - sendAfter} ms after the window ended`);
});

test('a message due now is sent at once, and an outage is retried until it goes', async () => {
  const started = Date.now();
  assert.equal(await deliver({ messageId: 'now', sendAfter: new Date(started - 1000).toISOString() }), 'sent');
  assert.ok(attempts.get('now')![0]! - started < 2000);
  failFirst.set('flaky', 2);
  assert.equal(await deliver({ messageId: 'flaky', sendAfter: new Date().toISOString() }), 'sent');
  assert.equal(attempts.get('flaky')!.length, 3);
});
