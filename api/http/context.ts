/** What each request carries through the middleware chain. */
import type { Logger } from 'pino';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Role } from '../../domain/roles.ts';
import type { AuditContext } from '../../domain/stores/audit.ts';
import type { Session } from '../../domain/stores/sessions.ts';

export interface AuthUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
}

export interface RequestContext {
  requestId: string;
  log: Logger;
  ip: string | null;
  userAgent: string | null;
  user: AuthUser | null;
  session: Session | null;
  /** How the session came: the UI's cookie (CSRF-checked) or an API client's bearer token. */
  via: 'cookie' | 'bearer' | null;
  ability: AppAbility;
  /**
   * The request's Idempotency-Key as its keyed hash (the idempotency record's lookup), set once the key is
   * claimed: a handler that commits a row and may fail afterwards stores it with the row, so a retry with
   * the key finds the row rather than making another (case registration).
   */
  requestRef?: string;
}

declare global {
  // Express's own extension point for request properties.
  namespace Express {
    interface Request {
      ctx: RequestContext;
    }
  }
}

/** The audit fields of a request. */
export function auditContext(ctx: RequestContext): AuditContext {
  return {
    actorId: ctx.user?.id ?? null,
    actorName: ctx.user?.name ?? null,
    actorRole: ctx.user?.role ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  };
}
