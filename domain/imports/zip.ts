/**
 * The ZIP container of an uploaded workbook, read from its central directory with every byte inflated
 * under a budget. A workbook is a zip, and a zip bomb (a few kilobytes that inflate to gigabytes) would
 * otherwise exhaust the worker: exceljs's own reader inflates every entry without a limit, spills
 * worksheets that come before the shared strings to temporary files, and drains entries it does not
 * need. Here only the parts the import reads are inflated, each counted as it comes out.
 */
import { PassThrough, Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** The file is not a workbook (a file-level error, shown to the user). */
export class XlsxFormatError extends Error {}

/** The workbook is larger than the importer reads (the message names the limit). */
export class XlsxLimitError extends XlsxFormatError {}

/** How much a workbook may inflate to: all parts read, and the shared strings (kept in memory) alone. */
export interface InflateLimits {
  totalBytes: number;
  sharedStringsBytes: number;
}

/** Excel's own row limit; also what keeps row numbers from turning into huge blank runs. */
export const MAX_SHEET_ROWS = 1_048_576;

/**
 * Limits sized for the registry's largest import (260,000 houses, about 300 MB of sheet XML and
 * 50 MB of shared strings) with room to spare, far below what would exhaust a worker.
 */
export const XLSX_LIMITS: InflateLimits = { totalBytes: 1024 * 1024 * 1024, sharedStringsBytes: 256 * 1024 * 1024 };
const MAX_ENTRIES = 10_000;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function broken(why: string): XlsxFormatError {
  return new XlsxFormatError(`无法读取 Excel 文件：${why}`);
}

/** The entries of a zip, by name, from its central directory (the index a zip reader is meant to trust). */
function centralDirectory(buf: Buffer): Map<string, Entry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('不是有效的 .xlsx（ZIP）文件');
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw broken('不支持 ZIP64 格式，请在 Excel 中重新另存为 .xlsx');
  if (count > MAX_ENTRIES) throw new XlsxLimitError(`Excel 文件内部条目超过 ${MAX_ENTRIES} 个，无法导入`);
  const entries = new Map<string, Entry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw broken('ZIP 目录已损坏');
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (flags & 1) throw broken('文件已加密，请取消密码后再导入');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw broken('ZIP 条目已损坏');
    const entry = {
      name,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      dataStart: local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28),
    };
    if (entry.dataStart + entry.compressedSize > buf.length) throw broken('ZIP 条目已损坏');
    entries.set(name.replace(/^\//, ''), entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** A workbook's parts, each inflated on demand and all of them against one budget. */
export class BoundedZip {
  private readonly entries: Map<string, Entry>;
  private inflated = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly limits: InflateLimits = XLSX_LIMITS,
  ) {
    this.entries = centralDirectory(buf);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of one part as a stream; it fails with an XlsxLimitError once a limit is passed. */
  open(name: string, limit = this.limits.totalBytes): Readable {
    const entry = this.entries.get(name);
    if (!entry) throw broken(`缺少 ${name}`);
    const tooLarge = () =>
      new XlsxLimitError(
        limit < this.limits.totalBytes
          ? `Excel 文件的共享字符串（${name}）解压后超过 ${megabytes(limit)}，无法导入；请删除多余内容或分成几个文件`
          : `Excel 文件解压后超过 ${megabytes(this.limits.totalBytes)}，无法导入；请分成几个文件导入`,
      );
    // A declared size already past the limit is refused before anything is inflated.
    if (entry.uncompressedSize > limit) throw tooLarge();
    const data = this.buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method !== 0 && entry.method !== 8) throw broken(`不支持的压缩方式 ${entry.method}`);
    const source = entry.method === 0 ? new PassThrough() : createInflateRaw();
    let own = 0;
    const counted = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        own += chunk.length;
        this.inflated += chunk.length;
        // The declared sizes may lie: what counts is what comes out, and inflating stops at the limit.
        if (own <= limit && this.inflated <= this.limits.totalBytes) return done(null, chunk);
        source.destroy();
        done(tooLarge());
      },
    });
    source.on('error', (error) => counted.destroy(error));
    source.pipe(counted);
    source.end(data);
    return counted;
  }
}

/** Reads a whole stream into memory (uploads are at most 100 MB; the zip index is at the end). */
export async function readAll(input: Readable, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const part = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += part.length;
    if (size > max) throw new XlsxLimitError(`Excel 文件超过 ${megabytes(max)}，无法导入`);
    parts.push(part);
  }
  return Buffer.concat(parts);
}
