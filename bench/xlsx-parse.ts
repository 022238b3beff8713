/**
 * Micro-benchmark of reading a workbook of N synthetic houses (the template's columns, shared strings
 * as Excel writes them): exceljs's stock streaming reader (unzipper) against the importer's bounded
 * reader (`xlsxRows`: the zip read from its central directory with Node's zlib, exceljs's own XML
 * parsers). Prints the file size, each reader's time and the process's peak memory after it.
 *
 * `npx tsx bench/xlsx-parse.ts [--rows 260000] [--file houses.xlsx] [--only stock|bounded]`: with
 * `--file`, the workbook is written there once and read from there afterwards, so each reader can run in
 * a fresh process and its peak memory is its own.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { templateCells } from '../domain/imports/template-files.ts';
import { IMPORT_COLUMNS } from '../domain/imports/template.ts';
import { xlsxRows } from '../domain/imports/xlsx.ts';
import { syntheticBuildings } from '../tools/synthetic/buildings.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '260000' }, only: { type: 'string' }, file: { type: 'string' } },
});
const rows = Number(values.rows);

async function write(path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: true, stream: createWriteStream(path) });
  const sheet = book.addWorksheet('房屋信息');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
  for (const house of syntheticBuildings(rows, 7)) sheet.addRow(templateCells(house)).commit();
  sheet.commit();
  await book.commit();
}

async function stock(bytes: Buffer): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) for await (const _ of sheet) n++;
  return n;
}

async function bounded(bytes: Buffer): Promise<number> {
  let n = 0;
  for await (const _ of xlsxRows(Readable.from([bytes]))) n++;
  return n;
}

const dir = mkdtempSync(join(tmpdir(), 'ydym-xlsx-'));
try {
  const path = values.file ?? join(dir, 'houses.xlsx');
  let t = performance.now();
  if (!existsSync(path)) {
    await write(path);
    console.log(`${rows} rows written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const bytes = readFileSync(path);
  console.log(
    `workbook: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, peak RSS before reading ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  for (const [name, read] of [
    ['stock exceljs reader (unzipper)', stock],
    ['bounded reader (central directory + zlib)', bounded],
  ] as const) {
    if (values.only && !name.startsWith(values.only)) continue;
    t = performance.now();
    const n = await read(bytes);
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`${name}: ${n} rows in ${((performance.now() - t) / 1000).toFixed(1)} s, peak RSS so far ${peak.toFixed(0)} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
