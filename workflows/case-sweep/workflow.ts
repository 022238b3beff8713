/**
 * The case sweeper, run every minute by a schedule: registering a case writes its row and then starts
 * its workflow; a crash between the two leaves a row without a workflow, which this starts. Starting
 * is idempotent (the workflow id is derived from the case), so a sweep racing the API is harmless.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { CaseSweepActivities } from '../../workers/activities/case-sweep.ts';

const { startMissingCaseWorkflows } = proxyActivities<CaseSweepActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

export async function caseSweepWorkflow(): Promise<{ started: number }> {
  return { started: await startMissingCaseWorkflows({ olderThanMs: 30_000 }) };
}
