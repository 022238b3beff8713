/** Sign-in (cookie for the UI, bearer token for API clients), sign-out, who-am-I, password change. */
import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import { rulesFor } from '../../domain/abilities.ts';
import type { Credentials } from '../../domain/stores/users.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse } from '../http/schemas.ts';
import { CSRF_COOKIE, SESSION_COOKIE, passwordChangeProblem } from '../http/session.ts';
import type { AuthService } from '../services/auth.ts';

const Login = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, title: '用户名' }),
    password: Type.String({ minLength: 1, maxLength: 200, title: '密码' }),
  },
  { additionalProperties: false },
);

const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    name: Type.String(),
    role: Type.String(),
    regionCode: Type.String(),
    regionName: Type.Union([Type.String(), Type.Null()]),
    mustChangePassword: Type.Boolean({
      description: 'An administrator chose the password: every other route answers 403 PASSWORD_CHANGE_REQUIRED until it is changed',
    }),
  }),
  csrfToken: Type.Optional(Type.String()),
  abilities: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'CASL rules, as JSON' }),
});

export function authRoutes(api: ApiRouter, deps: { auth: AuthService; cookieSecure: boolean; idleMinutes: number }): void {
  const me = async (
    user: Pick<Credentials, 'id' | 'username' | 'name' | 'role' | 'regionCode' | 'mustChangePassword'>,
    csrfToken?: string,
  ) => ({
    user: {
      id: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      regionCode: user.regionCode,
      regionName: (await deps.auth.regionName(user.regionCode)) ?? null,
      mustChangePassword: user.mustChangePassword,
    },
    ...(csrfToken ? { csrfToken } : {}),
    abilities: rulesFor(user),
  });

  const setCookies = (res: Response, token: string, csrfToken: string) => {
    // Strict: a link from another site (a mail, a chat, a forum post) arrives without the session, so it
    // cannot make a signed-in officer's browser open an audited full view (owner details, complainant
    // contact, a dossier). The UI's own requests are same-site and carry it as before.
    const common = { sameSite: 'strict' as const, secure: deps.cookieSecure, path: '/' };
    res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
    res.cookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  };

  const loginErrors = {
    400: { description: '请求参数错误', schema: ErrorResponse },
    401: { description: '用户名或密码错误（任何失败同一答复：用户名不存在、密码错误、账号停用）', schema: ErrorResponse },
    403: { description: '密码正确，但账号已停用', schema: ErrorResponse },
    423: {
      description: '该账号在本地址（或所有地址）失败次数过多，暂不校验密码（details[0].lockedUntil 为解锁时间）',
      schema: ErrorResponse,
    },
  };

  api.route({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in for the browser: sets the httpOnly session cookie and the CSRF cookie',
    tags: ['auth'],
    auth: false,
    idempotent: false,
    body: Login,
    responses: { 200: { description: '已登录', schema: Me }, ...loginErrors },
    handler: async ({ body, ctx, res }) => {
      const { user, token, session } = await deps.auth.login(body.username, body.password, auditContext(ctx));
      setCookies(res, token, session.csrfToken);
      return { body: await me(user, session.csrfToken) };
    },
  });

  api.route({
    method: 'post',
    path: '/auth/token',
    summary: 'Sign in for API clients: returns a bearer token (no cookie, no CSRF needed)',
    tags: ['auth'],
    auth: false,
    idempotent: false,
    body: Login,
    responses: {
      200: {
        description: '已登录',
        schema: Type.Object({ token: Type.String(), expiresAfterIdleMinutes: Type.Integer(), ...Me.properties }),
      },
      ...loginErrors,
    },
    handler: async ({ body, ctx }) => {
      const { user, token } = await deps.auth.login(body.username, body.password, auditContext(ctx));
      return { body: { token, expiresAfterIdleMinutes: deps.idleMinutes, ...(await me(user)) } };
    },
  });

  api.route({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: revokes the session',
    tags: ['auth'],
    auth: true,
    beforePasswordChange: true,
    idempotent: false,
    responses: { 204: { description: '已退出' }, ...AUTH_ERRORS },
    handler: async ({ ctx, res }) => {
      if (ctx.session) await deps.auth.logout(ctx.session, ctx.user, auditContext(ctx));
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.clearCookie(CSRF_COOKIE, { path: '/' });
      return { status: 204 };
    },
  });

  api.route({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user, their abilities and the CSRF token of the session',
    tags: ['auth'],
    auth: true,
    beforePasswordChange: true,
    responses: { 200: { description: '当前用户', schema: Me }, ...AUTH_ERRORS },
    handler: async ({ ctx, res }) => ({
      body: await me(
        { ...ctx.user, mustChangePassword: passwordChangeProblem(res) !== undefined },
        ctx.via === 'cookie' ? ctx.session?.csrfToken : undefined,
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/auth/password',
    summary: "Change one's own password; the user's other sessions are revoked",
    tags: ['auth'],
    auth: true,
    beforePasswordChange: true,
    body: Type.Object(
      {
        currentPassword: Type.String({ minLength: 1, maxLength: 200, title: '当前密码' }),
        newPassword: Type.String({ minLength: 1, maxLength: 200, title: '新密码' }),
      },
      { additionalProperties: false },
    ),
    responses: {
      204: { description: '已修改' },
      ...AUTH_ERRORS,
      422: { description: '当前密码不正确或新密码不符合规则', schema: ErrorResponse },
      423: { description: '当前密码错误次数过多，暂不校验（与登录共用限制）', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => {
      if (ctx.session) await deps.auth.changePassword(ctx.session, body.currentPassword, body.newPassword, auditContext(ctx));
      return { status: 204 };
    },
  });
}
