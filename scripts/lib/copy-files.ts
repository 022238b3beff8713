/**
 * Copies every file of a folder store into another store (the migration from `DATA_DIR/files` to S3):
 * resumable (a file already there with the same size is skipped), verified (each copy's size read back),
 * never deleting the source. The folder store's own listing (`keys()`) leaves its half-written files out.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalFileStore } from '../../domain/files.ts';
import type { FileStore } from '../../domain/files.ts';

export interface CopyReport {
  copied: number;
  skipped: number;
  failed: { key: string; reason: string }[];
  bytes: number;
}

export async function copyFolderToStore(root: string, target: FileStore, say: (line: string) => void): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, skipped: 0, failed: [], bytes: 0 };
  for await (const key of new LocalFileStore(root).keys()) {
    const path = join(root, key);
    try {
      const { size } = await stat(path);
      if ((await target.size(key)) === size) {
        report.skipped += 1;
        continue;
      }
      await target.put(key, size < 8 * 1024 * 1024 ? await readAll(path) : createReadStream(path));
      const written = await target.size(key);
      if (written !== size) throw new Error(`size after copy ${String(written)} ≠ ${size}`);
      report.copied += 1;
      report.bytes += size;
      if (report.copied % 500 === 0) say(`  ${report.copied} files copied…`);
    } catch (error) {
      report.failed.push({ key, reason: (error as Error).message });
    }
  }
  return report;
}

async function readAll(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
