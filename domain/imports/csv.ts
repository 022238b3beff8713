/**
 * CSV (RFC 4180) read at the byte level: the delimiters are ASCII and never occur inside a UTF-8 or
 * GB18030 multi-byte character, so records can be split on bytes and only cells decoded. That keeps
 * it fast and gives the byte offset of every record, so a chunk of a large file can be read again
 * from where it starts. A record is what Excel shows as one row, so its number is the row number.
 */
export type TextEncoding = 'utf-8' | 'gb18030';

/** One record (row) of a CSV file. */
export interface CsvRecord {
  /** The row number as Excel shows it (the header is 1). */
  line: number;
  /** Byte offset of the record's first byte in the file. */
  offset: number;
  cells: string[];
}

/** How to read: the text encoding, and where a chunk's bytes start. */
export interface CsvReadOptions {
  encoding: TextEncoding;
  /** Where the bytes given start in the file (for offsets) and which line that is. */
  startOffset?: number;
  firstLine?: number;
}

/** A record longer than this is an unclosed quote, not data. */
const MAX_RECORD_BYTES = 1 << 20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The file cannot be read as CSV (a file-level error). */
export class CsvFormatError extends Error {}

type Decode = (buf: Buffer, start: number, end: number) => string;

function decoderFor(encoding: TextEncoding): Decode {
  if (encoding === 'utf-8') return (buf, start, end) => buf.toString('utf8', start, end);
  const decoder = new TextDecoder('gb18030');
  return (buf, start, end) => decoder.decode(buf.subarray(start, end));
}

/**
 * One record starting at `start`, or null when the buffer ends before the record does (and more bytes
 * may come). `last` says no more bytes will come.
 */
function parseRecord(buf: Buffer, start: number, last: boolean, decode: Decode): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  const len = buf.length;
  let i = start;
  for (;;) {
    let cell = '';
    if (buf[i] === QUOTE) {
      i++;
      for (;;) {
        const q = buf.indexOf(QUOTE, i);
        if (q === -1) {
          if (!last) return null;
          cell += decode(buf, i, len);
          i = len;
          break;
        }
        if (q + 1 >= len && !last) return null;
        cell += decode(buf, i, q);
        if (buf[q + 1] === QUOTE) {
          cell += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between a closing quote and the delimiter is kept, as spreadsheet programs do.
      const from = i;
      while (i < len && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) i++;
      if (i > from) cell += decode(buf, from, i);
    } else {
      const from = i;
      while (i < len && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) i++;
      cell = decode(buf, from, i);
    }
    cells.push(cell);
    if (i >= len) return last ? { cells, next: len } : null;
    const c = buf[i];
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= len) return last ? { cells, next: len } : null;
      return { cells, next: buf[i + 1] === LF ? i + 2 : i + 1 };
    }
    return { cells, next: i + 1 };
  }
}

/** True for a UTF-8 byte-order mark at the start of the buffer. */
export function hasBom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/** Streams the records of a CSV file (or of the part of it that starts at `startOffset`). */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: CsvReadOptions,
): AsyncGenerator<CsvRecord> {
  const decode = decoderFor(options.encoding);
  let base = options.startOffset ?? 0;
  let line = options.firstLine ?? 1;
  let pending: Buffer | undefined;
  let first = base === 0;
  const drain = function* (buf: Buffer, last: boolean): Generator<CsvRecord, number> {
    let pos = 0;
    if (first && (buf.length >= 3 || last)) {
      if (hasBom(buf)) pos = 3;
      first = false;
    }
    while (pos < buf.length) {
      const record = parseRecord(buf, pos, last, decode);
      if (!record) {
        if (buf.length - pos > MAX_RECORD_BYTES) throw new CsvFormatError(`第 ${line} 行过长或引号未闭合`);
        break;
      }
      yield { line: line++, offset: base + pos, cells: record.cells };
      pos = record.next;
    }
    return pos;
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const buf = pending ? Buffer.concat([pending, bytes]) : bytes;
    const used = yield* drain(buf, false);
    base += used;
    pending = used < buf.length ? buf.subarray(used) : undefined;
  }
  if (pending) yield* drain(pending, true);
}

/** True when every cell of a record is blank: such rows are skipped (and keep their line number). */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** One CSV line (CRLF-terminated, as Excel writes it), quoting only where needed. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return (
    cells
      .map((c) => {
        const s = c == null ? '' : String(c);
        return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

/**
 * A cell of a file people open in a spreadsheet (error reports, templates): text that Excel or WPS would
 * take for a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe,
 * so `=HYPERLINK(…)` in an uploaded address shows as text instead of running (CSV injection, OWASP).
 * Numbers are left alone. The importer's own CSV copy of a workbook is not neutralised: it is data.
 */
export function neutralised(cell: string | number | null | undefined): string | number | null | undefined {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV line for people to open, every text cell neutralised. */
export function outputCsvLine(cells: readonly (string | number | null | undefined)[]): string {
  return csvLine(cells.map(neutralised));
}

/** A UTF-8 byte-order mark: Excel opens a CSV as UTF-8 only when it starts with one. */
export const BOM = '\ufeff';
