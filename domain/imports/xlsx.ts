/**
 * Reading an uploaded workbook with exceljs's streaming parsers (a 260,000-row sheet never sits in
 * memory whole): the rows of its first sheet, every cell as the text a user would see, dates as
 * YYYY-MM-DD. The zip itself is read by `BoundedZip`, which inflates only the parts needed and stops
 * at a size limit; the sheet's cells are counted before exceljs builds them.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { BoundedZip, MAX_SHEET_ROWS, XlsxFormatError, XlsxLimitError, XLSX_LIMITS, readAll } from './zip.ts';
import type { InflateLimits } from './zip.ts';

export { XlsxFormatError, XlsxLimitError } from './zip.ts';

/** One row of a sheet, as text. */
export interface SheetRow {
  /** The row number Excel shows. */
  line: number;
  cells: string[];
}

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

/** What the import reads at most from one workbook. */
export interface XlsxLimits extends InflateLimits {
  /** Largest file (uploads are refused above 100 MB before this). */
  fileBytes: number;
  /** Cells in one row (the template has 34 columns). */
  rowCells: number;
  /** Cells in the sheet (260,000 houses of 34 columns are about 9 million). */
  cells: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { ...XLSX_LIMITS, fileBytes: 128 * 1024 * 1024, rowCells: 200, cells: 20_000_000 };

/** What exceljs's reader knows of the workbook (its parts' relationships, the tab order), not in its typings. */
interface ReaderModel {
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

/** exceljs's own parsing steps, which the reader below drives part by part; not in its typings. */
interface ReaderSteps {
  _parseRels(this: unknown, entry: Readable): Promise<void>;
  _parseWorkbook(this: unknown, entry: Readable): Promise<void>;
  _parseStyles(this: unknown, entry: Readable): Promise<void>;
  _parseSharedStrings(this: unknown, entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(this: unknown, chunks: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}
const steps = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderSteps;

/** Decodes UTF-8 chunks as a stream: a character split between two chunks is kept whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Tag starts a cut chunk may end with: kept for the next chunk so that no cell or row end is missed. */
const PARTIAL_TAGS = new Set(['<', '<c', '</', '</r', '</ro', '</row']);

/**
 * Counts the sheet's cells in its XML as it streams past, before exceljs makes an object of each: a
 * row of millions of cells would exhaust memory before the row ends.
 */
async function* cellsCounted(text: AsyncIterable<string>, limits: XlsxLimits): AsyncGenerator<string> {
  let row = 0;
  let total = 0;
  let carry = '';
  const tooMany = (what: string) => new XlsxLimitError(what);
  for await (const chunk of text) {
    const scanned = carry + chunk;
    // Row ends and cell starts in document order (a plain scan: regular-expression matches cost more).
    let end = scanned.indexOf('</row>');
    for (let at = scanned.indexOf('<c'); at !== -1; at = scanned.indexOf('<c', at + 2)) {
      while (end !== -1 && end < at) {
        row = 0;
        end = scanned.indexOf('</row>', end + 6);
      }
      const next = scanned.charCodeAt(at + 2);
      // `<c ` or `<c>` or `<c/>`, not `<col`: a space, tab, line break, `>` or `/`.
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
      if (++row > limits.rowCells) throw tooMany(`Excel 工作表中有一行超过 ${limits.rowCells} 个单元格，无法导入`);
      if (++total > limits.cells)
        throw tooMany(`Excel 工作表超过 ${limits.cells.toLocaleString('en-US')} 个单元格，无法导入；请分成几个文件导入`);
    }
    if (end !== -1) row = 0;
    const lastTag = scanned.lastIndexOf('<');
    carry = lastTag >= 0 && PARTIAL_TAGS.has(scanned.slice(lastTag)) ? scanned.slice(lastTag) : '';
    yield chunk;
  }
}

/** Where a relationship's target lies in the zip (targets are relative to xl/ unless absolute). */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * exceljs's streaming reader on a bounded zip: the relationships, the workbook, the styles, the shared
 * strings, then the first tab's sheet, each inflated under the limits. Sheets are decoded as one UTF-8
 * stream: exceljs 4.4 decodes every inflated chunk on its own, so a Chinese character split between two
 * chunks turned into U+FFFD about once in a thousand rows (exceljs issues #2063, #2084, unfixed).
 */
class BoundedWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    input: Readable,
    private readonly zip: BoundedZip,
    private readonly limits: XlsxLimits,
  ) {
    super(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  }

  override async *parse(): AsyncGenerator<{ eventType: string; value: unknown }> {
    const { zip } = this;
    const known = this as unknown as ReaderModel;
    if (!zip.has('xl/workbook.xml'))
      throw new XlsxFormatError('无法读取 Excel 文件：缺少工作簿（xl/workbook.xml），请在 Excel 中另存为 .xlsx');
    await steps._parseRels.call(this, zip.has('xl/_rels/workbook.xml.rels') ? zip.open('xl/_rels/workbook.xml.rels') : emptyPart());
    await steps._parseWorkbook.call(this, zip.open('xl/workbook.xml'));
    if (zip.has('xl/styles.xml')) await steps._parseStyles.call(this, zip.open('xl/styles.xml'));
    if (zip.has('xl/sharedStrings.xml')) {
      const entry = zip.open('xl/sharedStrings.xml', this.limits.sharedStringsBytes);
      entry.setEncoding('utf8');
      for await (const _ of steps._parseSharedStrings.call(this, entry));
    } else {
      (this as unknown as { sharedStrings: unknown[] }).sharedStrings = [];
    }
    const first = known.model?.sheets?.[0];
    const target = known.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
    if (!first || !target) throw new XlsxFormatError('Excel 文件中没有工作表');
    const part = partName(target);
    const sheetNo = /sheet(\d+)\.xml$/.exec(part)?.[1] ?? '1';
    yield* steps._parseWorksheet.call(this, cellsCounted(utf8(zip.open(part)), this.limits), sheetNo);
  }
}

/** A part a workbook may lack (its relationships), read as empty. */
function emptyPart(): Readable {
  return Readable.from([]);
}

/** Streams the rows of the workbook's first sheet (rows Excel stores as empty are skipped). */
export async function* xlsxRows(input: Readable, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): AsyncGenerator<SheetRow> {
  try {
    const zip = new BoundedZip(await readAll(input, limits.fileBytes), limits);
    const reader = new BoundedWorkbookReader(input, zip, limits);
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > MAX_SHEET_ROWS) throw new XlsxLimitError(`Excel 工作表的行号超过 ${MAX_SHEET_ROWS}，无法导入`);
        const values = row.values as CellValue[];
        if (values.length - 1 > limits.rowCells) throw new XlsxLimitError(`Excel 工作表中有一行超过 ${limits.rowCells} 个单元格，无法导入`);
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null).trim());
        yield { line: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof XlsxFormatError) throw error;
    throw new XlsxFormatError(`无法读取 Excel 文件：${(error as Error).message}`);
  }
}
