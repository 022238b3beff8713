/**
 * The SQL of the abuse limits of citizens without an account, used only by `DatabaseComplaintStore`:
 * advisory locks per sender, the hourly and daily counts, and the progress-lookup throttle (hits counted
 * per key in fixed windows, one atomic upsert each, in PostgreSQL so that every API process counts
 * together: a burst of parallel guesses cannot pass the limit the way a read-then-write check lets it).
 */
import type { Db } from '../db.ts';
import { RateLimitError } from '../errors.ts';
import type { Hit, SenderRows } from './store.ts';

/** How long a request waits for its sender's lock; longer means a burst, answered as one. */
const SENDER_LOCK_TIMEOUT = '3s';
/** The progress-lookup throttle's window. */
const LOOKUP_WINDOW_SECONDS = 600;
const TABLE: Record<SenderRows, string> = { complaints: 'complaints', photos: 'complaint_files' };

/**
 * Takes transaction-scoped advisory locks on `keys` (always in the order given, so two requests never
 * wait on each other crosswise). A request of a burst that waits longer than a few seconds (holding a
 * pooled connection meanwhile) is refused as too frequent instead of waiting on.
 */
export async function lockSenders(trx: Db, keys: string[]): Promise<void> {
  await trx.raw(`SET LOCAL lock_timeout = '${SENDER_LOCK_TIMEOUT}'`);
  try {
    for (const key of keys) await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [key]);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') throw new RateLimitError('RATE_LIMITED', '提交过于频繁，请稍后再试');
    throw error;
  }
  await trx.raw('SET LOCAL lock_timeout TO DEFAULT');
}

/** How many rows (complaints or their photos) one sender wrote in the last hour: the window of both limits. */
export async function sentInLastHour(db: Db, rows: SenderRows, hash: string): Promise<number> {
  const row = (await db(TABLE[rows])
    .where('client_hash', hash)
    .where('created_at', '>', db.raw(`now() - interval '1 hour'`))
    .count({ n: '*' })
    .first()) as { n: number | string };
  return Number(row.n);
}

/** How many complaints gave this phone in the last day. */
export async function filedByPhoneToday(db: Db, phone: string): Promise<number> {
  const row = (await db('complaints')
    .where('contact_phone', phone)
    .where('created_at', '>', db.raw(`now() - interval '1 day'`))
    .count({ n: '*' })
    .first()) as { n: number | string };
  return Number(row.n);
}

/** Counts one hit on `key` and says whether it is within `limit` for the current window. */
export async function hitLookup(db: Db, key: string, limit: number): Promise<Hit> {
  const { rows } = (await db.raw(
    `INSERT INTO complaint_lookup_throttle AS t (key, window_start, hits)
     VALUES (?, to_timestamp(floor(extract(epoch FROM now()) / ?) * ?), 1)
     ON CONFLICT (key, window_start) DO UPDATE SET hits = t.hits + 1
     RETURNING hits, ceil(extract(epoch FROM window_start) + ? - extract(epoch FROM now()))::int AS retry_after`,
    [key, LOOKUP_WINDOW_SECONDS, LOOKUP_WINDOW_SECONDS, LOOKUP_WINDOW_SECONDS],
  )) as { rows: { hits: number; retry_after: number }[] };
  const row = rows[0] as { hits: number; retry_after: number };
  // The first hit of a window clears a few expired windows, so the table stays small without a job.
  if (row.hits === 1)
    await db.raw(
      `DELETE FROM complaint_lookup_throttle WHERE ctid IN
         (SELECT ctid FROM complaint_lookup_throttle WHERE window_start < now() - make_interval(secs => ?) LIMIT 100)`,
      [2 * LOOKUP_WINDOW_SECONDS],
    );
  return { allowed: row.hits <= limit, retryAfter: Math.max(1, row.retry_after) };
}

/** Takes back a hit. */
export async function refundLookup(db: Db, key: string): Promise<void> {
  await db.raw(
    `UPDATE complaint_lookup_throttle SET hits = greatest(hits - 1, 0)
     WHERE key = ? AND window_start = to_timestamp(floor(extract(epoch FROM now()) / ?) * ?)`,
    [key, LOOKUP_WINDOW_SECONDS, LOOKUP_WINDOW_SECONDS],
  );
}
