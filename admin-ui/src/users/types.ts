/** A user account as `/api/users` returns it. */
// The API's own type: the UI reads exactly what the store maps (phones arrive masked in lists).
import type { User as UserRecord } from '../../../domain/stores/users.ts';

export type { UserRecord };

/** True while a lock from failed sign-ins is still running. */
export function isLocked(user: Pick<UserRecord, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
