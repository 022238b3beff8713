/**
 * Folding the statistics level tables' deltas (migration 0027), run by a schedule every minute: the
 * triggers only append a row per change, so that no two writers wait on a district's row; this folds
 * what was appended since the last run into one row per key, so a cockpit read stays a few hundred rows.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { StatisticsActivities } from '../../workers/activities/statistics.ts';

const { compactStatisticsLevels } = proxyActivities<StatisticsActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 3 },
});

/** The level rows written by the fold (one per key that had deltas). */
export async function statisticsCompactionWorkflow(): Promise<number> {
  return compactStatisticsLevels();
}
