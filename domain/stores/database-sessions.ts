/**
 * `SessionStore` on PostgreSQL: tokens stored as their SHA-256, the live session and its user read in
 * one query, with a short per-process cache that a revocation through this store clears at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';
import { SessionRow } from '../models.ts';
import type { UserRow } from '../models.ts';
import { toCredentials } from './database-users.ts';
import type { Live, Session, SessionLimits, SessionStore } from './sessions.ts';

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** True when the session is past its absolute lifetime. */
function outlived(session: Session | undefined, limits: SessionLimits): boolean {
  return session !== undefined && Date.now() - session.createdAt.getTime() > limits.maxHours * 3_600_000;
}

export class DatabaseSessionStore implements SessionStore {
  /**
   * Live sessions seen in the last `cacheMs`, so a burst of requests (a page load, a scan) costs one
   * lookup. A revocation through this store drops the entry at once; another API process sees it
   * within `cacheMs` at most.
   */
  private readonly cache = new Map<string, { live: Live; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly cacheMs = 0,
  ) {}

  /** Opens a session; returns the token (shown once) and the session. */
  async open(
    userId: string,
    meta: { ip: string | null; userAgent: string | null },
    db: Db = this.db,
  ): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const row = (await SessionRow.query(db)
      .insert({ token_hash: digest(token), user_id: userId, csrf_token: csrfToken, ip: meta.ip, user_agent: meta.userAgent })
      .returning('*')) as SessionRow;
    return { token, session: { id: row.id, userId, csrfToken, lastSeenAt: row.last_seen_at, createdAt: row.created_at } };
  }

  /**
   * The live session for a token (not revoked, within both limits) with its user, in one query:
   * this runs on every authenticated request.
   */
  async findLive(token: string, limits: SessionLimits): Promise<Live> {
    if (this.cacheMs > 0) {
      const hit = this.cache.get(token);
      if (hit && hit.until > Date.now() && !outlived(hit.live.session, limits)) return hit.live;
      const live = await this.lookup(token, limits);
      if (this.cache.size > 10_000) this.cache.clear();
      if (live.session) this.cache.set(token, { live, until: Date.now() + this.cacheMs });
      return live;
    }
    return this.lookup(token, limits);
  }

  private async lookup(token: string, limits: SessionLimits): Promise<Live> {
    const row = (await this.db('sessions as s')
      .join('users as u', 'u.id', 's.user_id')
      .where('s.token_hash', digest(token))
      .whereNull('s.revoked_at')
      .select('u.*', 's.id as session_id', 's.csrf_token', 's.last_seen_at', 's.created_at as session_created_at')
      .first()) as (UserRow & { session_id: string; csrf_token: string; last_seen_at: Date; session_created_at: Date }) | undefined;
    if (!row) return { session: undefined, user: undefined, expired: false };
    const session = {
      id: row.session_id,
      userId: row.id,
      csrfToken: row.csrf_token,
      lastSeenAt: row.last_seen_at,
      createdAt: row.session_created_at,
    };
    if (Date.now() - row.last_seen_at.getTime() > limits.idleMinutes * 60_000 || outlived(session, limits)) {
      return { session: undefined, user: undefined, expired: true };
    }
    return {
      session,
      user: toCredentials(row),
      expired: false,
    };
  }

  /** Marks activity; skipped when the last mark is under a minute old, to spare writes. */
  async touch(session: Session): Promise<void> {
    if (Date.now() - session.lastSeenAt.getTime() < 60_000) return;
    session.lastSeenAt = new Date();
    await this.db('sessions').where({ id: session.id }).update({ last_seen_at: this.db.fn.now() });
  }

  private forget(match: (session: Session) => boolean): void {
    for (const [token, entry] of this.cache) if (entry.live.session && match(entry.live.session)) this.cache.delete(token);
  }

  async revoke(id: string, db: Db = this.db): Promise<void> {
    this.forget((s) => s.id === id);
    await db('sessions').where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
  }

  /** Revokes every live session of a user but `keepId`; returns how many. */
  async revokeAllOf(userId: string, keepId: string | null, db: Db = this.db): Promise<number> {
    // The kept session's cached user is stale too: its password (and whether it must change) just changed.
    this.forget((s) => s.userId === userId);
    const query = db('sessions').where({ user_id: userId }).whereNull('revoked_at');
    if (keepId) query.whereNot({ id: keepId });
    return query.update({ revoked_at: db.fn.now() });
  }

  /** Deletes sessions revoked or idle for more than a day (housekeeping). */
  async purge(idleMinutes: number): Promise<number> {
    return this.db('sessions')
      .where('revoked_at', '<', this.db.raw(`now() - interval '1 day'`))
      .orWhere('last_seen_at', '<', this.db.raw(`now() - make_interval(mins => ?) - interval '1 day'`, [idleMinutes]))
      .delete();
  }
}
