/**
 * The sweeper, run every minute by a schedule. Registering a case, making a label batch, uploading an
 * import, filing a complaint and starting a campaign each write their row and then start a workflow; a
 * crash between the two leaves a row with no workflow, which this starts. The kinds of row are listed
 * once, in the activity's registry (workers/activities/startable.ts). Starting is idempotent (each
 * workflow id is derived from its row), so a sweep racing the API is harmless.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { SweepActivities } from '../../workers/activities/sweep.ts';

const { startMissingWorkflows } = proxyActivities<SweepActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

/** How many rows of each registered kind a sweep started, by the kind's name (`cases`, `labelBatches`, …). */
export type SweepResult = Record<string, number>;

export async function sweepWorkflow(): Promise<SweepResult> {
  return startMissingWorkflows({ olderThanMs: 30_000 });
}
