/** A user account as `/api/users` returns it. */
import type { Role } from '../../../domain/roles.ts';

export interface UserRecord {
  id: string;
  username: string;
  name: string;
  /** Masked in lists (138****5678). */
  phone: string | null;
  role: Role;
  regionCode: string;
  regionName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** True while a lock from failed sign-ins is still running. */
export function isLocked(user: Pick<UserRecord, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
