/**
 * Signing in and out, and changing one's own password. Every outcome is audited.
 *
 * Every failure gets one reply, whether the name exists, the account is disabled or the password is
 * wrong: only the right password learns that an account is disabled. A throttled (name, address)
 * pair is refused before its password is checked, so a lock is no oracle, and the lock reply is the
 * same for names that match no account (they are throttled by the same keys).
 */
import { ForbiddenError, LockedError, RuleError, UnauthenticatedError } from '../../domain/errors.ts';
import { checkPasswordRule, hashPassword, verifyPassword } from '../../domain/passwords.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import { clientKey } from '../../domain/stores/login-throttles.ts';
import type { LoginThrottleStore, Reservation, ThrottleLimits } from '../../domain/stores/login-throttles.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';
import type { SessionStore, Session } from '../../domain/stores/sessions.ts';
import type { Credentials, UserStore } from '../../domain/stores/users.ts';
import type { Db } from '../../domain/db.ts';
import { formatBeijing } from '../../domain/time.ts';

export interface AuthDeps {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  regions: RegionStore;
  throttles: LoginThrottleStore;
  limits: ThrottleLimits;
}

// Verifying against a fixed hash when the user is unknown keeps the response time the same.
const DUMMY_HASH = hashPassword('not-a-real-password-1');

function lockedError(until: Date): LockedError {
  const message = `账号已锁定，请于 ${formatBeijing(until)}（北京时间）后再试，或联系管理员解锁`;
  return new LockedError('ACCOUNT_LOCKED', message, [
    { field: 'body.username', reason: 'locked', message, lockedUntil: until.toISOString() },
  ]);
}

const invalidCredentials = () => new UnauthenticatedError('INVALID_CREDENTIALS', '用户名或密码错误');

const subject = (u: Credentials) => ({ subjectType: 'User', subjectId: u.id, regionCode: u.regionCode });
const as = (ctx: AuditContext, u: Credentials): AuditContext => ({ ...ctx, actorId: u.id, actorName: u.name, actorRole: u.role });

export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  /** The name of the signed-in user's region, shown beside their name. */
  regionName(code: string): Promise<string | undefined> {
    return this.deps.regions.nameOf(code);
  }

  /**
   * Reserves an attempt at `user`'s (or the unknown `username`'s) password from the caller's address,
   * auditing a refusal; throws the lock reply when refused.
   */
  private async reserve(username: string, user: Credentials | undefined, ctx: AuditContext): Promise<Reservation & { granted: true }> {
    const attempt = await this.deps.throttles.reserve(username.toLowerCase(), clientKey(ctx.ip), this.deps.limits);
    if (attempt.granted) return attempt;
    await this.auditFailure(username, user, ctx, { reason: 'throttled', until: attempt.until.toISOString() });
    throw lockedError(attempt.until);
  }

  /**
   * Records a failed attempt, and the locks it set (each lock is audited on its own). A name that
   * matches no account is filed under the deployment's region, where its auditors look.
   */
  private async auditFailure(
    username: string,
    user: Credentials | undefined,
    ctx: AuditContext,
    details: Record<string, unknown>,
    locks: { scope: string; until: Date }[] = [],
  ): Promise<void> {
    const who = user ? as(ctx, user) : ctx;
    const about = user ? subject(user) : { subjectType: 'User', regionCode: await this.deps.regions.deploymentRegion() };
    const named = user ? {} : { username };
    await this.deps.db.transaction(async (trx) => {
      await this.deps.audit.record(who, { action: 'auth.login_failed', ...about, details: { ...named, ...details } }, trx);
      for (const lock of locks) {
        const client = lock.scope === 'client' ? { client: clientKey(ctx.ip) } : {};
        await this.deps.audit.record(
          who,
          { action: 'auth.locked', ...about, details: { ...named, scope: lock.scope, ...client, until: lock.until.toISOString() } },
          trx,
        );
      }
    });
  }

  async login(username: string, password: string, ctx: AuditContext): Promise<{ user: Credentials; token: string; session: Session }> {
    const { db, users, sessions, audit, throttles, limits } = this.deps;
    const found = await users.credentialsByUsername(username);
    const attempt = await this.reserve(username, found, ctx);
    const right = (await verifyPassword(found?.passwordHash ?? (await DUMMY_HASH), password)) && found !== undefined;
    if (!right) {
      await this.auditFailure(username, found, ctx, { reason: found ? 'bad_password' : 'unknown_user' }, attempt.locks);
      const lock = attempt.locks.at(-1);
      throw lock ? lockedError(lock.until) : invalidCredentials();
    }
    await throttles.release(username.toLowerCase(), clientKey(ctx.ip), limits);
    if (found.disabled) {
      await audit.record(as(ctx, found), { action: 'auth.login_failed', ...subject(found), details: { reason: 'disabled' } });
      throw new ForbiddenError('账号已停用，请联系管理员', 'ACCOUNT_DISABLED');
    }
    return db.transaction(async (trx) => {
      await users.recordLoginSuccess(found.id, trx);
      const opened = await sessions.open(found.id, { ip: ctx.ip, userAgent: ctx.userAgent }, trx);
      await audit.record(as(ctx, found), { action: 'auth.login', ...subject(found), details: { sessionId: opened.session.id } }, trx);
      return { user: found, ...opened };
    });
  }

  async logout(session: Session, user: { id: string; regionCode: string }, ctx: AuditContext): Promise<void> {
    await this.deps.db.transaction(async (trx) => {
      await this.deps.sessions.revoke(session.id, trx);
      await this.deps.audit.record(
        ctx,
        { action: 'auth.logout', subjectType: 'User', subjectId: user.id, regionCode: user.regionCode },
        trx,
      );
    });
  }

  /**
   * Changes the caller's password and revokes their other sessions. A wrong current password counts
   * as a failed sign-in (same throttle, same audit), or a stolen session could guess it at leisure.
   */
  async changePassword(session: Session, currentPassword: string, newPassword: string, ctx: AuditContext): Promise<void> {
    const { db, users, sessions, audit, throttles, limits } = this.deps;
    const me = await users.credentialsById(session.userId);
    if (!me) throw new UnauthenticatedError('UNAUTHENTICATED', '请先登录');
    // The rule first: a new password the rule refuses costs no attempt at the current one.
    await checkPasswordRule(newPassword, 'body.newPassword');
    const attempt = await this.reserve(me.username, me, ctx);
    if (!(await verifyPassword(me.passwordHash, currentPassword))) {
      await this.auditFailure(me.username, me, ctx, { reason: 'bad_current_password' }, attempt.locks);
      const lock = attempt.locks.at(-1);
      if (lock) throw lockedError(lock.until);
      throw RuleError.field('body.currentPassword', 'mismatch', '当前密码不正确', 'WRONG_PASSWORD');
    }
    await throttles.release(me.username.toLowerCase(), clientKey(ctx.ip), limits);
    if (newPassword === currentPassword)
      throw RuleError.field('body.newPassword', 'unchanged', '新密码不能与当前密码相同', 'PASSWORD_UNCHANGED');
    const hash = await hashPassword(newPassword);
    await db.transaction(async (trx) => {
      await users.setPassword(me.id, hash, false, trx);
      const revoked = await sessions.revokeAllOf(me.id, session.id, trx);
      await audit.record(
        ctx,
        {
          action: 'user.change_password',
          subjectType: 'User',
          subjectId: me.id,
          regionCode: me.regionCode,
          details: { revokedSessions: revoked },
        },
        trx,
      );
    });
  }
}
