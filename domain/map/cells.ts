/**
 * The houses counted per grid cell for the map's cluster zooms (migration 0031): folding the deltas the
 * buildings' trigger appends, and writing the cells again from the houses.
 */
import type { Db } from '../db.ts';

/** Folds the pending deltas into one row per cell; returns the rows written. */
export async function compactMapCells(db: Db): Promise<number> {
  const result = await db.raw('SELECT map_compact_cells() AS folded');
  return Number((result.rows as { folded: number }[])[0]!.folded);
}

/** Writes every cell again from the houses (after a load with the triggers off, or to repair). */
export async function rebuildMapCells(db: Db): Promise<number> {
  const result = await db.raw('SELECT map_rebuild_cells() AS written');
  return Number((result.rows as { written: number }[])[0]!.written);
}

/** Writes every house's open-case figures again from the cases (migration 0033); returns the houses whose figures changed. */
export async function rebuildOpenCases(db: Db): Promise<number> {
  const result = await db.raw('SELECT map_rebuild_open_cases() AS written');
  return Number((result.rows as { written: number }[])[0]!.written);
}
