/**
 * The level tables (migration 0027): narrow counts per district, town and village, appended as deltas by
 * the wide summary tables' triggers and folded here, one row per key. A fold changes no sum, so readers
 * may run during it; deltas written while it runs are folded by the next one.
 */
import type { Db } from '../db.ts';

/** Folds every pending delta; returns the level rows written (one per key that had deltas and does not sum to 0). */
export async function compactStatisticsLevels(db: Db): Promise<number> {
  const result = await db.raw('SELECT stats_compact_levels() AS folded');
  return Number((result.rows as { folded: number }[])[0]!.folded);
}
