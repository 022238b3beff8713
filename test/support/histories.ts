/**
 * Replays every hazard case, complaint, campaign, warning, text message and inspection schedule pass history a test file produced against the current
 * workflow code, so a change that would break a running one fails CI. The histories are also kept under
 * test-artifacts/histories, in the JSON form Temporal's CLI exports; one copied into test/fixtures/histories
 * is replayed by every later CI run, so code changes cannot break the cases it stands for.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMPAIGN_WORKFLOW } from '../../workflows/campaign/messages.ts';
import { COMPLAINT_WORKFLOW } from '../../workflows/complaint/messages.ts';
import { HAZARD_CASE_WORKFLOW } from '../../workflows/hazard-case/messages.ts';
import { SMS_WORKFLOW } from '../../workflows/sms/messages.ts';
import { WARNING_WORKFLOW } from '../../workflows/warning/messages.ts';
import { INSPECTION_SCHEDULE_WORKFLOW } from '../../workflows/inspection-schedule/messages.ts';
import { historyText, replayFromServer } from '../../workers/replay.ts';
import type { Stack } from './stack.ts';

async function recordHistories(stack: Stack, name: string): Promise<void> {
  const dir = join('test-artifacts', 'histories', name);
  mkdirSync(dir, { recursive: true });
  const types = [
    HAZARD_CASE_WORKFLOW,
    COMPLAINT_WORKFLOW,
    CAMPAIGN_WORKFLOW,
    SMS_WORKFLOW,
    WARNING_WORKFLOW,
    'warningRuleWorkflow',
    INSPECTION_SCHEDULE_WORKFLOW,
  ]
    .map((t) => `WorkflowType = '${t}'`)
    .join(' OR ');
  const report = await replayFromServer(stack.temporal.client, {
    query: types,
    onHistory: ({ workflowId, history }) => writeFileSync(join(dir, `${workflowId}.json`), historyText(history)),
  });
  assert.deepEqual(
    report.failures.map((f) => `${f.workflowId}: ${f.error}`),
    [],
    'every recorded history replays cleanly',
  );
}

/**
 * The `after` of a test file: records and replays its histories, and stops the stack even when the
 * replay fails (a running worker would keep the test process alive, and CI would wait forever).
 */
export async function recordHistoriesThenStop(stack: Stack | undefined, name: string): Promise<void> {
  if (!stack) return;
  try {
    await recordHistories(stack, name);
  } finally {
    await stack.stop();
  }
}
