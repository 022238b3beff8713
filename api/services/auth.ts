/** Signing in and out, and changing one's own password. Every outcome is audited. */
import { ForbiddenError, LockedError, UnauthenticatedError } from '../../domain/errors.ts';
import { checkPasswordRule, hashPassword, verifyPassword } from '../../domain/passwords.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { SessionStore, Session } from '../../domain/stores/sessions.ts';
import type { Credentials, UserStore } from '../../domain/stores/users.ts';
import type { Db } from '../../domain/db.ts';
import { formatBeijing } from '../../domain/time.ts';
import { RuleError } from '../../domain/errors.ts';

export interface AuthDeps {
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  maxFailures: number;
  lockMinutes: number;
}

// Verifying against a fixed hash when the user is unknown keeps the response time the same.
const DUMMY_HASH = hashPassword('not-a-real-password-1');

function lockedError(until: Date): LockedError {
  const message = `账号已锁定，请于 ${formatBeijing(until)}（北京时间）后再试，或联系管理员解锁`;
  return new LockedError('ACCOUNT_LOCKED', message, [
    { field: 'body.username', reason: 'locked', message, lockedUntil: until.toISOString() },
  ]);
}

export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  async login(username: string, password: string, ctx: AuditContext): Promise<{ user: Credentials; token: string; session: Session }> {
    const { db, users, sessions, audit } = this.deps;
    const found = await users.credentialsByUsername(username);
    const subject = (u: Credentials) => ({ subjectType: 'User', subjectId: u.id, regionCode: u.regionCode });
    const as = (u: Credentials): AuditContext => ({ ...ctx, actorId: u.id, actorName: u.name, actorRole: u.role });
    if (!found) {
      await verifyPassword(await DUMMY_HASH, password);
      await audit.record(ctx, { action: 'auth.login_failed', details: { username, reason: 'unknown_user' } });
      throw new UnauthenticatedError('INVALID_CREDENTIALS', '用户名或密码错误');
    }
    if (found.disabled) {
      await audit.record(as(found), { action: 'auth.login_failed', ...subject(found), details: { reason: 'disabled' } });
      throw new ForbiddenError('账号已停用，请联系管理员', 'ACCOUNT_DISABLED');
    }
    if (found.lockedUntil && found.lockedUntil > new Date()) {
      await audit.record(as(found), { action: 'auth.login_failed', ...subject(found), details: { reason: 'locked' } });
      throw lockedError(found.lockedUntil);
    }
    if (!(await verifyPassword(found.passwordHash, password))) {
      const outcome = await db.transaction(async (trx) => {
        const result = await users.recordLoginFailure(found.id, this.deps.maxFailures, this.deps.lockMinutes, trx);
        await audit.record(
          as(found),
          { action: 'auth.login_failed', ...subject(found), details: { reason: 'bad_password', failures: result.failures } },
          trx,
        );
        if (result.lockedUntil) {
          await audit.record(
            as(found),
            { action: 'auth.locked', ...subject(found), details: { until: result.lockedUntil.toISOString() } },
            trx,
          );
        }
        return result;
      });
      if (outcome.lockedUntil) throw lockedError(outcome.lockedUntil);
      const left = this.deps.maxFailures - outcome.failures;
      throw new UnauthenticatedError(
        'INVALID_CREDENTIALS',
        `用户名或密码错误，再失败 ${left} 次账号将被锁定 ${this.deps.lockMinutes} 分钟`,
      );
    }
    return db.transaction(async (trx) => {
      await users.recordLoginSuccess(found.id, trx);
      const opened = await sessions.open(found.id, { ip: ctx.ip, userAgent: ctx.userAgent }, trx);
      await audit.record(as(found), { action: 'auth.login', ...subject(found), details: { sessionId: opened.session.id } }, trx);
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

  /** Changes the caller's password and revokes their other sessions. */
  async changePassword(session: Session, currentPassword: string, newPassword: string, ctx: AuditContext): Promise<void> {
    const { db, users, sessions, audit } = this.deps;
    const me = await users.credentialsById(session.userId);
    if (!me) throw new UnauthenticatedError('UNAUTHENTICATED', '请先登录');
    if (!(await verifyPassword(me.passwordHash, currentPassword))) {
      throw RuleError.field('body.currentPassword', 'mismatch', '当前密码不正确', 'WRONG_PASSWORD');
    }
    checkPasswordRule(newPassword, 'body.newPassword');
    if (newPassword === currentPassword)
      throw RuleError.field('body.newPassword', 'unchanged', '新密码不能与当前密码相同', 'PASSWORD_UNCHANGED');
    const hash = await hashPassword(newPassword);
    await db.transaction(async (trx) => {
      await users.setPassword(me.id, hash, trx);
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
