/**
 * Replays every hazard case, complaint and campaign history a test file produced against the current
 * workflow code, so a change that would break a running one fails CI; the histories are also kept under test-artifacts
 * for inspection, and can be copied into test/fixtures/histories to guard them for good.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { CAMPAIGN_WORKFLOW } from '../../workflows/campaign/messages.ts';
import { COMPLAINT_WORKFLOW } from '../../workflows/complaint/messages.ts';
import { HAZARD_CASE_WORKFLOW } from '../../workflows/hazard-case/messages.ts';
import { WORKFLOWS_PATH } from '../../workers/worker.ts';
import type { Stack } from './stack.ts';

export async function recordHistories(stack: Stack, name: string): Promise<number> {
  const client = stack.temporal.client;
  const dir = join('test-artifacts', 'histories', name);
  mkdirSync(dir, { recursive: true });
  const histories = [];
  const types = [HAZARD_CASE_WORKFLOW, COMPLAINT_WORKFLOW, CAMPAIGN_WORKFLOW].map((t) => `WorkflowType = '${t}'`).join(' OR ');
  for await (const wf of client.workflow.list({ query: types })) {
    const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
    writeFileSync(join(dir, `${wf.workflowId}.json`), JSON.stringify(history));
    histories.push({ workflowId: wf.workflowId, history });
  }
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, replayName: name }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  assert.deepEqual(failures, [], 'every recorded history replays cleanly');
  return histories.length;
}
