/** Helpers for warning tests: run a rule now through its schedule, and wait for its warnings. */
import assert from 'node:assert/strict';
import type { Client } from '@temporalio/client';
import { warningRuleScheduleId } from '../../workers/schedules.ts';
import type { ApiClient } from './http.ts';

export interface WarningInfo {
  id: string;
  ruleId: string;
  ruleVersion: number;
  status: string;
  regionCode: string;
  buildingCodes: string[];
  caseIds: string[];
  evidence: Record<string, unknown>;
  escalatedAt: string | null;
  acknowledgedAt: string | null;
  dispatch: { kind: string; campaignId?: string; caseIds?: string[] } | null;
  dismissReason: string | null;
}

/** Runs the rule's schedule once now and waits for that run's result (a failed run fails the test). */
export async function runRule(temporal: Client, ruleId: string): Promise<void> {
  const handle = temporal.schedule.getHandle(warningRuleScheduleId(ruleId));
  const seen = new Set((await handle.describe()).info.recentActions.map((a) => a.action.workflow.workflowId));
  // A schedule names its runs by the second: a trigger in the same second as the last would be the same run.
  await new Promise((resolve) => setTimeout(resolve, 1050 - (Date.now() % 1000)));
  await handle.trigger();
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const fresh = (await handle.describe()).info.recentActions.find((a) => !seen.has(a.action.workflow.workflowId));
    if (fresh) {
      await temporal.workflow.getHandle(fresh.action.workflow.workflowId).result();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`rule ${ruleId}: the triggered run did not start`);
}

/** The warnings of a rule the client may see. */
export async function warningsOf(client: ApiClient, ruleId: string): Promise<WarningInfo[]> {
  const r = await client.get<{ data: WarningInfo[] }>(`/api/warnings?ruleId=${ruleId}&perPage=100`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.data;
}

/** Polls until `check` holds for the warning. */
export async function waitForWarning(
  client: ApiClient,
  id: string,
  check: (w: WarningInfo) => boolean,
  what: string,
): Promise<WarningInfo> {
  const until = Date.now() + 30_000;
  let last: WarningInfo | undefined;
  while (Date.now() < until) {
    last = (await client.get<WarningInfo>(`/api/warnings/${id}`)).body;
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`warning ${id}: ${what}; last: ${JSON.stringify(last)}`);
}
