/** The users resource (administrators): list, read, create, edit, disable/enable, reset password. */
import { Type } from '@sinclair/typebox';
import { ForbiddenError } from '../../domain/errors.ts';
import { ROLE_LABELS, ROLES } from '../../domain/roles.ts';
import { auditContext } from '../http/context.ts';
import type { RequestContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import {
  AUTH_ERRORS,
  ErrorResponse,
  Nullable,
  RegionCode,
  Timestamp,
  Uuid,
  UuidIds,
  listOf,
  listQuery,
  splitIds,
} from '../http/schemas.ts';
import type { UserService } from '../services/users.ts';

const Role = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { title: '角色', 'x-labels': ROLE_LABELS },
);
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$', maxLength: 20, title: '手机号', description: 'Phone number' });
const Username = Type.String({
  pattern: '^[A-Za-z0-9_.-]{3,32}$',
  maxLength: 32,
  title: '用户名',
  description: '3–32 letters, digits, _ . -',
});
const Name = Type.String({ minLength: 1, maxLength: 50, title: '姓名' });
const Region = Type.String({ ...RegionCode, title: '管辖区域' });

const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
  role: Role,
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Timestamp),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const IdParams = Type.Object({ id: Uuid });
const WRITE_ERRORS = {
  ...AUTH_ERRORS,
  404: { description: '用户不存在', schema: ErrorResponse },
  422: { description: '违反规则', schema: ErrorResponse },
};

function requireRead(ctx: RequestContext): void {
  if (!ctx.ability.can('read', 'User')) throw new ForbiddenError('只有系统管理员可以管理用户');
}

export function userRoutes(api: ApiRouter, deps: { service: UserService }): void {
  api.route({
    method: 'get',
    path: '/users',
    summary: 'List users in the caller’s region (phones masked)',
    tags: ['users'],
    auth: true,
    query: listQuery(['username', 'name', 'role', 'regionCode', 'createdAt', 'lastLoginAt'], {
      q: Type.Optional(Type.String({ maxLength: 50, description: 'Username or name contains' })),
      role: Type.Optional(Role),
      regionCode: Type.Optional(RegionCode),
      disabled: Type.Optional(Type.Boolean()),
      ids: Type.Optional(UuidIds),
    }),
    responses: { 200: { description: '用户列表', schema: listOf(User) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => {
      requireRead(ctx);
      return { body: await deps.service.list(ctx.ability, { ...query, ids: splitIds(query.ids) }) };
    },
  });

  api.route({
    method: 'get',
    path: '/users/:id',
    summary: 'One user',
    tags: ['users'],
    auth: true,
    params: IdParams,
    responses: {
      200: { description: '用户', schema: User },
      ...AUTH_ERRORS,
      404: { description: '不存在或无权查看', schema: ErrorResponse },
    },
    handler: async ({ params, ctx }) => {
      requireRead(ctx);
      return { body: await deps.service.get(ctx.ability, params.id) };
    },
  });

  api.route({
    method: 'post',
    path: '/users',
    summary: 'Create a user',
    tags: ['users'],
    auth: true,
    body: Type.Object(
      {
        username: Username,
        name: Name,
        phone: Type.Optional(Nullable(Phone)),
        role: Role,
        regionCode: Region,
        password: Type.String({ minLength: 1, maxLength: 200, title: '初始密码' }),
      },
      { additionalProperties: false },
    ),
    responses: { 201: { description: '已创建', schema: User }, ...WRITE_ERRORS },
    handler: async ({ body, ctx }) => ({ status: 201, body: await deps.service.create(ctx.ability, body, auditContext(ctx)) }),
  });

  api.route({
    method: 'patch',
    path: '/users/:id',
    summary: 'Edit a user; `disabled: true` disables the account and ends its sessions',
    tags: ['users'],
    auth: true,
    params: IdParams,
    body: Type.Object(
      {
        name: Type.Optional(Name),
        phone: Type.Optional(Nullable(Phone)),
        role: Type.Optional(Role),
        regionCode: Type.Optional(Region),
        disabled: Type.Optional(Type.Boolean({ title: '停用' })),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    responses: { 200: { description: '已修改', schema: User }, ...WRITE_ERRORS },
    handler: async ({ params, body, ctx }) => ({ body: await deps.service.update(ctx.ability, params.id, body, auditContext(ctx)) }),
  });

  api.route({
    method: 'post',
    path: '/users/:id/reset-password',
    summary: 'Set a new password (to be changed at the next sign-in); unlocks the account and ends its sessions',
    tags: ['users'],
    auth: true,
    params: IdParams,
    body: Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 200, title: '新密码' }) }, { additionalProperties: false }),
    responses: { 204: { description: '已重置' }, ...WRITE_ERRORS },
    handler: async ({ params, body, ctx }) => {
      await deps.service.resetPassword(ctx.ability, params.id, body.newPassword, auditContext(ctx));
      return { status: 204 };
    },
  });

  api.route({
    method: 'post',
    path: '/users/:id/unlock',
    summary: 'End the sign-in locks of an account, from every address',
    tags: ['users'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '已解锁', schema: User }, ...WRITE_ERRORS },
    handler: async ({ params, ctx }) => ({ body: await deps.service.unlock(ctx.ability, params.id, auditContext(ctx)) }),
  });
}
