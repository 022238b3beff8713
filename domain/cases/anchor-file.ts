/**
 * The anchors' copy outside the database: a JSON Lines file, one anchor per line, appended in order.
 * The auditor copies it away (or the file system ships it: it is only ever appended to) and checks the
 * database against that copy with `npm run audit:verify -- --anchors <file>`.
 */
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Db } from '../db.ts';
import { anchorLine, loadAnchors, parseAnchorLine } from './anchors.ts';
import type { AnchorRecord } from './anchors.ts';

/** The anchor file under a data folder. */
export function anchorFilePath(dataDir: string): string {
  return join(dataDir, 'anchors', 'anchors.jsonl');
}

/** How much of the file's end is read to find the last anchor written; an older, longer line is read whole. */
const TAIL_BYTES = 1 << 20;

/** The number of the last anchor in the file (0 when there is none), reading only its end when it is large. */
async function lastAnchorNo(file: string): Promise<{ no: number; endsWithNewline: boolean }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { no: 0, endsWithNewline: true };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { no: 0, endsWithNewline: true };
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    let text = buffer.toString('utf8');
    const endsWithNewline = text.endsWith('\n');
    let lines = text.split('\n');
    if (start > 0) lines = lines.slice(1);
    for (const line of lines.reverse()) {
      if (!line.trim()) continue;
      try {
        return { no: parseAnchorLine(line).no, endsWithNewline };
      } catch {
        // A line cut short by a crash while appending: the anchor before it is the last one written.
      }
    }
    if (start === 0) return { no: 0, endsWithNewline };
    text = await readFile(file, 'utf8');
    const whole = text.split('\n').filter((l) => l.trim());
    for (const line of whole.reverse()) {
      try {
        return { no: parseAnchorLine(line).no, endsWithNewline };
      } catch {
        // as above
      }
    }
    return { no: 0, endsWithNewline };
  } finally {
    await handle.close();
  }
}

/** Appends every anchor of the database not yet in the file, in order; returns how many. */
export async function appendAnchorFile(db: Db, file: string): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const { no, endsWithNewline } = await lastAnchorNo(file);
  const missing = await loadAnchors(db, no);
  if (missing.length === 0) return 0;
  // A fragment left by a crash keeps a line of its own; the verifier names it.
  const text = (endsWithNewline ? '' : '\n') + missing.map((a) => `${anchorLine(a)}\n`).join('');
  await appendFile(file, text, 'utf8');
  return missing.length;
}

/** Reads a copy of the anchor file; each unreadable line is a problem, named by its line number. */
export async function readAnchorFile(file: string): Promise<{ anchors: AnchorRecord[]; problems: string[] }> {
  const text = await readFile(file, 'utf8');
  const anchors: AnchorRecord[] = [];
  const problems: string[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      anchors.push(parseAnchorLine(line));
    } catch {
      problems.push(`锚点文件第 ${i + 1} 行无法读取`);
    }
  }
  return { anchors, problems };
}
