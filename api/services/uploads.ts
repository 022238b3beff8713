/**
 * Storing uploaded files (evidence, inspection and complaint photos) and reading them back. The area
 * services say where an upload belongs (its table, folder and owner); this keeps the order that makes
 * a half-written upload harmless: the row first (storage key `pending`, so it is never served), then
 * the bytes, then the key.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import type { UploadStore, UploadTable } from '../../domain/stores/uploads.ts';
import type { Upload } from '../http/uploads.ts';

/** Where an upload goes: its table, the file store folder and the row's owner columns. */
export interface UploadTarget {
  table: UploadTable;
  folder: string;
  row: Record<string, unknown>;
}

/** What the upload routes answer about a stored file. */
export interface StoredUpload {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

export class UploadService {
  constructor(private readonly deps: { uploads: UploadStore; files: FileStore }) {}

  /**
   * Records an upload: its row first, then the bytes under `<folder>/<id>.<ext>`, then the key.
   * `tx`: the caller's transaction, when the row must be written inside it.
   */
  async store(upload: Upload, target: UploadTarget, tx?: Db): Promise<StoredUpload> {
    const { data, kind, name, sha256 } = upload;
    const facts = { name, mime: kind.mime, size: data.length, sha256 };
    const id = await this.deps.uploads.createPending(target.table, target.row, facts, tx);
    const key = `${target.folder}/${id}.${kind.ext}`;
    await this.deps.files.put(key, data);
    await this.deps.uploads.setStorageKey(target.table, id, key, tx);
    return { id, ...facts };
  }

  /** The bytes of a stored upload the caller's service has found readable. */
  read(file: { storageKey: string }): Readable {
    return this.deps.files.read(file.storageKey);
  }
}
