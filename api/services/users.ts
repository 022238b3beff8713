/**
 * Account administration: create, edit, disable and enable, reset password. A user outside the
 * admin's region is 404 on reads and 403 on writes; every change is audited in its transaction.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Db } from '../../domain/db.ts';
import { ForbiddenError, NotFoundError, RuleError } from '../../domain/errors.ts';
import { checkPasswordRule, hashPassword } from '../../domain/passwords.ts';
import { roleRegionProblem } from '../../domain/roles.ts';
import type { Role } from '../../domain/roles.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { LoginThrottleStore } from '../../domain/stores/login-throttles.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';
import type { SessionStore } from '../../domain/stores/sessions.ts';
import type { User, UserPatch, UserStore } from '../../domain/stores/users.ts';

export interface UserServiceDeps {
  db: Db;
  users: UserStore;
  regions: RegionStore;
  sessions: SessionStore;
  audit: AuditStore;
  throttles: LoginThrottleStore;
}

export interface NewUserInput {
  username: string;
  name: string;
  phone?: string | null | undefined;
  role: Role;
  regionCode: string;
  password: string;
}

const asUser = (row: { regionCode: string }) => asSubject('User', row);

/** Each role works at one level of region (ROLE_REGION_LEVEL); an account at another level is refused. */
function checkRoleLevel(role: Role, regionCode: string): void {
  const problem = roleRegionProblem(role, regionCode);
  if (problem) throw RuleError.field('body.regionCode', 'wrongLevel', `管辖区域：${problem}`, 'REGION_LEVEL');
}

export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  /** The accounts the caller may read, paged (phone numbers masked). */
  list(ability: AppAbility, params: Parameters<UserStore['list']>[1]): ReturnType<UserStore['list']> {
    return this.deps.users.list(ability, params);
  }

  /** A user the caller may read, else NotFound (whether it exists elsewhere is not told). */
  async get(ability: AppAbility, id: string): Promise<User> {
    const user = await this.deps.users.find(ability, id);
    if (!user) throw new NotFoundError('用户不存在或无权查看');
    return user;
  }

  /** Loads a user for a write: NotFound when it does not exist at all, Forbidden outside the caller's scope. */
  private async forWrite(ability: AppAbility, id: string, action: 'update' | 'disable' | 'resetPassword' | 'unlock'): Promise<User> {
    const user = await this.deps.users.find(null, id);
    if (!user) throw new NotFoundError('用户不存在');
    if (!ability.can(action, asUser(user))) throw new ForbiddenError('该用户不在您的管辖范围内');
    return user;
  }

  private async checkRegion(ability: AppAbility, action: 'create' | 'update', regionCode: string): Promise<void> {
    if (!(await this.deps.regions.exists(regionCode))) {
      throw RuleError.field('body.regionCode', 'unknownRegion', `行政区划代码 ${regionCode} 不存在`, 'UNKNOWN_REGION');
    }
    if (!ability.can(action, asUser({ regionCode }))) {
      throw new ForbiddenError('不能把用户设在您的管辖范围之外', 'FORBIDDEN', [
        { field: 'body.regionCode', reason: 'outOfScope', message: '该区划不在您的管辖范围内' },
      ]);
    }
  }

  async create(ability: AppAbility, input: NewUserInput, ctx: AuditContext): Promise<User> {
    if (!ability.can('create', 'User')) throw new ForbiddenError();
    checkRoleLevel(input.role, input.regionCode);
    await this.checkRegion(ability, 'create', input.regionCode);
    await checkPasswordRule(input.password, 'body.password');
    if (await this.deps.users.usernameTaken(input.username)) {
      throw RuleError.field('body.username', 'taken', `用户名 ${input.username} 已被使用`, 'USERNAME_TAKEN');
    }
    const passwordHash = await hashPassword(input.password);
    const id = await this.deps.db.transaction(async (trx) => {
      const newId = await this.deps.users.create({ ...input, phone: input.phone ?? null, passwordHash, mustChangePassword: true }, trx);
      await this.deps.audit.record(
        ctx,
        {
          action: 'user.create',
          subjectType: 'User',
          subjectId: newId,
          regionCode: input.regionCode,
          details: { username: input.username, role: input.role },
        },
        trx,
      );
      return newId;
    });
    return this.get(ability, id);
  }

  async update(ability: AppAbility, id: string, patch: UserPatch, ctx: AuditContext): Promise<User> {
    const before = await this.forWrite(ability, id, patch.disabled === undefined ? 'update' : 'disable');
    if (patch.role !== undefined || patch.regionCode !== undefined)
      checkRoleLevel(patch.role ?? before.role, patch.regionCode ?? before.regionCode);
    if (patch.regionCode !== undefined && patch.regionCode !== before.regionCode)
      await this.checkRegion(ability, 'update', patch.regionCode);
    if (id === ctx.actorId && (patch.disabled === true || (patch.role !== undefined && patch.role !== before.role))) {
      throw RuleError.field(patch.disabled ? 'body.disabled' : 'body.role', 'self', '不能停用自己或修改自己的角色', 'SELF_CHANGE');
    }
    const changes = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => v !== undefined && v !== before[k as keyof User]),
    ) as UserPatch;
    if (Object.keys(changes).length === 0) return before;
    await this.deps.db.transaction(async (trx) => {
      await this.deps.users.update(id, changes, trx);
      if (changes.disabled === true) await this.deps.sessions.revokeAllOf(id, null, trx);
      const action = changes.disabled === true ? 'user.disable' : changes.disabled === false ? 'user.enable' : 'user.update';
      const diff = Object.fromEntries(
        Object.keys(changes).map((k) => [k, { before: before[k as keyof User], after: changes[k as keyof UserPatch] }]),
      );
      await this.deps.audit.record(
        ctx,
        { action, subjectType: 'User', subjectId: id, regionCode: changes.regionCode ?? before.regionCode, details: { changes: diff } },
        trx,
      );
    });
    return this.get(ability, id);
  }

  /**
   * Sets a new password, which the user must change at their next sign-in; unlocks the account and
   * signs the user out everywhere.
   */
  async resetPassword(ability: AppAbility, id: string, newPassword: string, ctx: AuditContext): Promise<void> {
    const user = await this.forWrite(ability, id, 'resetPassword');
    await checkPasswordRule(newPassword, 'body.newPassword');
    const hash = await hashPassword(newPassword);
    await this.deps.db.transaction(async (trx) => {
      await this.deps.users.setPassword(id, hash, true, trx);
      await this.deps.throttles.clear(user.username.toLowerCase(), trx);
      const revoked = await this.deps.sessions.revokeAllOf(id, null, trx);
      await this.deps.audit.record(
        ctx,
        {
          action: 'user.reset_password',
          subjectType: 'User',
          subjectId: id,
          regionCode: user.regionCode,
          details: { revokedSessions: revoked },
        },
        trx,
      );
    });
  }

  /** Ends every sign-in lock of the account (from every address); returns the user as it now stands. */
  async unlock(ability: AppAbility, id: string, ctx: AuditContext): Promise<User> {
    const user = await this.forWrite(ability, id, 'unlock');
    await this.deps.db.transaction(async (trx) => {
      const ended = await this.deps.throttles.clear(user.username.toLowerCase(), trx);
      await this.deps.audit.record(
        ctx,
        { action: 'user.unlock', subjectType: 'User', subjectId: id, regionCode: user.regionCode, details: { locksEnded: ended } },
        trx,
      );
    });
    return this.get(ability, id);
  }
}
