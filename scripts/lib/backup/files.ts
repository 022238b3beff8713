/**
 * The file store's part of a backup: every stored file copied under `files/<key>`, and an index
 * (`files.index`, one line per file: SHA-256, size, key) whose own checksum the manifest holds, so a
 * restore checks each file before it writes any.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkFileKey } from '../../../domain/files.ts';
import type { FileStore, ListableFileStore } from '../../../domain/files.ts';
import { BackupError, sha256File } from './manifest.ts';

export const FILES_INDEX = 'files.index';
export const FILES_DIR = 'files';

export interface IndexedFile {
  key: string;
  bytes: number;
  sha256: string;
}

/** Copies every file of the store into `<dir>/files`, hashing on the way; writes the index. */
export async function backupFiles(store: ListableFileStore, dir: string): Promise<{ count: number; bytes: number }> {
  const index: IndexedFile[] = [];
  for await (const key of store.keys()) {
    const target = join(dir, FILES_DIR, checkFileKey(key));
    await mkdir(dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(store.read(key), tap, createWriteStream(target));
    } catch (error) {
      // Listed, then removed before it was read (a temporary export): nothing refers to it any more.
      if ((await store.size(key)) === undefined) continue;
      throw error;
    }
    index.push({ key, bytes, sha256: hash.digest('hex') });
  }
  index.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await writeFile(join(dir, FILES_INDEX), index.map((f) => `${f.sha256} ${f.bytes} ${f.key}\n`).join(''));
  return { count: index.length, bytes: index.reduce((sum, f) => sum + f.bytes, 0) };
}

/** Reads the index and checks each file it lists against it; the first fault is named. */
export async function verifyFiles(dir: string): Promise<IndexedFile[]> {
  const text = await readFile(join(dir, FILES_INDEX), 'utf8');
  const index: IndexedFile[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) (\d+) (\S+)$/.exec(line);
    if (!m) throw new BackupError(`part "files": line ${i + 1} of ${FILES_INDEX} is corrupt`);
    index.push({ sha256: m[1]!, bytes: Number(m[2]), key: checkFileKey(m[3]!) });
  }
  for (const f of index) {
    const path = join(dir, FILES_DIR, f.key);
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) throw new BackupError(`part "files": ${f.key} is missing from ${join(dir, FILES_DIR)}`);
    if (size !== f.bytes || (await sha256File(path)) !== f.sha256)
      throw new BackupError(`part "files": ${f.key} does not match its size and SHA-256 in ${FILES_INDEX}`);
  }
  return index;
}

/** Writes each indexed file into the store and reads its size back. */
export async function restoreFiles(dir: string, index: IndexedFile[], store: FileStore): Promise<void> {
  for (const f of index) {
    const path = join(dir, FILES_DIR, f.key);
    await store.put(f.key, f.bytes < 8 * 1024 * 1024 ? await readFile(path) : createReadStream(path));
    const written = await store.size(f.key);
    if (written !== f.bytes) throw new Error(`file ${f.key}: ${String(written)} bytes after the copy, ${f.bytes} expected`);
  }
}
