/**
 * Stored files (uploads, generated PDFs, error reports) behind one small interface: a folder under
 * DATA_DIR here, S3-compatible storage at scale with the same methods. Keys are relative paths made by
 * the platform, never by users.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStore {
  put(key: string, data: Buffer | string | Readable): Promise<void>;
  /** The file's bytes from `start` (default 0) to its end; a missing file fails the stream. */
  read(key: string, start?: number): Readable;
  size(key: string): Promise<number | undefined>;
  remove(key: string): Promise<void>;
  /** Where the file lies, for an operator: a path on this machine, or the object's address in the store. */
  where(key: string): string;
}

/** A store that can list its keys (both stores can; a backup copies every file it lists). */
export interface ListableFileStore extends FileStore {
  /** Every stored key, in no promised order; half-written files are left out. */
  keys(): AsyncIterable<string>;
}

/** A half-written file of the folder store: `*.partial-<pid>-<random>`, or `*.partial-<pid>` from before. */
export const PARTIAL_FILE = /\.partial-\d+(-[0-9a-f]+)?$/;

/** A key the platform made: letters, digits, `_ . / -`, no `..`. */
export function checkFileKey(key: string): string {
  if (!/^[\w./-]+$/.test(key) || key.includes('..') || key.startsWith('/')) throw new Error(`bad file key: ${key}`);
  return key;
}

export class LocalFileStore implements ListableFileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  localPath(key: string): string {
    const path = join(this.root, checkFileKey(key));
    if (!path.startsWith(this.root + sep)) throw new Error(`bad file key: ${key}`);
    return path;
  }

  where(key: string): string {
    return this.localPath(key);
  }

  /**
   * Writes to a temporary name first, so a reader never sees half a file. The name is the writer's own
   * (process and random part): two writes of one key at once, even in one process, never share it.
   */
  async put(key: string, data: Buffer | string | Readable): Promise<void> {
    const path = this.localPath(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial-${process.pid}-${randomBytes(6).toString('hex')}`;
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

  read(key: string, start = 0): Readable {
    return createReadStream(this.localPath(key), { start });
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

  async *keys(): AsyncIterable<string> {
    const root = this.root;
    async function* walk(dir: string): AsyncGenerator<string> {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) yield* walk(path);
        else if (entry.isFile() && !PARTIAL_FILE.test(entry.name)) yield relative(root, path).split(sep).join('/');
      }
    }
    yield* walk(root);
  }
}

/** The folder store of a data folder: `<DATA_DIR>/files`. */
export function fileStoreFor(dataDir: string): FileStore {
  return new LocalFileStore(join(dataDir, 'files'));
}
