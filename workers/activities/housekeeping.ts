/** Activities of the housekeeping workflow. */
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { DatabaseIdempotencyStore } from '../../domain/stores/database-idempotency.ts';
import { DatabaseLoginThrottleStore } from '../../domain/stores/database-login-throttles.ts';
import { DatabaseSessionStore } from '../../domain/stores/database-sessions.ts';
import { DatabaseUploadStore } from '../../domain/stores/database-uploads.ts';
import { UPLOAD_KINDS } from '../../domain/stores/uploads.ts';

/** Stored responses are kept a day: long enough for any client retry. */
const IDEMPOTENCY_KEEP_HOURS = 24;
/** A photo uploaded for an inspection or a complaint that never came (a lost reply, a form given up) is kept this long. */
const ORPHAN_UPLOAD_KEEP_HOURS = 48;

export function createHousekeepingActivities(deps: { db: Db; files: FileStore; sessionIdleMinutes: number }) {
  const sessions = new DatabaseSessionStore(deps.db);
  const keys = new DatabaseIdempotencyStore(deps.db);
  const uploads = new DatabaseUploadStore(deps.db);
  return {
    /** Sign-in state past its use: dead sessions, and login throttle counts long ended. */
    async purgeSessions(): Promise<number> {
      return (await sessions.purge(deps.sessionIdleMinutes)) + (await new DatabaseLoginThrottleStore(deps.db).purge());
    },
    async purgeIdempotencyKeys(): Promise<number> {
      return keys.purge(IDEMPOTENCY_KEEP_HOURS);
    },
    /**
     * Deletes photos no inspection, complaint or complaint verification took (rows first: a file without
     * a row is never served).
     */
    async purgeOrphanUploads(): Promise<number> {
      let deleted = 0;
      for (const kind of UPLOAD_KINDS) {
        const keys = await uploads.purgeUnclaimed(kind, ORPHAN_UPLOAD_KEEP_HOURS, 1000);
        for (const key of keys) if (key !== 'pending') await deps.files.remove(key);
        deleted += keys.length;
      }
      return deleted;
    },
  };
}

export type HousekeepingActivities = ReturnType<typeof createHousekeepingActivities>;
