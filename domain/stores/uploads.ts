/**
 * Uploaded files' rows: written before the bytes (storage key `pending`, so a half-written upload is
 * never served), then given their key; and, for housekeeping, the uploads no inspection, complaint or
 * verification took (a lost reply, a form given up), deleted after a while. `DatabaseUploadStore`
 * holds the SQL.
 */
import type { Db } from '../db.ts';

/** The upload tables and what marks an upload of each as never taken. */
export const UPLOAD_KINDS = ['inspection', 'complaint', 'verification'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** The tables that hold uploaded files' rows. */
export type UploadTable = 'case_files' | 'inspection_files' | 'complaint_files' | 'complaint_verification_files' | 'building_files';

/** What every upload row records of its file. */
export interface UploadFacts {
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface UploadStore {
  /** Writes an upload's row with storage key `pending` (its owner columns in `row`); returns its id. */
  createPending(table: UploadTable, row: Record<string, unknown>, file: UploadFacts, tx?: Db): Promise<string>;
  /** Records where the upload's bytes were stored. */
  setStorageKey(table: UploadTable, id: string, key: string, tx?: Db): Promise<void>;
  /**
   * Deletes up to `limit` rows of one kind of upload never taken and older than `olderThanHours`;
   * returns the storage keys of the deleted rows (`pending` for an upload whose bytes were never stored),
   * so the caller removes the files after the rows (a file without a row is never served).
   */
  purgeUnclaimed(kind: UploadKind, olderThanHours: number, limit: number): Promise<string[]>;
}
