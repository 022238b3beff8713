/**
 * Stored files (uploads, generated PDFs, error reports) behind one small interface: a folder under
 * DATA_DIR here, S3-compatible storage at scale with the same methods. Keys are relative paths made by
 * the platform, never by users.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStore {
  put(key: string, data: Buffer | string | Readable): Promise<void>;
  read(key: string): Readable;
  size(key: string): Promise<number | undefined>;
  remove(key: string): Promise<void>;
  /** A local path for tools that need one (e.g. the PDF writer streams to it). */
  localPath(key: string): string;
}

export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  localPath(key: string): string {
    if (!/^[\w./-]+$/.test(key) || key.includes('..')) throw new Error(`bad file key: ${key}`);
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`bad file key: ${key}`);
    return path;
  }

  /** Writes to a temporary name first, so a reader never sees half a file. */
  async put(key: string, data: Buffer | string | Readable): Promise<void> {
    const path = this.localPath(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial-${process.pid}`;
    try {
      if (typeof data === 'string' || Buffer.isBuffer(data)) await writeFile(partial, data);
      else await pipeline(data, createWriteStream(partial));
    } catch (error) {
      // A source that fails midway (a workbook refused while it is copied) leaves no half file behind.
      await rm(partial, { force: true });
      throw error;
    }
    await rename(partial, path);
  }

  read(key: string): Readable {
    return createReadStream(this.localPath(key));
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.localPath(key))).size;
    } catch {
      return undefined;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.localPath(key), { force: true });
  }
}

/** The file store of a configuration: `<DATA_DIR>/files`. */
export function fileStoreFor(dataDir: string): FileStore {
  return new LocalFileStore(join(dataDir, 'files'));
}
