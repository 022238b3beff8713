import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { csvRecords } from '../imports/csv.ts';
import type { Pivot } from './api.ts';
import { pivotCsv, pivotTable, pivotXlsx } from './export.ts';

const DANGEROUS = ['=HYPERLINK("http://x","点我")', '+1+2', '-3', '@SUM(A1)', '\t制表', '\r回车'];

function pivot(): Pivot {
  const cell = (value: number | null) => ({ value });
  return {
    meta: {
      region: { code: '441802', name: '=清城区', level: 'district' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      computedAt: '2026-12-06T08:00:00.000Z',
    },
    measure: 'hazardsFound',
    rows: 'region',
    cols: 'severity',
    rowHeaders: DANGEROUS.map((label, i) => ({ key: String(i), label })).concat([{ key: 'q', label: '带"引号",逗号' }]),
    colHeaders: [
      { key: 'serious', label: '严重隐患' },
      { key: 'general', label: '-一定隐患' },
    ],
    cells: [...DANGEROUS, 'q'].map((_, i) => [cell(i), cell(i === 0 ? null : -i)]),
    rowTotals: [...DANGEROUS, 'q'].map((_, i) => cell(i)),
    colTotals: [cell(21), cell(-21)],
    total: cell(0),
  };
}

async function read(buf: Buffer): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of csvRecords([buf.subarray(3)], { encoding: 'utf-8' })) out.push(r.cells);
  return out;
}

describe('pivot exports', () => {
  test('CSV: BOM, title, headers, quoting, every text cell formula-safe, numbers left alone', async () => {
    const buf = pivotCsv(pivot());
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = await read(buf);
    assert.match(rows[0]![0]!, /^发现隐患（区域 × 隐患等级）.*=清城区.*2026-01-01 至 2026-12-31.*计算时间：2026-12-06 16:00/);
    assert.deepEqual(rows[1], ['区域 \\ 隐患等级', '严重隐患', "'-一定隐患", '合计']);
    DANGEROUS.forEach((label, i) => assert.equal(rows[2 + i]![0], `'${label}`, JSON.stringify(label)));
    assert.equal(rows[2 + DANGEROUS.length]![0], '带"引号",逗号');
    assert.deepEqual(rows[3], ["'+1+2", '1', '-1', '1'], 'negative numbers are numbers, not text to neutralise');
    assert.deepEqual(rows[2], [`'${DANGEROUS[0]}`, '0', '', '0']);
    assert.deepEqual(rows.at(-1), ['合计', '21', '-21', '0']);
    for (const row of rows) for (const c of row) assert.ok(!/^[=+@\t\r]/.test(c), `unsafe cell ${JSON.stringify(c)}`);
  });

  test('XLSX: the same table under a title row, text cells formula-safe, no formulas', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await pivotXlsx(pivot())) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    assert.match(String(rows[0]![0]), /^'发现隐患|^发现隐患/);
    assert.deepEqual(
      rows.slice(1).map((r) => r.map((c) => c ?? '')),
      // XML keeps no bare carriage return: the reader gives it back as a line feed.
      pivotTable(pivot()).map((r) => r.map((c) => (typeof c === 'string' && /^[=+\-@\t\r]/.test(c) ? `'${c}`.replace('\r', '\n') : c))),
    );
    sheet.eachRow((row) => row.eachCell((c) => assert.notEqual(c.type, ExcelJS.ValueType.Formula)));
  });
});
