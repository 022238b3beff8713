/** `UploadStore` on PostgreSQL: the three upload tables and the column that says an upload was taken. */
import type { Db } from '../db.ts';
import type { UploadFacts, UploadKind, UploadStore, UploadTable } from './uploads.ts';

const UNCLAIMED: Record<UploadKind, { table: string; where: Record<string, null | boolean> }> = {
  inspection: { table: 'inspection_files', where: { inspection_id: null } },
  complaint: { table: 'complaint_files', where: { complaint_id: null } },
  verification: { table: 'complaint_verification_files', where: { attached: false } },
};

export class DatabaseUploadStore implements UploadStore {
  constructor(private readonly db: Db) {}

  async createPending(table: UploadTable, row: Record<string, unknown>, file: UploadFacts, tx: Db = this.db): Promise<string> {
    const [created] = (await tx(table)
      .insert({ ...row, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256, storage_key: 'pending' })
      .returning('id')) as { id: string }[];
    return (created as { id: string }).id;
  }

  async setStorageKey(table: UploadTable, id: string, key: string, tx: Db = this.db): Promise<void> {
    await tx(table).where({ id }).update({ storage_key: key });
  }

  async purgeUnclaimed(kind: UploadKind, olderThanHours: number, limit: number): Promise<string[]> {
    const { table, where } = UNCLAIMED[kind];
    const old = this.db(table)
      .where(where)
      .where('created_at', '<', this.db.raw(`now() - make_interval(hours => ?)`, [olderThanHours]))
      .limit(limit)
      .select('id');
    const rows = (await this.db(table).whereIn('id', old).delete().returning('storage_key')) as { storage_key: string }[];
    return rows.map((r) => r.storage_key);
  }
}
