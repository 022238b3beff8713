import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.ts';
import { convertCell, parseDate } from './cells.ts';
import { BOM, csvLine, csvRecords, outputCsvLine } from './csv.ts';
import type { CsvRecord } from './csv.ts';
import { detectFile, fileRecords, xlsxAsCsv } from './parse.ts';
import { columnOf } from './template.ts';
import { gbk } from '../../test/support/imports.ts';
import { repeated, workbookParts, zipOf } from '../../test/support/zip.ts';
import { DEFAULT_XLSX_LIMITS, XlsxLimitError, xlsxRows } from './xlsx.ts';

async function all(records: AsyncIterable<CsvRecord>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const CSV = `${BOM}房屋编码,地址,地上层数\r\n,"凤城街道人民一路1号, 东侧",3\r\n\r\n,"他说""好""",2\r\n,"两行
地址",4\r\n`;

describe('CSV parsing', () => {
  test('a UTF-8 CSV with BOM: header on line 1, quotes, commas and line breaks in cells, blank lines keep their number', async () => {
    const records = await all(csvRecords([Buffer.from(CSV)], { encoding: 'utf-8' }));
    assert.deepEqual(
      records.map((r) => [r.line, r.cells]),
      [
        [1, ['房屋编码', '地址', '地上层数']],
        [2, ['', '凤城街道人民一路1号, 东侧', '3']],
        [3, ['']],
        [4, ['', '他说"好"', '2']],
        [5, ['', '两行\n地址', '4']],
      ],
    );
  });

  test('records split across stream chunks at any byte parse the same, and a record read from its offset is the same', async () => {
    const bytes = Buffer.from(CSV);
    const whole = await all(csvRecords([bytes], { encoding: 'utf-8' }));
    const dribbled = await all(csvRecords(Readable.from([...bytes].map((b) => Buffer.from([b]))), { encoding: 'utf-8' }));
    assert.deepEqual(dribbled, whole);
    const fourth = whole[3];
    assert.ok(fourth);
    const resumed = await all(csvRecords([bytes.subarray(fourth.offset)], { encoding: 'utf-8', startOffset: fourth.offset, firstLine: 4 }));
    assert.deepEqual(resumed, whole.slice(3));
  });

  test('a GBK CSV, as Chinese Excel saves it, is recognised and decoded', async () => {
    const bytes = gbk('村（社区）代码,地址,结构类型\r\n441802006001,凤城街道高基里社区1号,砖混\r\n');
    assert.deepEqual(detectFile(bytes), { kind: 'csv', encoding: 'gb18030' });
    const records = await all(fileRecords(Readable.from([bytes]), detectFile(bytes)));
    assert.deepEqual(records[0]?.cells, ['村（社区）代码', '地址', '结构类型']);
    assert.deepEqual(records[1]?.cells, ['441802006001', '凤城街道高基里社区1号', '砖混']);
  });

  test('the file type is judged by content: PNG, old .xls and binary are refused with a clear reason', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    assert.throws(
      () => detectFile(png),
      (e: unknown) => e instanceof InputError && /PNG/.test(e.message),
    );
    assert.throws(() => detectFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])), /另存为 \.xlsx/);
    assert.throws(() => detectFile(Buffer.from([1, 2, 0, 3])), /不是文本表格/);
    assert.throws(() => detectFile(Buffer.alloc(0)), /文件为空/);
    assert.deepEqual(detectFile(Buffer.from(CSV)), { kind: 'csv', encoding: 'utf-8' });
    assert.deepEqual(detectFile(Buffer.from('PK\x03\x04rest')), { kind: 'xlsx', encoding: 'utf-8' });
  });

  test('lines for people to open neutralise formula-like text with an apostrophe; numbers and the data copy stay as they are', () => {
    const link = '=HYPERLINK("http://evil.example","点击")';
    assert.equal(
      outputCsvLine([8, link, '+1', '-1', '@SUM(A1)', '\tx', '\rx', '凤城街道1号', -1]),
      `8,"'=HYPERLINK(""http://evil.example"",""点击"")",'+1,'-1,'@SUM(A1),'\tx,"'\rx",凤城街道1号,-1\r\n`,
    );
    assert.equal(csvLine([link]), '"=HYPERLINK(""http://evil.example"",""点击"")"\r\n');
  });

  test('csvLine quotes only what needs quoting', () => {
    assert.equal(csvLine(['a', 'b,c', 'd"e', null, 3, ' f']), 'a,"b,c","d""e",,3," f"\r\n');
  });
});

/** A workbook written by exceljs's streaming writer with inline strings (as other tools write them). */
async function streamedWorkbook(rows: number, text: (i: number) => string): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: false, stream: out });
  const sheet = book.addWorksheet('房屋信息');
  for (let i = 1; i <= rows; i++) sheet.addRow([text(i), `户主${i}`]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(parts);
}

describe('XLSX parsing', () => {
  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('房屋信息');
    sheet.addRow(['地址', '地上层数', '排查日期', '是否专业设计']);
    sheet.addRow([{ richText: [{ text: '凤城街道' }, { text: '人民一路1号' }] }, 3, new Date(Date.UTC(2024, 2, 5)), true]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    sheet.addRow([]);
    sheet.addRow(['东城街道2号', { formula: '1+1', result: 2 }, '2024/3/6', '否']);
    book.addWorksheet('填写说明').addRow(['列名', '说明']);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  test('rows of the first sheet as text: rich text joined, formulas by result, dates as YYYY-MM-DD, Excel row numbers', async () => {
    const bytes = await workbook();
    assert.equal(detectFile(bytes).kind, 'xlsx');
    const records = await all(fileRecords(Readable.from([bytes]), detectFile(bytes)));
    assert.deepEqual(
      records.map((r) => [r.line, r.cells]),
      [
        [1, ['地址', '地上层数', '排查日期', '是否专业设计']],
        [2, ['凤城街道人民一路1号', '3', '2024-03-05', '是']],
        [4, ['东城街道2号', '2', '2024/3/6', '否']],
      ],
    );
  });

  test('the CSV copy of a workbook keeps row numbers (an empty record for each skipped row)', async () => {
    let text = '';
    for await (const part of xlsxAsCsv(Readable.from([await workbook()]))) text += part;
    const records = await all(csvRecords([Buffer.from(text)], { encoding: 'utf-8' }));
    assert.deepEqual(records[3], { line: 4, offset: records[3]?.offset, cells: ['东城街道2号', '2', '2024/3/6', '否'] });
  });

  test('Chinese text is read whole however the compressed sheet is cut into chunks (shared and inline strings)', async () => {
    const text = (i: number) => `清远市清城区凤城街道高基里社区人民一路${i}号（砖混结构，存在一定安全隐患）`;
    const shared = new ExcelJS.Workbook();
    const sheet = shared.addWorksheet('房屋信息');
    for (let i = 1; i <= 4000; i++) sheet.addRow([text(i), `户主${i}`]);
    for (const bytes of [Buffer.from(await shared.xlsx.writeBuffer()), await streamedWorkbook(4000, text)]) {
      const records = await all(fileRecords(Readable.from([bytes]), { kind: 'xlsx', encoding: 'utf-8' }));
      assert.equal(records.length, 4000);
      assert.ok(records.every((r) => r.cells[0] === text(r.line)));
    }
  });

  test('a file that only looks like a workbook is refused with a readable reason', async () => {
    await assert.rejects(
      all(fileRecords(Readable.from([Buffer.from('PK\x03\x04 not a zip')]), { kind: 'xlsx', encoding: 'utf-8' })),
      /无法读取 Excel 文件|没有工作表/,
    );
  });
});

describe('XLSX limits', () => {
  const xlsx = { kind: 'xlsx', encoding: 'utf-8' } as const;
  const row = (n: number, cells: number) =>
    `<row r="${n}">${Array.from({ length: cells }, (_, i) => `<c r="${String.fromCharCode(65 + (i % 26))}${n}" t="s"><v>0</v></c>`).join('')}</row>`;

  test('a hand-assembled workbook within the limits reads (so the refusals below are about size only)', async () => {
    const bytes = await zipOf(workbookParts([row(1, 3)], ['<si><t>凤城街道</t></si>']));
    assert.equal(detectFile(bytes).kind, 'xlsx');
    assert.deepEqual(await all(fileRecords(Readable.from([bytes]), xlsx)), [
      { line: 1, offset: -1, cells: ['凤城街道', '凤城街道', '凤城街道'] },
    ]);
  });

  test('a zip bomb: shared strings of 300 MB in a file of a few hundred kilobytes are refused at the 256 MB limit, with the limit named', async () => {
    const mb = Buffer.alloc(1024 * 1024, 'A');
    const bytes = await zipOf(workbookParts([row(1, 1)], ['<si><t>', ...repeated(mb, 300), '</t></si>']));
    assert.ok(bytes.length < 1024 * 1024, `the bomb is ${bytes.length} bytes`);
    const started = Date.now();
    const before = process.memoryUsage().rss;
    await assert.rejects(all(fileRecords(Readable.from([bytes]), xlsx)), (e: unknown) => {
      assert.ok(e instanceof XlsxLimitError, String(e));
      assert.match(e.message, /共享字符串.*解压后超过 256 MB/);
      return true;
    });
    assert.ok(Date.now() - started < 10_000);
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'the strings were not inflated into memory');
  });

  test('a sheet inflating past the total limit is refused with the limit named', async () => {
    const limits = { ...DEFAULT_XLSX_LIMITS, totalBytes: 8 * 1024 * 1024 };
    const bytes = await zipOf(workbookParts(repeated(' '.repeat(1024 * 1024), 20), ['<si><t>x</t></si>']));
    await assert.rejects(
      (async () => {
        for await (const _ of xlsxRows(Readable.from([bytes]), limits));
      })(),
      /Excel 文件解压后超过 8 MB/,
    );
  });

  test('a row of too many cells and a sheet of too many cells are refused before exceljs builds them', async () => {
    const read = async (sheet: Iterable<string>) => {
      for await (const _ of xlsxRows(Readable.from([await zipOf(workbookParts(sheet, ['<si><t>x</t></si>']))]))) {
        /* reading is the test */
      }
    };
    await assert.rejects(read([row(1, 201)]), /有一行超过 200 个单元格/);
    await read([row(1, 200)]);
    const limits = { ...DEFAULT_XLSX_LIMITS, cells: 1000 };
    await assert.rejects(
      (async () => {
        const sheet = Array.from({ length: 40 }, (_, i) => row(i + 1, 30));
        for await (const _ of xlsxRows(Readable.from([await zipOf(workbookParts(sheet, ['<si><t>x</t></si>']))]), limits));
      })(),
      /超过 1,000 个单元格/,
    );
    await assert.rejects(read([row(2_000_000, 1)]), /行号超过 1048576/);
  });
});

describe('cells', () => {
  test('enum cells accept the Chinese label, short forms and the English value', () => {
    const structure = columnOf('structureType');
    for (const raw of ['砖混结构', '砖混', 'brick_concrete', ' 砖混 '])
      assert.deepEqual(convertCell(structure, raw.trim()), { value: 'brick_concrete' });
    assert.deepEqual(convertCell(columnOf('use'), '三合一'), { value: 'mixed' });
    assert.deepEqual(convertCell(columnOf('businessCategory'), '民宿'), { value: 'lodging' });
    assert.deepEqual(convertCell(columnOf('latestJudgement'), '严重'), { value: 'serious' });
    assert.deepEqual(convertCell(columnOf('appraisalGrade'), 'C级'), { value: 'C' });
    const refused = convertCell(structure, '茅草');
    assert.ok('reason' in refused && refused.reason.includes('砖混结构'));
  });

  test('booleans, numbers with units, and floor areas rounded as stored', () => {
    assert.deepEqual(convertCell(columnOf('professionallyDesigned'), '是'), { value: true });
    assert.deepEqual(convertCell(columnOf('qualifiedBuilder'), '否'), { value: false });
    assert.deepEqual(convertCell(columnOf('floorsAbove'), '3层'), { value: 3 });
    assert.deepEqual(convertCell(columnOf('floorArea'), '1,234.567'), { value: 1234.57 });
    assert.ok('reason' in convertCell(columnOf('floorsAbove'), '3.5'));
    assert.ok('reason' in convertCell(columnOf('professionallyDesigned'), '也许'));
  });

  test('dates: YYYY-MM-DD, YYYY/M/D, 年月日 and Excel serials; impossible dates are refused', () => {
    assert.equal(parseDate('2024-03-05'), '2024-03-05');
    assert.equal(parseDate('2024/3/5'), '2024-03-05');
    assert.equal(parseDate('2024年3月5日'), '2024-03-05');
    assert.equal(parseDate('2024.3.5'), '2024-03-05');
    assert.equal(parseDate('45356'), '2024-03-05');
    assert.equal(parseDate('2024-02-30'), undefined);
    assert.equal(parseDate('2024-13-01'), undefined);
    assert.equal(parseDate('去年'), undefined);
    const bad = convertCell(columnOf('latestJudgementAt'), '2024-02-30');
    assert.ok('reason' in bad && bad.reason.includes('YYYY-MM-DD'));
  });
});
