/**
 * Resolves the session of a request: the UI's httpOnly cookie or an API client's bearer token. A cookie
 * session must also present its CSRF token on every unsafe method (double submit: the token is in a
 * readable cookie and must come back in the X-CSRF-Token header).
 */
import type { NextFunction, Request, Response } from 'express';
import { abilityFor } from '../../domain/abilities.ts';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors.ts';
import type { SessionStore } from '../../domain/stores/sessions.ts';
import { isClientToken } from '../../domain/api-clients/credential.ts';

export const SESSION_COOKIE = 'ydym_session';
export const CSRF_COOKIE = 'ydym_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('Cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionMiddleware(deps: { sessions: SessionStore; idleMinutes: number; maxHours: number }) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const presented = /^Bearer\s+(\S+)$/i.exec(req.get('Authorization') ?? '')?.[1];
    // A higher-level platform's credential is no session: its own routes check it (api/routes/platform.ts).
    const bearer = presented && !isClientToken(presented) ? presented : undefined;
    const cookie = readCookie(req, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) return next();
    const {
      session,
      user: credentials,
      expired,
    } = await deps.sessions.findLive(token, {
      idleMinutes: deps.idleMinutes,
      maxHours: deps.maxHours,
    });
    if (!session || !credentials || credentials.disabled) {
      // A bearer client asked for something with a dead token: say so. A stale cookie is only
      // refused where a user is required, so public pages keep working.
      const error = expired
        ? new UnauthenticatedError('SESSION_EXPIRED', '登录已超时，请重新登录')
        : new UnauthenticatedError('UNAUTHENTICATED', '登录已失效，请重新登录');
      if (bearer) throw error;
      res.locals.sessionProblem = error;
      return next();
    }
    req.ctx.user = {
      id: credentials.id,
      username: credentials.username,
      name: credentials.name,
      role: credentials.role,
      regionCode: credentials.regionCode,
    };
    req.ctx.session = session;
    req.ctx.via = bearer ? 'bearer' : 'cookie';
    req.ctx.ability = abilityFor(req.ctx.user);
    req.ctx.log = req.ctx.log.child({ userId: credentials.id });
    if (req.ctx.via === 'cookie' && !SAFE_METHODS.has(req.method) && req.get('X-CSRF-Token') !== session.csrfToken) {
      throw new ForbiddenError('CSRF 校验失败，请刷新页面后重试', 'CSRF_FAILED');
    }
    res.locals.passwordChangeRequired = credentials.mustChangePassword;
    await deps.sessions.touch(session);
    next();
  };
}

/** For routes that need a user: turns a remembered stale-cookie problem into the right 401. */
export function sessionProblem(res: Response): UnauthenticatedError | undefined {
  return res.locals.sessionProblem as UnauthenticatedError | undefined;
}

/**
 * For routes that need a user: an account whose password an administrator chose may do nothing but
 * change it (and read who it is, and sign out) until then.
 */
export function passwordChangeProblem(res: Response): ForbiddenError | undefined {
  return res.locals.passwordChangeRequired === true
    ? new ForbiddenError('管理员设置的密码须先修改，请修改密码后继续', 'PASSWORD_CHANGE_REQUIRED')
    : undefined;
}
