/**
 * The manifest of a backup (`manifest.json`, written last: a folder without one is an unfinished
 * backup). It says what each part is, its size and SHA-256, and what the restore needs to know: the
 * migration level of the platform database and the moment Temporal's state was copied.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../../../domain/run-main.ts';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'ydym-backup';
export const FORMAT_VERSION = 1;

/** The parts, in the order they are taken (see takeBackup for why). */
export type PartName = 'anchors' | 'temporal' | 'temporal-visibility' | 'platform' | 'files';

export interface Part {
  name: PartName;
  /** Relative to the backup folder. */
  path: string;
  bytes: number;
  sha256: string;
  /** What the part holds, for the operator (e.g. `pg_dump custom format of ydym`). */
  what: string;
  /** For `files` (the part is their index): how many files it lists, and their bytes together. */
  count?: number;
  fileBytes?: number;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  startedAt: string;
  finishedAt: string;
  versions: { app: string; node: string; postgres: string; pgDump: string; sqlite?: string };
  /** The last migration applied in the platform database. */
  migration: string;
  temporal: {
    kind: 'sqlite' | 'postgres';
    /** The database clock when the copy of Temporal's state began: rows marked started later get swept again. */
    copiedAt: string;
  };
  fileStore: 'folder' | 's3';
  parts: Part[];
}

export class BackupError extends StartupError {}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A part's size and checksum, read back from the file written. */
export async function describePart(dir: string, name: PartName, path: string, what: string, extra: Partial<Part> = {}): Promise<Part> {
  const file = join(dir, path);
  return { name, path, bytes: (await stat(file)).size, sha256: await sha256File(file), what, ...extra };
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const partial = join(dir, `${MANIFEST}.partial`);
  await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(partial, join(dir, MANIFEST));
}

const PART_NAMES: readonly PartName[] = ['anchors', 'temporal', 'temporal-visibility', 'platform', 'files'];

/** Reads and checks the manifest's shape; every fault names the manifest and the field. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT'
        ? `${file} not found: not a backup folder, or a backup that did not finish`
        : `${file}: ${(error as Error).message}`,
    );
  }
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    throw new BackupError(`${file} is corrupt (not JSON: ${(error as Error).message})`);
  }
  const bad = (field: string) => new BackupError(`${file} is corrupt: ${field} is missing or wrong`);
  if (m.format !== FORMAT) throw bad('format');
  if (m.formatVersion !== FORMAT_VERSION)
    throw new BackupError(`${file}: format version ${String(m.formatVersion)} is not ${FORMAT_VERSION}, which this version reads`);
  if (typeof m.migration !== 'string' || !m.migration) throw bad('migration');
  if (!m.temporal || !['sqlite', 'postgres'].includes(m.temporal.kind) || Number.isNaN(Date.parse(m.temporal.copiedAt)))
    throw bad('temporal');
  if (!Array.isArray(m.parts)) throw bad('parts');
  for (const [i, p] of m.parts.entries()) {
    if (
      !PART_NAMES.includes(p.name) ||
      typeof p.path !== 'string' ||
      p.path.includes('..') ||
      p.path.startsWith('/') ||
      typeof p.bytes !== 'number' ||
      !/^[0-9a-f]{64}$/.test(p.sha256)
    )
      throw bad(`parts[${i}]`);
  }
  const names = m.parts.map((p) => p.name);
  for (const needed of ['platform', 'temporal', 'files'] as const) if (!names.includes(needed)) throw bad(`the part "${needed}"`);
  if (m.temporal.kind === 'postgres' && !names.includes('temporal-visibility')) throw bad('the part "temporal-visibility"');
  return m as Manifest;
}

/** Checks every part's size and SHA-256 against the manifest; the first that differs is named. */
export async function verifyParts(dir: string, manifest: Manifest): Promise<void> {
  for (const part of manifest.parts) {
    const file = join(dir, part.path);
    let bytes: number;
    try {
      bytes = (await stat(file)).size;
    } catch {
      throw new BackupError(`part "${part.name}": ${file} is missing`);
    }
    if (bytes !== part.bytes) throw new BackupError(`part "${part.name}": ${file} has ${bytes} bytes, the manifest says ${part.bytes}`);
    if ((await sha256File(file)) !== part.sha256)
      throw new BackupError(`part "${part.name}": ${file} does not match its SHA-256 in the manifest`);
  }
}
