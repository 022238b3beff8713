/** The statistics model's housekeeping (see workflows/statistics-compaction). */
import type { Db } from '../../domain/db.ts';
import { compactMapCells } from '../../domain/map/cells.ts';
import { compactStatisticsLevels } from '../../domain/statistics/levels.ts';

export function createStatisticsActivities(deps: { db: Db }) {
  return {
    /**
     * Folds the level tables' pending deltas, and the map's cells' (migration 0031); safe to run twice at
     * once (the second waits for the first).
     */
    async compactStatisticsLevels(): Promise<number> {
      return (await compactStatisticsLevels(deps.db)) + (await compactMapCells(deps.db));
    },
  };
}

export type StatisticsActivities = ReturnType<typeof createStatisticsActivities>;
