/**
 * `LoginThrottleStore` on PostgreSQL: each reservation in one transaction holding the counters' row
 * locks, so parallel guesses are counted one after another.
 */
import type { Db } from '../db.ts';
import { ANY_CLIENT } from './login-throttles.ts';
import type { LoginThrottleStore, Reservation, ThrottleLimits, ThrottleLock } from './login-throttles.ts';

interface Row {
  account: string;
  client: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

export class DatabaseLoginThrottleStore implements LoginThrottleStore {
  constructor(private readonly db: Db) {}

  /**
   * Reserves one attempt for `account` from `client`, counted as a failure until `release`. Refused
   * while either counter is locked; refused attempts count nowhere (a locked-out address must not
   * push the account-wide ceiling).
   */
  async reserve(account: string, client: string, limits: ThrottleLimits): Promise<Reservation> {
    return this.db.transaction(async (trx) => {
      await trx('login_throttles')
        .insert([
          { account, client },
          { account, client: ANY_CLIENT },
        ])
        .onConflict(['account', 'client'])
        .ignore();
      // One order for every transaction ('*' sorts first), so two attempts never wait on each other in a cycle.
      const rows = (await trx('login_throttles')
        .where({ account })
        .whereIn('client', [client, ANY_CLIENT])
        .orderBy('client')
        .forUpdate()
        .select('*', trx.raw('now() AS db_now'))) as (Row & { db_now: Date })[];
      const now = rows[0]?.db_now ?? new Date();
      const active = rows.filter((r) => r.locked_until && r.locked_until > now);
      if (active.length > 0) {
        return { granted: false, until: new Date(Math.max(...active.map((r) => r.locked_until?.getTime() ?? 0))) };
      }
      const windowStart = now.getTime() - limits.minutes * 60_000;
      const locks: ThrottleLock[] = [];
      for (const row of rows) {
        // A lock that has run out, or a window that has passed, starts the count afresh.
        const fresh = row.locked_until !== null || row.window_started_at.getTime() < windowStart;
        const failures = (fresh ? 0 : row.failures) + 1;
        const scope = row.client === ANY_CLIENT ? 'account' : 'client';
        const limit = scope === 'account' ? limits.perAccount : limits.perClient;
        const until = failures >= limit ? new Date(now.getTime() + limits.minutes * 60_000) : null;
        if (until) locks.push({ scope, until });
        await trx('login_throttles')
          .where({ account, client: row.client })
          .update({ failures, locked_until: until, ...(fresh ? { window_started_at: now } : {}) });
      }
      return { granted: true, locks };
    });
  }

  /**
   * The reserved attempt gave the right password: the pair's count is cleared, and the attempt no
   * longer counts towards the account-wide ceiling (whose other failures stay: a user signing in
   * must not reset what other addresses have tried).
   */
  async release(account: string, client: string, limits: ThrottleLimits): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('login_throttles').where({ account, client }).delete();
      await trx('login_throttles')
        .where({ account, client: ANY_CLIENT })
        .where('failures', '>', 0)
        .update({
          failures: trx.raw('failures - 1'),
          locked_until: trx.raw('CASE WHEN failures - 1 < ? THEN NULL ELSE locked_until END', [limits.perAccount]),
        });
    });
  }

  /** Ends every lock and count of an account name (an administrator's unlock); returns the locks ended. */
  async clear(account: string, db: Db = this.db): Promise<number> {
    const rows = (await db('login_throttles').where({ account }).delete().returning('locked_until')) as Pick<Row, 'locked_until'>[];
    return rows.filter((r) => r.locked_until && r.locked_until > new Date()).length;
  }

  /** Deletes counts whose window and lock ended more than a day ago (housekeeping). */
  async purge(): Promise<number> {
    return this.db('login_throttles')
      .where('window_started_at', '<', this.db.raw(`now() - interval '1 day'`))
      .where((w) => w.whereNull('locked_until').orWhere('locked_until', '<', this.db.raw(`now() - interval '1 day'`)))
      .delete();
  }
}
