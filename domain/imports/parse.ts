/**
 * What an uploaded file is (judged by its content, never by its name or declared type) and its rows,
 * from CSV (UTF-8, or GB18030/GBK as Chinese Excel saves it) or XLSX. Line numbers are those the user
 * sees in Excel: the header is line 1.
 */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.ts';
import { csvLine, csvRecords, hasBom } from './csv.ts';
import type { CsvRecord, TextEncoding } from './csv.ts';
import { xlsxRows } from './xlsx.ts';

/** The two kinds of file the importer reads. */
export type FileKind = 'csv' | 'xlsx';

/** What an uploaded file was judged to be. */
export interface DetectedFile {
  kind: FileKind;
  encoding: TextEncoding;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Signatures of files people upload by mistake, with what to tell them. */
const NOT_A_TABLE: [Buffer, string][] = [
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'PNG 图片'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'JPEG 图片'],
  [Buffer.from('GIF8'), 'GIF 图片'],
  [Buffer.from('%PDF'), 'PDF 文档'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), '旧版 Excel（.xls）或 Word 文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）'],
  [Buffer.from('Rar!'), 'RAR 压缩包'],
  [Buffer.from([0x1f, 0x8b]), 'GZIP 压缩包'],
];

function refuse(message: string): InputError {
  return InputError.field('body', 'fileType', message);
}

function decodesAsGb18030(buf: Buffer): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Judges a whole uploaded file: XLSX by its ZIP signature, CSV when it is text in UTF-8 or GB18030.
 * Throws an InputError (400) that says what the file seems to be instead.
 */
export function detectFile(buf: Buffer): DetectedFile {
  if (buf.length === 0) throw refuse('文件为空');
  if (buf.subarray(0, 4).equals(ZIP)) return { kind: 'xlsx', encoding: 'utf-8' };
  for (const [signature, what] of NOT_A_TABLE) {
    if (buf.subarray(0, signature.length).equals(signature)) throw refuse(`文件内容是${what}，请上传 CSV 或 Excel（.xlsx）文件`);
  }
  if (buf.subarray(0, 65_536).includes(0)) throw refuse('文件不是文本表格，请上传 CSV 或 Excel（.xlsx）文件');
  if (hasBom(buf) || isUtf8(buf)) {
    if (!isUtf8(buf)) throw refuse('文件以 UTF-8 标记开头，但其中有无效的 UTF-8 字符');
    return { kind: 'csv', encoding: 'utf-8' };
  }
  if (decodesAsGb18030(buf)) return { kind: 'csv', encoding: 'gb18030' };
  throw refuse('无法识别 CSV 文件的编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”');
}

async function* fromSheet(input: Readable): AsyncGenerator<CsvRecord> {
  for await (const row of xlsxRows(input)) yield { line: row.line, offset: -1, cells: row.cells };
}

/**
 * The records of a file, the header first. For CSV, `from` starts at a record's byte offset (a
 * chunk); XLSX is always read from its start (the importer reads its CSV copy by chunk instead).
 */
export function fileRecords(input: Readable, file: DetectedFile, from?: { offset: number; line: number }): AsyncGenerator<CsvRecord> {
  if (file.kind === 'xlsx') return fromSheet(input);
  return csvRecords(input, { encoding: file.encoding, startOffset: from?.offset ?? 0, firstLine: from?.line ?? 1 });
}

/**
 * A workbook's first sheet as UTF-8 CSV text, with an empty record for every row Excel skipped, so a
 * record's number in the copy is its row number in the workbook.
 */
export async function* xlsxAsCsv(input: Readable): AsyncGenerator<string> {
  let next = 1;
  for await (const row of xlsxRows(input)) {
    if (row.line > next) yield '\r\n'.repeat(row.line - next);
    yield csvLine(row.cells);
    next = row.line + 1;
  }
}
