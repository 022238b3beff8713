/**
 * Throttle of progress lookups (the tracking number and its secret): hits are counted per key in fixed
 * windows, one atomic upsert each, in PostgreSQL so that every API process counts together. A burst of
 * parallel guesses therefore cannot pass the limit the way a read-then-write check lets it.
 */
import type { Db } from '../db.ts';

export const LOOKUP_WINDOW_SECONDS = 600;

export interface Hit {
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
}

export class LookupThrottle {
  constructor(private readonly db: Db) {}

  /** Counts one hit on `key` and says whether it is within `limit` for the current window. */
  async hit(key: string, limit: number): Promise<Hit> {
    const { rows } = (await this.db.raw(
      `INSERT INTO complaint_lookup_throttle AS t (key, window_start, hits)
       VALUES (?, to_timestamp(floor(extract(epoch FROM now()) / ?) * ?), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = t.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start) + ? - extract(epoch FROM now()))::int AS retry_after`,
      [key, LOOKUP_WINDOW_SECONDS, LOOKUP_WINDOW_SECONDS, LOOKUP_WINDOW_SECONDS],
    )) as { rows: { hits: number; retry_after: number }[] };
    const row = rows[0] as { hits: number; retry_after: number };
    // The first hit of a window clears a few expired windows, so the table stays small without a job.
    if (row.hits === 1)
      await this.db.raw(
        `DELETE FROM complaint_lookup_throttle WHERE ctid IN
           (SELECT ctid FROM complaint_lookup_throttle WHERE window_start < now() - make_interval(secs => ?) LIMIT 100)`,
        [2 * LOOKUP_WINDOW_SECONDS],
      );
    return { allowed: row.hits <= limit, retryAfter: Math.max(1, row.retry_after) };
  }

  /** Takes back a hit (a lookup that gave the right secret is no guess). */
  async refund(key: string): Promise<void> {
    await this.db.raw(
      `UPDATE complaint_lookup_throttle SET hits = greatest(hits - 1, 0)
       WHERE key = ? AND window_start = to_timestamp(floor(extract(epoch FROM now()) / ?) * ?)`,
      [key, LOOKUP_WINDOW_SECONDS, LOOKUP_WINDOW_SECONDS],
    );
  }
}
