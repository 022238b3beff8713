/**
 * Sessions: an opaque random token given to the client (cookie or bearer), stored only as its
 * SHA-256. A session idle longer than the configured time expires, and so does one older than the
 * absolute lifetime however active; revocation is a timestamp. `DatabaseSessionStore`
 * (database-sessions.ts) holds the SQL.
 */
import type { Db } from '../db.ts';
import type { Credentials } from './users.ts';

export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  /** Sign-in time: the absolute lifetime runs from here. */
  createdAt: Date;
}

/** How long a session lives: since its last request, and since sign-in. */
export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

/** A token's live session with its user; `expired` when the token named a session past its limits. */
export type Live = { session: Session | undefined; user: Credentials | undefined; expired: boolean };

/** Sign-in sessions. */
export interface SessionStore {
  /** Opens a session; returns the token (shown once) and the session. */
  open(userId: string, meta: { ip: string | null; userAgent: string | null }, tx?: Db): Promise<{ token: string; session: Session }>;
  /** The live session for a token (not revoked, within both limits) with its user: this runs on every authenticated request. */
  findLive(token: string, limits: SessionLimits): Promise<Live>;
  /** Marks activity; skipped when the last mark is under a minute old, to spare writes. */
  touch(session: Session): Promise<void>;
  /** Revokes one session. */
  revoke(id: string, tx?: Db): Promise<void>;
  /** Revokes every live session of a user but `keepId`; returns how many. */
  revokeAllOf(userId: string, keepId: string | null, tx?: Db): Promise<number>;
  /** Deletes sessions revoked or idle for more than a day (housekeeping); how many. */
  purge(idleMinutes: number): Promise<number>;
}
