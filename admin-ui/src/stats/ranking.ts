/** Sorting the child regions of the cockpit's ranking (整改率, overdue, coverage…), regions without a value last. */
import type { ChildRow } from '../../../domain/statistics/api.ts';

export const RANKING_KEYS = ['houses', 'red', 'openHazards', 'overdue', 'found', 'closed', 'rectificationRate', 'coverageRate'] as const;
export type RankingKey = (typeof RANKING_KEYS)[number];

export function rankingValue(row: ChildRow, key: RankingKey): number | null {
  const value = row[key];
  return typeof value === 'number' || value === null ? value : value.value;
}

export function sortRanking(rows: readonly ChildRow[], key: RankingKey | 'region', order: 'asc' | 'desc'): ChildRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'region') return sign * a.region.code.localeCompare(b.region.code);
    const x = rankingValue(a, key);
    const y = rankingValue(b, key);
    if (x === null && y === null) return a.region.code.localeCompare(b.region.code);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.region.code.localeCompare(b.region.code);
  });
}
