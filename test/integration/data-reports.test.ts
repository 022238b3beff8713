import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { NATIONAL_LAYOUT_V1 } from '../../definitions/national-layout/v1/layout.ts';
import { layoutHeader } from '../../definitions/national-layout/index.ts';
import { BOM, csvLine } from '../../domain/imports/csv.ts';
import { insertBuildings } from '../../domain/imports/insert.ts';
import { LocalFileStore } from '../../domain/files.ts';
import type { FileStore } from '../../domain/files.ts';
import { buildReport } from '../../domain/reports/build.ts';
import { DatabaseDataReportStore } from '../../domain/reports/database-store.ts';
import { XLSX_TYPE, bearer, call, finished, housesIn, upload } from '../support/imports.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

type FileJson = { name: string; size: number; sha256: string; url: string; contentType: string };
type Report = {
  id: string;
  regionCode: string;
  kind: string;
  status: string;
  baseReportId: string | null;
  counts: { total: number; rows: number; added: number; changed: number; removed: number; unchanged: number } | null;
  files: FileJson[] | null;
  digest: string | null;
  error: string | null;
};
type ErrorReply = { error: { code: string; details?: { field: string; reason: string }[] } };

const TOWN = '441802006';
const OTHER_TOWN = '441802007';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = (body: unknown) => ({
  method: 'POST',
  body: Buffer.from(JSON.stringify(body)),
  headers: { 'Content-Type': 'application/json' },
});

let source: Stack;
let target: Stack;
const tokens: Record<string, Record<string, string>> = {};

before(async () => {
  [source, target] = await Promise.all([startStack(), startStack()]);
  for (const [name, stack] of [
    ['source', source],
    ['target', target],
  ] as const)
    tokens[name] = {
      town: await bearer(stack.baseUrl, 'town'),
      officer: await bearer(stack.baseUrl, 'officer'),
      inspector: await bearer(stack.baseUrl, 'inspector'),
    };
  const houses = [...housesIn(TOWN, 30, 11), ...housesIn(OTHER_TOWN, 20, 12)];
  // One owner's phone with a country code, one house with approvals: both must survive the files.
  houses[0] = { ...houses[0]!, ownerPhone: '+86 138-0000-0001' };
  await source.db.transaction((trx) => insertBuildings(trx, houses));
  await source.db.raw(`UPDATE buildings SET approvals = ?::jsonb WHERE code = (SELECT min(code) FROM buildings)`, [
    JSON.stringify([{ type: 'rural_housing_approval', number: '清城宅〔2019〕12号', date: '2019-03-01' }]),
  ]);
});
after(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
});

async function report(stack: Stack, token: string, body: unknown): Promise<Report> {
  const created = await call<Report>(stack.baseUrl, token, '/api/data-reports', json(body));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const until = Date.now() + 60_000;
  for (;;) {
    const r = (await call<Report>(stack.baseUrl, token, `/api/data-reports/${created.body.id}`)).body;
    if (r.status === 'done' || r.status === 'failed') return r;
    if (Date.now() > until) throw new Error(`report ${r.id} still ${r.status}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function download(stack: Stack, token: string, file: FileJson): Promise<Buffer> {
  const res = await call(stack.baseUrl, token, file.url);
  assert.equal(res.status, 200);
  return res.bytes;
}

function fileOf(r: Report, ext: string): FileJson {
  const f = r.files?.find((x) => x.name.endsWith(ext));
  assert.ok(f, `no ${ext} in ${JSON.stringify(r.files)}`);
  return f;
}

/** The CSV's records (header first), parsed by splitting: the test data holds no quotes or commas in cells. */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

const CODE = 0;
const APPROVALS = NATIONAL_LAYOUT_V1.columns.findIndex((c) => c.key === 'approvals');

describe('upward reports (数据上报)', () => {
  let full: Report;

  test('the district exports all its houses: CSV and XLSX in the five-group layout, a manifest with each file’s size and SHA-256', async () => {
    full = await report(source, tokens.source!.officer!, { regionCode: '441802', kind: 'full' });
    assert.equal(full.status, 'done', full.error ?? '');
    assert.deepEqual(full.counts, { total: 50, rows: 50, added: 50, changed: 0, removed: 0, unchanged: 0 });
    const csv = await download(source, tokens.source!.officer!, fileOf(full, '.csv'));
    const xlsx = await download(source, tokens.source!.officer!, fileOf(full, '.xlsx'));
    const manifestBytes = await download(source, tokens.source!.officer!, fileOf(full, 'manifest.json'));
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as {
      reportId: string;
      kind: string;
      layout: { version: number };
      counts: { total: number };
      files: { name: string; size: number; sha256: string }[];
    };
    assert.equal(manifest.reportId, full.id);
    assert.equal(manifest.layout.version, 1);
    assert.equal(manifest.counts.total, 50);
    assert.equal(full.digest, sha256(manifestBytes));
    const listed = new Map(manifest.files.map((f) => [f.name, f]));
    for (const [bytes, file] of [
      [csv, fileOf(full, '.csv')],
      [xlsx, fileOf(full, '.xlsx')],
    ] as const) {
      assert.equal(listed.get(file.name)?.sha256, sha256(bytes));
      assert.equal(listed.get(file.name)?.size, bytes.length);
    }
    const rows = csvRows(csv);
    assert.deepEqual(rows[0], NATIONAL_LAYOUT_V1.columns.map(layoutHeader));
    assert.equal(rows.length, 51);
    assert.ok(rows[0]!.some((h) => h.startsWith('【整治情况】')));
    // National codes, not labels: every structure cell is one digit.
    const structure = NATIONAL_LAYOUT_V1.columns.findIndex((c) => c.key === 'structureType');
    assert.ok(rows.slice(1).every((r) => /^\d$/.test(r[structure] ?? '')));
    assert.ok(rows.slice(1).some((r) => r[APPROVALS]?.includes('农村宅基地批准书:清城宅〔2019〕12号:2019-03-01')));
    assert.ok(rows.slice(1).some((r) => r.includes('+86 138-0000-0001')));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.rowCount, 51);
    for (const n of [1, 2, 51])
      assert.deepEqual(
        rows[n - 1]!.map((_, i) => sheet.getRow(n).getCell(i + 1).text),
        rows[n - 1],
      );
  });

  test('a town officer exports only their town, cannot export the district nor read its report; bad input names the field', async () => {
    const town = tokens.source!.town!;
    const mine = await report(source, town, { regionCode: TOWN, kind: 'full' });
    assert.equal(mine.counts?.total, 30);
    const rows = csvRows(await download(source, town, fileOf(mine, '.csv'))).slice(1);
    assert.ok(rows.every((r) => r[CODE]?.startsWith(TOWN)));
    const district = await call<ErrorReply>(source.baseUrl, town, '/api/data-reports', json({ regionCode: '441802', kind: 'full' }));
    assert.equal(district.status, 422);
    assert.equal(district.body.error.details?.[0]?.field, 'body.regionCode');
    const other = await call<ErrorReply>(source.baseUrl, town, '/api/data-reports', json({ regionCode: OTHER_TOWN, kind: 'full' }));
    assert.equal(other.status, 422);
    assert.equal((await call(source.baseUrl, town, `/api/data-reports/${full.id}`)).status, 404);
    assert.equal((await call(source.baseUrl, town, fileOf(full, '.csv').url)).status, 404);
    const list = await call<{ data: Report[] }>(source.baseUrl, town, '/api/data-reports');
    assert.deepEqual(
      list.body.data.map((r) => r.id),
      [mine.id],
    );
    const inspector = await call(
      source.baseUrl,
      tokens.source!.inspector!,
      '/api/data-reports',
      json({ regionCode: '441802006001', kind: 'full' }),
    );
    assert.equal(inspector.status, 403);
    const badKind = await call<ErrorReply>(source.baseUrl, town, '/api/data-reports', json({ regionCode: TOWN, kind: 'all' }));
    assert.equal(badKind.status, 400);
    assert.ok(
      badKind.body.error.details?.some((d) => d.field.includes('kind')),
      JSON.stringify(badKind.body),
    );
    const badRegion = await call<ErrorReply>(source.baseUrl, town, '/api/data-reports', json({ regionCode: '4418x', kind: 'full' }));
    assert.equal(badRegion.status, 400);
    assert.ok(badRegion.body.error.details?.some((d) => d.field.includes('regionCode')));
    // The first report of the other town cannot be a change report: there is nothing to count from.
    const noBase = await call<ErrorReply>(
      source.baseUrl,
      tokens.source!.officer!,
      '/api/data-reports',
      json({ regionCode: OTHER_TOWN, kind: 'changes' }),
    );
    assert.equal(noBase.status, 422);
    assert.equal(noBase.body.error.details?.[0]?.field, 'body.kind');
    // The auditor reads the district's report and its manifest, but not the owners in its data files.
    const auditor = await bearer(source.baseUrl, 'auditor');
    assert.equal((await call(source.baseUrl, auditor, `/api/data-reports/${full.id}`)).status, 200);
    assert.equal((await call(source.baseUrl, auditor, fileOf(full, 'manifest.json').url)).status, 200);
    assert.equal((await call(source.baseUrl, auditor, fileOf(full, '.csv').url)).status, 403);
    const audit = await source.db('audit_log').where({ subject_type: 'DataReport' }).select('action');
    assert.ok(audit.some((a: { action: string }) => a.action === 'dataReport.create'));
    assert.ok(audit.some((a: { action: string }) => a.action === 'dataReport.download'));
  });

  test('the XLSX imported into an empty registry through the import pipeline, exported again, gives the same rows', async () => {
    const xlsx = await download(source, tokens.source!.officer!, fileOf(full, '.xlsx'));
    const created = await upload(target.baseUrl, tokens.target!.officer!, xlsx, '清城区数据上报.xlsx', XLSX_TYPE);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const job = await finished(target.baseUrl, tokens.target!.officer!, created.body.id);
    assert.equal(job.status, 'done');
    assert.equal(job.inserted, 50, JSON.stringify(job));
    assert.equal(job.failedRows, 0);
    const again = await report(target, tokens.target!.officer!, { regionCode: '441802', kind: 'full' });
    const strip = (rows: string[][]) =>
      rows
        .slice(1)
        .map((r) => r.filter((_, i) => i !== CODE && i !== APPROVALS).join('|'))
        .sort();
    const before = csvRows(await download(source, tokens.source!.officer!, fileOf(full, '.csv')));
    const afterImport = csvRows(await download(target, tokens.target!.officer!, fileOf(again, '.csv')));
    assert.deepEqual(strip(afterImport), strip(before));
    // The same file again changes nothing: rows are matched by house code or national code.
    const twice = await upload(target.baseUrl, tokens.target!.officer!, xlsx, '清城区数据上报.xlsx', XLSX_TYPE);
    const second = await finished(target.baseUrl, tokens.target!.officer!, twice.body.id);
    assert.equal(second.inserted, 0);
    assert.equal(second.unchanged, 50);
  });

  test('a national-layout CSV with a bad code is refused row by row, the error report naming the national column', async () => {
    const columns = NATIONAL_LAYOUT_V1.columns;
    const values: Record<string, string> = {
      villageCode: '441802006001',
      address: '凤城街道测试路 8 号',
      floorsAbove: '2',
      structureType: '2',
      use: '1',
    };
    const good = columns.map((c) => values[c.key] ?? '');
    const bad = columns.map((c) => (c.key === 'structureType' ? '7' : (values[c.key] ?? '')));
    const file = Buffer.from(BOM + csvLine(columns.map(layoutHeader)) + csvLine(good) + csvLine(bad), 'utf8');
    const created = await upload(target.baseUrl, tokens.target!.town!, file, 'return.csv');
    const job = await finished(target.baseUrl, tokens.target!.town!, created.body.id);
    assert.equal(job.inserted, 1);
    assert.equal(job.failedRows, 1);
    const problems = await target.db('import_problems').where({ job_id: job.id }).select('line', 'column', 'reason');
    assert.deepEqual(
      problems.map((p: { line: number; column: string }) => [p.line, p.column]),
      [[3, '【基本情况】结构类型']],
    );
  });

  test('the change report says what was added, which fields changed and what was removed, and keeps its own snapshot', async () => {
    const db = source.db;
    const codes = (await db('buildings').where('village_code', 'like', `${TOWN}%`).orderBy('code').pluck('code')) as string[];
    await db('buildings').whereIn('code', codes.slice(0, 2)).update({ occupants: 77 });
    await db('buildings').where({ code: codes[2] }).update({ address: '凤城街道新地址 1 号', use: 'rental', business_category: null });
    const gone = codes[3]!;
    for (const table of ['building_changes', 'building_risk_changes', 'inspection_due'])
      await db(table).where({ building_code: gone }).delete();
    await db('buildings').where({ code: gone }).delete();
    await db.transaction((trx) =>
      insertBuildings(
        trx,
        housesIn(TOWN, 2, 99).map((h, i) => ({ ...h, externalId: `NEW-${i}` })),
      ),
    );

    const town = tokens.source!.town!;
    const changes = await report(source, town, { regionCode: TOWN, kind: 'changes' });
    assert.equal(changes.status, 'done', changes.error ?? '');
    assert.deepEqual(changes.counts, { total: 31, rows: 6, added: 2, changed: 3, removed: 1, unchanged: 26 });
    const rows = csvRows(await download(source, town, fileOf(changes, '.csv')));
    assert.deepEqual(rows[0]!.slice(0, 2), ['【变更】变更类型', '【变更】变更字段']);
    const byCode = new Map(rows.slice(1).map((r) => [r[2 + CODE], r]));
    assert.equal(byCode.get(codes[0])?.[0], '修改');
    assert.equal(byCode.get(codes[0])?.[1], '常住人数');
    assert.equal(byCode.get(codes[2])?.[1], '房屋地址、房屋用途');
    assert.equal(byCode.get(gone)?.[0], '删除');
    assert.equal(rows.slice(1).filter((r) => r[0] === '新增').length, 2);
    // The next change report counts from this one: nothing changed since.
    const quiet = await report(source, town, { regionCode: TOWN, kind: 'changes' });
    assert.equal(quiet.baseReportId, changes.id);
    assert.deepEqual(quiet.counts, { total: 31, rows: 0, added: 0, changed: 0, removed: 0, unchanged: 31 });
    // A change file imported back: the removed house's row is refused, named by its column; the others apply.
    const csv = await download(source, town, fileOf(changes, '.csv'));
    const created = await upload(source.baseUrl, town, csv, 'changes.csv');
    const job = await finished(source.baseUrl, town, created.body.id);
    assert.equal(job.failedRows, 1);
    assert.equal(job.unchanged, 5);
    const problems = await db('import_problems').where({ job_id: job.id }).select('column');
    assert.deepEqual(
      problems.map((p: { column: string }) => p.column),
      ['【变更】变更类型'],
    );
  });

  test('a report left queued by a crash before its workflow started is started by the sweeper and finishes', async () => {
    const store = new DatabaseDataReportStore(source.db);
    const id = await store.create({
      regionCode: '441802006001',
      kind: 'full',
      baseReportId: null,
      layoutVersion: 1,
      createdBy: null,
      createdByName: 'crash',
    });
    await source
      .db('data_reports')
      .where({ id })
      .update({ created_at: source.db.raw(`now() - interval '5 minutes'`) });
    const swept = await source.temporal.client.workflow.execute('sweepWorkflow', {
      taskQueue: source.config.temporalTaskQueue,
      workflowId: `sweep-test-report-${id}`,
    });
    assert.equal((swept as { dataReports: number }).dataReports, 1);
    const until = Date.now() + 30_000;
    let row = { status: 'queued', counts: null as { total: number } | null };
    while (Date.now() < until && row.status !== 'done') {
      row = (await source.db('data_reports').where({ id }).first('status', 'counts')) as typeof row;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(row.status, 'done');
    assert.ok((row.counts?.total ?? 0) > 0);
  });

  test('a run that dies midway commits nothing; the retry writes the whole report once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ydym-report-crash-'));
    try {
      const files = new LocalFileStore(dir);
      // The workbook's store fails after its first bytes, as a worker killed while writing would.
      const failing: FileStore = {
        ...files,
        where: (key) => files.where(key),
        read: (key, start) => files.read(key, start),
        size: (key) => files.size(key),
        remove: (key) => files.remove(key),
        put: (key, data) => {
          if (!key.endsWith('.xlsx') || !(data instanceof Readable)) return files.put(key, data);
          return new Promise((_, reject) => {
            data.once('data', () => reject(new Error('worker lost')));
            data.resume();
          });
        },
      };
      const store = new DatabaseDataReportStore(source.db);
      const id = await store.create({
        regionCode: OTHER_TOWN,
        kind: 'full',
        baseReportId: null,
        layoutVersion: 1,
        createdBy: null,
        createdByName: 'crash',
      });
      const report = await store.find(null, id);
      assert.ok(report);
      await assert.rejects(buildReport({ db: source.db, files: failing, store, pageSize: 7 }, report), /worker lost/);
      assert.equal((await store.find(null, id))?.status, 'queued');
      const snapshotRows = async () =>
        Number(((await source.db('data_report_rows').where({ report_id: id }).count({ n: '*' }).first()) as { n: unknown }).n);
      assert.equal(await snapshotRows(), 0);
      const done = await buildReport({ db: source.db, files, store, pageSize: 7 }, report);
      assert.equal(done.counts.total, 20);
      assert.equal(await snapshotRows(), 20);
      assert.equal((await store.find(null, id))?.status, 'done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
