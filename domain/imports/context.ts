/**
 * What every import step needs: the database, the file store, a heartbeat and a cancellation signal
 * (wired to Temporal by the activities, no-ops elsewhere), and the importer's scope rebuilt from the
 * job row, so a step can run on any worker.
 */
import type { Readable } from 'node:stream';
import { asSubject, createAppAbility, rulesFor } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { FileStore } from '../files.ts';
import type { Role } from '../roles.ts';
import type { ImportJobRow } from './jobs.ts';
import type { RowContext } from './validate.ts';

export interface ImportDeps {
  db: Db;
  files: FileStore;
  /** Called often during long work, so a stalled step is noticed and retried elsewhere. */
  beat?: (detail?: unknown) => void;
  /** Aborted when the step should stop (worker shutdown, cancellation); checked before each commit. */
  signal?: AbortSignal;
}

/** The importer's rights: the user's current role in the job's region; the CLI acts as the district. */
export async function importScope(db: Db, job: ImportJobRow): Promise<RowContext> {
  let role: Role = 'district_admin';
  if (job.created_by) {
    const user = (await db('users').where({ id: job.created_by }).first('role', 'disabled')) as
      { role: Role; disabled: boolean } | undefined;
    if (!user || user.disabled) throw new ImportStopped('导入人的账号已停用，导入中止');
    role = user.role;
  }
  const ability = createAppAbility(rulesFor({ id: job.created_by ?? 'cli', role, regionCode: job.region_code }));
  if (!ability.can('create', 'ImportJob')) throw new ImportStopped('导入人已无导入权限，导入中止');
  const villages = new Set(((await db('regions').whereRaw('length(code) = 12').select('code')) as { code: string }[]).map((r) => r.code));
  const cache = new Map<string, boolean>();
  return {
    villages,
    canWrite(villageCode) {
      let allowed = cache.get(villageCode);
      if (allowed === undefined) {
        allowed =
          ability.can('create', asSubject('Building', { villageCode })) && ability.can('update', asSubject('Building', { villageCode }));
        cache.set(villageCode, allowed);
      }
      return allowed;
    },
  };
}

/** A reason to stop the whole import (not a problem of one row); retrying does not help. */
export class ImportStopped extends Error {}

/** The bytes of a stored file from `offset` on (a ranged read in every store). */
export function readFrom(files: FileStore, key: string, offset: number): Readable {
  return files.read(key, offset);
}

/** Throws when the step was asked to stop, so its transaction rolls back instead of committing. */
export function checkStop(deps: ImportDeps): void {
  if (deps.signal?.aborted) throw new Error('import step cancelled before commit');
}
