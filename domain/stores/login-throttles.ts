/**
 * Sign-in throttling (等保三级: repeated failures are limited). Each attempt at a password is reserved
 * before the slow hash check, in one transaction holding the rows' locks, so parallel guesses are
 * counted one after another: once a limit is reached, later guesses are refused without the password
 * being checked at all, whatever their order of arrival.
 *
 * Two counters per attempt: one for the (account name, client address) pair, which locks after a few
 * failures, and one for the account name as a whole (client `*`), with a much higher ceiling, so one
 * address cannot lock a user out of their other devices but many addresses together are still bounded.
 * A count starts afresh when its window or its lock has run out. `DatabaseLoginThrottleStore`
 * (database-login-throttles.ts) holds the SQL.
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

/** The sign-in counters, per (account name, client) and per account name. */
export interface LoginThrottleStore {
  /**
   * Reserves one attempt for `account` from `client`, counted as a failure until `release`. Refused
   * while either counter is locked; refused attempts count nowhere.
   */
  reserve(account: string, client: string, limits: ThrottleLimits): Promise<Reservation>;
  /** Takes back a reservation whose password was right: the pair's count ends, the account-wide one drops by one. */
  release(account: string, client: string, limits: ThrottleLimits): Promise<void>;
  /** Ends every lock and count of an account name (an administrator's unlock); returns the locks ended. */
  clear(account: string, tx?: Db): Promise<number>;
  /** Deletes counts whose window and lock ended more than a day ago (housekeeping); how many. */
  purge(): Promise<number>;
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
