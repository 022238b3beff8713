/**
 * Cookie-session authentication against `/api/auth/*`. The signed-in user and their CASL rules come
 * from login or `/api/auth/me` and are kept in memory for the page's life; the API stays the judge,
 * and any 401 it returns signs the user out.
 */
import { RETURN_PARAM } from './login/returnPath.ts';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { createAppAbility } from '../../domain/abilities.ts';
import type { AppAbility, AppRule } from '../../domain/abilities.ts';
import type { Role } from '../../domain/roles.ts';
import { canAccessResource } from './access.ts';
import { apiErrorOf, apiRequest } from './http.ts';

/** The signed-in user as the API describes them. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  regionName: string | null;
  /** An administrator set the password: the user may do nothing before changing it. */
  mustChangePassword: boolean;
}

/** The page a user whose password an administrator set is sent to. */
export const CHANGE_PASSWORD_PATH = '/change-password';

interface Session {
  user: SessionUser;
  ability: AppAbility;
}

/** What `useGetIdentity()` returns in this app. */
export interface AppIdentity extends UserIdentity, Omit<SessionUser, 'id'> {
  id: string;
  fullName: string;
}

let current: Promise<Session> | null = null;

function toSession(body: unknown): Session {
  const { user, abilities } = body as { user: SessionUser; abilities: AppRule[] };
  return { user, ability: createAppAbility(abilities) };
}

function session(): Promise<Session> {
  if (!current) {
    const loading = apiRequest('/api/auth/me').then(toSession);
    current = loading;
    // A failed lookup must not be remembered: the next check asks the server again.
    loading.catch(() => {
      if (current === loading) current = null;
    });
  }
  return current;
}

/** Drops the remembered session, so the next check asks the server (after a password change). */
export function forgetSession(): void {
  current = null;
}

export const authProvider: AuthProvider = {
  /** `next`: where the sign-in page returns afterwards (already checked as a path of this site); kept through a forced password change. */
  async login(params: { username: string; password: string; next?: string | null }) {
    const body = await apiRequest('/api/auth/login', {
      method: 'POST',
      body: { username: params.username, password: params.password },
    });
    const signedIn = toSession(body);
    current = Promise.resolve(signedIn);
    if (!signedIn.user.mustChangePassword) return undefined;
    return {
      redirectTo: params.next ? `${CHANGE_PASSWORD_PATH}?${RETURN_PARAM}=${encodeURIComponent(params.next)}` : CHANGE_PASSWORD_PATH,
    };
  },

  async logout() {
    const wasSignedIn = current !== null;
    current = null;
    if (!wasSignedIn) return;
    try {
      await apiRequest('/api/auth/logout', { method: 'POST' });
    } catch {
      // The session may already be gone server-side (expired, revoked); signing out locally suffices.
    }
  },

  async checkAuth() {
    try {
      await session();
    } catch (error) {
      const apiError = apiErrorOf(error);
      // A first visit needs no scolding; an expired session deserves a word.
      if (apiError?.code === 'SESSION_EXPIRED') throw new Error(apiError.message);
      // react-admin reads `message: false` as "redirect to the login page without a notification".
      throw Object.assign(new Error('unauthenticated'), { message: false });
    }
  },

  async checkError(error: unknown) {
    const apiError = apiErrorOf(error);
    if (apiError?.status === 401) throw new Error(apiError.message);
    // The API refuses everything until an administrator-set password is changed: go and change it.
    if (apiError?.code === 'PASSWORD_CHANGE_REQUIRED') {
      current = null;
      throw Object.assign(new Error(apiError.message), { redirectTo: CHANGE_PASSWORD_PATH, logoutUser: false, message: false });
    }
    // 403 and the rest are answers about one request, shown as notifications; the session is fine.
  },

  async getIdentity(): Promise<AppIdentity> {
    const { user } = await session();
    return { ...user, fullName: user.name };
  },

  async getPermissions(): Promise<AppAbility> {
    return (await session()).ability;
  },

  async canAccess(params: { action: string; resource: string; record?: Record<string, unknown> }) {
    const { ability } = await session();
    return canAccessResource(ability, params.resource, params.action, params.record);
  },
};
