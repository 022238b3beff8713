/** Activities of the housekeeping workflow. */
import type { Db } from '../../domain/db.ts';
import { IdempotencyStore } from '../../domain/stores/idempotency.ts';
import { SessionStore } from '../../domain/stores/sessions.ts';

/** Stored responses are kept a day: long enough for any client retry. */
const IDEMPOTENCY_KEEP_HOURS = 24;

export function createHousekeepingActivities(deps: { db: Db; sessionIdleMinutes: number }) {
  const sessions = new SessionStore(deps.db);
  const keys = new IdempotencyStore(deps.db);
  return {
    async purgeSessions(): Promise<number> {
      return sessions.purge(deps.sessionIdleMinutes);
    },
    async purgeIdempotencyKeys(): Promise<number> {
      return keys.purge(IDEMPOTENCY_KEEP_HOURS);
    },
  };
}

export type HousekeepingActivities = ReturnType<typeof createHousekeepingActivities>;
