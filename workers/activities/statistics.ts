/** The statistics model's housekeeping (see workflows/statistics-compaction). */
import type { Db } from '../../domain/db.ts';
import { compactStatisticsLevels } from '../../domain/statistics/levels.ts';

export function createStatisticsActivities(deps: { db: Db }) {
  return {
    /** Folds the level tables' pending deltas; safe to run twice at once (the second waits for the first). */
    async compactStatisticsLevels(): Promise<number> {
      return compactStatisticsLevels(deps.db);
    },
  };
}

export type StatisticsActivities = ReturnType<typeof createStatisticsActivities>;
