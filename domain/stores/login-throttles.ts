/**
 * Sign-in throttling (等保三级: repeated failures are limited). Each attempt at a password is reserved
 * before the slow hash check, in one transaction holding the rows' locks, so parallel guesses are
 * counted one after another: once a limit is reached, later guesses are refused without the password
 * being checked at all, whatever their order of arrival.
 *
 * Two counters per attempt: one for the (account name, client address) pair, which locks after a few
 * failures, and one for the account name as a whole (client `*`), with a much higher ceiling, so one
 * address cannot lock a user out of their other devices but many addresses together are still bounded.
 * A count starts afresh when its window or its lock has run out.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Db } from '../db.ts';

/** The client key of the account-wide ceiling. */
export const ANY_CLIENT = '*';

export interface ThrottleLimits {
  /** Failures from one client that lock the pair. */
  perClient: number;
  /** Failures from all clients together that lock the account name. */
  perAccount: number;
  /** Length of a lock, and of the window failures are counted in. */
  minutes: number;
}

/** A lock that this reservation's failure will set, or that refused it. */
export interface ThrottleLock {
  scope: 'client' | 'account';
  until: Date;
}

export type Reservation =
  | { granted: false; until: Date }
  /** `locks`: the locks that take effect now, because of this attempt (it counts as a failure until released). */
  | { granted: true; locks: ThrottleLock[] };

interface Row {
  account: string;
  client: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

export class LoginThrottleStore {
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

/**
 * The throttling key of a client address: an IPv4 address as is (also when written IPv4-mapped), an
 * IPv6 address by its /64 (one subscriber's network, inside which addresses rotate freely).
 */
export function clientKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  const [head = '', tail = ''] = ip.split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
