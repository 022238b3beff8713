/** Activities of the housekeeping workflow. */
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { IdempotencyStore } from '../../domain/stores/idempotency.ts';
import { LoginThrottleStore } from '../../domain/stores/login-throttles.ts';
import { SessionStore } from '../../domain/stores/sessions.ts';

/** Stored responses are kept a day: long enough for any client retry. */
const IDEMPOTENCY_KEEP_HOURS = 24;
/** A photo uploaded for an inspection or a complaint that never came (a lost reply, a form given up) is kept this long. */
const ORPHAN_UPLOAD_KEEP_HOURS = 48;

export function createHousekeepingActivities(deps: { db: Db; files: FileStore; sessionIdleMinutes: number }) {
  const sessions = new SessionStore(deps.db);
  const keys = new IdempotencyStore(deps.db);
  return {
    /** Sign-in state past its use: dead sessions, and login throttle counts long ended. */
    async purgeSessions(): Promise<number> {
      return (await sessions.purge(deps.sessionIdleMinutes)) + (await new LoginThrottleStore(deps.db).purge());
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
      for (const [table, unclaimed] of [
        ['inspection_files', { inspection_id: null }],
        ['complaint_files', { complaint_id: null }],
        ['complaint_verification_files', { attached: false }],
      ] as const) {
        const old = deps
          .db(table)
          .where(unclaimed)
          .where('created_at', '<', deps.db.raw(`now() - make_interval(hours => ?)`, [ORPHAN_UPLOAD_KEEP_HOURS]))
          .limit(1000)
          .select('id');
        const rows = (await deps.db(table).whereIn('id', old).delete().returning('storage_key')) as { storage_key: string }[];
        for (const r of rows) if (r.storage_key !== 'pending') await deps.files.remove(r.storage_key);
        deleted += rows.length;
      }
      return deleted;
    },
  };
}

export type HousekeepingActivities = ReturnType<typeof createHousekeepingActivities>;
