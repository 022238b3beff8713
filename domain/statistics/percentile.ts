/**
 * Percentiles from a histogram (the `stats_step_days` rows: whole days → how many tasks took that
 * long), by the nearest-rank method: the p-th percentile of N values is the ⌈p·N⌉-th smallest, so it
 * is always a number of days some task actually took.
 */

export interface Bucket {
  days: number;
  n: number;
}

/** The p-th percentile (0 < p ≤ 1) of the values the buckets count, or null when they count none. */
export function percentileOf(buckets: readonly Bucket[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1]: ${p}`);
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, b) => sum + b.n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.n;
    if (seen >= rank) return b.days;
  }
  return sorted[sorted.length - 1]!.days;
}

/** `part ÷ whole`, rounded to four decimals; null when the whole is zero. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
