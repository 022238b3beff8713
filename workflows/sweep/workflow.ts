/**
 * The sweeper, run every minute by a schedule. Registering a case, making a label batch and uploading
 * an import each write their row and then start a workflow; a crash between the two leaves a row with
 * no workflow, which this starts. Starting is idempotent (each workflow id is derived from its row),
 * so a sweep racing the API is harmless.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { SweepActivities } from '../../workers/activities/sweep.ts';

const { startMissingWorkflows } = proxyActivities<SweepActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

export interface SweepResult {
  cases: number;
  labelBatches: number;
  imports: number;
  complaints: number;
  campaigns: number;
}

export async function sweepWorkflow(): Promise<SweepResult> {
  return startMissingWorkflows({ olderThanMs: 30_000 });
}
