/**
 * Uploaded photos as housekeeping sees them: an upload no inspection, complaint or verification took
 * (a lost reply, a form given up) is deleted after a while. `DatabaseUploadStore` holds the SQL.
 */

/** The upload tables and what marks an upload of each as never taken. */
export const UPLOAD_KINDS = ['inspection', 'complaint', 'verification'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export interface UploadStore {
  /**
   * Deletes up to `limit` rows of one kind of upload never taken and older than `olderThanHours`;
   * returns the storage keys of the deleted rows (`pending` for an upload whose bytes were never stored),
   * so the caller removes the files after the rows (a file without a row is never served).
   */
  purgeUnclaimed(kind: UploadKind, olderThanHours: number, limit: number): Promise<string[]>;
}
