/**
 * The risk sweep, run by a schedule every 15 minutes: a house's tier follows every write to its
 * inputs in the same transaction, but time alone also moves it (a case's deadline passing makes it
 * orange, a judgement older than the inspection interval makes it yellow), and a new version of the
 * rules applies to every house. The activity finds only those houses, in bounded batches, and the
 * workflow calls it until none is left (a bounded number of times, so its history stays short).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { RiskActivities, RiskSweepResult } from '../../workers/activities/risk.ts';

const { sweepRiskTierBatches } = proxyActivities<RiskActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', maximumAttempts: 5 },
});

/** Houses per transaction, and transactions per activity call. */
const BATCH_SIZE = 500;
const BATCHES_PER_CALL = 20;
/** At most this many calls per run (100,000 houses); the next run goes on where this one stopped. */
const MAX_CALLS = 10;

export async function riskSweepWorkflow(): Promise<RiskSweepResult> {
  const total: RiskSweepResult = { assessed: 0, changed: 0, moved: 0, done: false };
  for (let i = 0; i < MAX_CALLS && !total.done; i++) {
    const r = await sweepRiskTierBatches({ batchSize: BATCH_SIZE, batches: BATCHES_PER_CALL });
    total.assessed += r.assessed;
    total.changed += r.changed;
    total.moved += r.moved;
    total.done = r.done;
  }
  return total;
}
