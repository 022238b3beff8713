/**
 * Reading an uploaded workbook with exceljs's streaming reader (a 260,000-row sheet never sits in
 * memory whole): the rows of its first sheet, every cell as the text a user would see, dates as
 * YYYY-MM-DD.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';

/** One row of a sheet, as text. */
export interface SheetRow {
  /** The row number Excel shows. */
  line: number;
  cells: string[];
}

/** The file cannot be read as a workbook (a file-level error). */
export class XlsxFormatError extends Error {}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text of one cell: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  // exceljs turns a date serial into the UTC instant of that calendar day.
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return value.error;
  return '';
}

/** What exceljs's streaming reader knows of the workbook part (tab order), not in its typings. */
interface ReaderModel {
  model?: { sheets?: { name?: string }[] };
}

/** exceljs's own parsing steps that the reader below wraps; not in its typings. */
interface ReaderSteps {
  _parseSharedStrings(this: unknown, entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(this: unknown, chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const steps = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderSteps;

/** Decodes UTF-8 chunks as a stream: a character split between two chunks is kept whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * exceljs 4.4 decodes every inflated chunk of a sheet or of the shared strings on its own, so a Chinese
 * character split between two chunks turns into U+FFFD, about once in a thousand rows (exceljs issues
 * #2063, #2084, unfixed). This reader hands those two parsers text decoded as a stream instead.
 */
class WholeCharacterReader extends ExcelJS.stream.xlsx.WorkbookReader {
  async *_parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    yield* steps._parseSharedStrings.call(this, entry);
  }

  *_parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    yield* steps._parseWorksheet.call(this, utf8(chunks), sheetNo);
  }
}

/** Streams the rows of the workbook's first sheet (rows Excel stores as empty are skipped). */
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new WholeCharacterReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      // The first tab, by name once the workbook part is read (else the first sheet that comes).
      const first = (reader as unknown as ReaderModel).model?.sheets?.[0]?.name;
      const name = (sheet as unknown as { name?: string }).name;
      if (found || (first !== undefined && name !== first)) continue;
      found = true;
      for await (const row of sheet) {
        const values = row.values as CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null).trim());
        yield { line: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof XlsxFormatError) throw error;
    throw new XlsxFormatError(`无法读取 Excel 文件：${(error as Error).message}`);
  }
  if (!found) throw new XlsxFormatError('Excel 文件中没有工作表');
}
