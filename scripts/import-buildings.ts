/**
 * `npm run import:buildings -- <file.csv|file.xlsx> [--as <username>]`: imports houses through the same
 * workflow as an upload in the UI (a worker must be running: `npm start` or `npm run worker`), shows
 * its progress, prints the summary and writes the error report next to the file as
 * `<file>.errors.csv`. Without --as it acts as the system, over the whole configured district.
 * `npm run import:buildings -- --template <file.csv|file.xlsx>` writes the template.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createAppAbility, rulesFor } from '../domain/abilities.ts';
import { connectDatabase, connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { DatabaseImportJobStore } from '../domain/imports/database-store.ts';
import { toImportJob } from '../domain/imports/jobs.ts';
import type { ImportJob } from '../domain/imports/jobs.ts';
import { ImportService } from '../api/services/imports.ts';
import { DatabaseAuditStore } from '../domain/stores/database-audit.ts';
import { templateCsv, templateXlsx } from '../domain/imports/template-files.ts';
import type { Role } from '../domain/roles.ts';
import { runMain } from '../domain/run-main.ts';

function usage(problem: string): never {
  console.error(
    `import:buildings: ${problem}\nusage: npm run import:buildings -- <file.csv|file.xlsx> [--as <username>]\n       npm run import:buildings -- --template <file.csv|file.xlsx>`,
  );
  process.exit(2);
}

async function writeTemplate(path: string): Promise<void> {
  if (/\.csv$/i.test(path)) writeFileSync(path, templateCsv());
  else if (/\.xlsx$/i.test(path)) writeFileSync(path, await templateXlsx());
  else usage('the template file name must end in .csv or .xlsx');
  console.log(`导入模板已写入 ${path}`);
}

/** The importing user, or the system acting over the configured district. */
async function actorFor(db: Db, username: string | undefined, district: string) {
  const system = { actorId: null, actorName: 'cli', actorRole: null, ip: null, userAgent: null, requestId: null };
  if (!username) return { regionCode: district, actor: system };
  const user = (await db('users').where({ username }).first('id', 'name', 'role', 'region_code', 'disabled')) as
    { id: string; name: string; role: Role; region_code: string; disabled: boolean } | undefined;
  if (!user || user.disabled) usage(`no active user ${username}`);
  if (!createAppAbility(rulesFor({ id: user.id, role: user.role, regionCode: user.region_code })).can('create', 'ImportJob')) {
    usage(`${username} (${user.role}) may not import houses`);
  }
  return { regionCode: user.region_code, actor: { ...system, actorId: user.id, actorName: user.name, actorRole: user.role } };
}

function progressLine(job: ImportJob): string {
  if (job.status === 'queued') return '等待 worker 接手…（需要 npm start 或 npm run worker 在运行）';
  if (job.totalRows === null) return '正在读取文件…';
  const pct = job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 100;
  return `已处理 ${job.processedRows}/${job.totalRows} 行（${pct}%）：新增 ${job.inserted}，更新 ${job.updated}，未变 ${job.unchanged}，出错 ${job.failedRows}`;
}

runMain('import:buildings', async () => {
  let parsed: { values: { template?: string; as?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { template: { type: 'string' }, as: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    usage((error as Error).message);
  }
  if (parsed.values.template) return writeTemplate(parsed.values.template);
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) usage('name one file to import');
  const path = resolve(file);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    usage(`cannot read ${path}: ${(error as Error).message}`);
  }

  const config = loadConfig();
  const db = await connectDatabase(config);
  const { connection, client } = await connectTemporal(config);
  const files = await openFileStore({ ...config, dataDir: resolve(config.dataDir) });
  try {
    const { regionCode, actor } = await actorFor(db, parsed.values.as, config.seedDistrict);
    const started = Date.now();
    const jobs = new DatabaseImportJobStore(db);
    const service = new ImportService({
      db,
      jobs,
      audit: new DatabaseAuditStore(db),
      files,
      temporal: client,
      taskQueue: config.temporalTaskQueue,
    });
    let job = await service.submit({ data, fileName: path, regionCode, actor });
    console.log(`导入任务 ${job.id}（工作流 building-import-${job.id}）`);
    while (job.status === 'queued' || job.status === 'running' || !job.hasErrorReport) {
      process.stdout.write(`\r${progressLine(job)}\x1b[K`);
      await new Promise((r) => setTimeout(r, 500));
      const row = await jobs.row(job.id);
      if (row) job = toImportJob(row);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\r${progressLine(job)}\x1b[K\n`);
    const row = await jobs.row(job.id);
    const report = `${path}.errors.csv`;
    if (row?.error_report_key) await pipeline(files.read(row.error_report_key), createWriteStream(report));
    if (job.status === 'failed') console.log(`导入失败：${job.error ?? ''}`);
    else
      console.log(
        `导入完成，用时 ${seconds} 秒：共 ${job.totalRows ?? 0} 行，新增 ${job.inserted}，更新 ${job.updated}，未变 ${job.unchanged}，出错 ${job.failedRows}`,
      );
    if (job.failedRows > 0 || job.status === 'failed') console.log(`错误报告：${report}`);
    if (job.status === 'failed') process.exitCode = 1;
  } finally {
    await connection.close();
    await db.destroy();
  }
});
