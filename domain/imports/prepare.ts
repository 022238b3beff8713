/**
 * The first step of an import: one pass over the file that checks the header, counts the rows, cuts
 * them into chunks (remembering where each starts, so a chunk is read again without parsing what lies
 * before it) and finds repeated external ids and codes, which are errors on their later lines. A
 * workbook is first copied to CSV, so that chunks can be read the same way. The plan is stored on the
 * job, so a retried step returns it unchanged.
 */
import { Readable } from 'node:stream';
import { CsvFormatError, isBlank } from './csv.ts';
import type { ImportDeps } from './context.ts';
import { headerOf, indexOf, readHeader } from './header.ts';
import type { ImportProblem } from './header.ts';
import { DatabaseImportJobStore } from './database-store.ts';
import type { ChunkPlan, StoredPlan } from './jobs.ts';
import { fileRecords, xlsxAsCsv } from './parse.ts';
import { XlsxFormatError } from './xlsx.ts';

/** What the workflow needs to drive the chunks; `error` when the file is refused as a whole. */
export interface PreparedImport {
  error?: string;
  totalRows: number;
  chunks: ChunkPlan[];
}

class FileLevelError extends Error {
  constructor(
    message: string,
    readonly problems: ImportProblem[] = [],
  ) {
    super(message);
  }
}

async function scan(deps: ImportDeps, dataKey: string, encoding: StoredPlan['encoding'], chunkSize: number) {
  const chunks: ChunkPlan[] = [];
  const duplicates: ImportProblem[] = [];
  let header: string[] | undefined;
  let layout: ReturnType<typeof readHeader> | undefined;
  const seen = [new Map<string, number>(), new Map<string, number>()];
  let at: { code: number; ext: number } = { code: -1, ext: -1 };
  let current: ChunkPlan | undefined;
  let total = 0;
  for await (const record of fileRecords(deps.files.read(dataKey), { kind: 'csv', encoding })) {
    if (!header) {
      header = record.cells;
      layout = readHeader(header);
      if ('error' in layout) throw new FileLevelError(layout.error, layout.problems);
      at = { code: indexOf(layout.layout, 'code'), ext: indexOf(layout.layout, 'externalId') };
      continue;
    }
    if (isBlank(record.cells)) continue;
    if (!current || current.rows === chunkSize) {
      current = { no: chunks.length, offset: record.offset, line: record.line, lines: 1, rows: 0 };
      chunks.push(current);
    }
    current.lines = record.line - current.line + 1;
    current.rows++;
    total++;
    for (const [k, index] of [at.code, at.ext].entries()) {
      const cell = index < 0 ? '' : (record.cells[index] ?? '').trim();
      // Codes are compared as the importer writes them (upper case); external ids exactly.
      const value = k === 0 ? cell.toUpperCase() : cell;
      if (!value) continue;
      const first = seen[k]?.get(value);
      const column = layout && 'layout' in layout ? headerOf(layout.layout, k === 0 ? 'code' : 'externalId') : '';
      if (first !== undefined)
        duplicates.push({ line: record.line, column, value: cell, reason: `与第 ${first} 行重复（同一文件中只能出现一次）` });
      else seen[k]?.set(value, record.line);
    }
    if (total % 20_000 === 0) deps.beat?.({ rows: total });
  }
  if (!header) throw new FileLevelError('文件为空，没有表头');
  if (total === 0) throw new FileLevelError('文件中没有数据行');
  return { header, chunks, duplicates, total };
}

/** Passes parts through, with a heartbeat every few thousand (a large workbook takes minutes to copy). */
async function* beating(parts: AsyncIterable<string>, deps: ImportDeps): AsyncGenerator<string> {
  let n = 0;
  for await (const part of parts) {
    if (++n % 5000 === 0) deps.beat?.({ convertedRows: n });
    yield part;
  }
}

/** Plans the import of a job (or returns the plan a previous attempt stored). */
export async function prepareImport(deps: ImportDeps, jobId: string): Promise<PreparedImport> {
  const jobs = new DatabaseImportJobStore(deps.db);
  const job = await jobs.row(jobId);
  if (!job) throw new Error(`import job ${jobId} not found`);
  if (job.status === 'failed') return { error: job.error ?? '导入失败', totalRows: 0, chunks: [] };
  if (job.plan) return { totalRows: job.total_rows ?? 0, chunks: job.plan.chunks };
  await deps.db('import_jobs').where({ id: jobId, status: 'queued' }).update({ status: 'running', started_at: deps.db.fn.now() });
  try {
    let dataKey = job.file_key;
    if (job.file_kind === 'xlsx') {
      dataKey = `imports/${jobId}/rows.csv`;
      await deps.files.put(dataKey, Readable.from(beating(xlsxAsCsv(deps.files.read(job.file_key)), deps)));
    }
    const encoding = job.file_kind === 'xlsx' ? 'utf-8' : job.encoding;
    const { header, chunks, duplicates, total } = await scan(deps, dataKey, encoding, job.chunk_size);
    const plan: StoredPlan = { dataKey, encoding, header, chunks };
    await deps.db.transaction(async (trx) => {
      await jobs.addProblems(jobId, duplicates, trx);
      await trx('import_jobs')
        .where({ id: jobId })
        .update({ plan: JSON.stringify(plan), total_rows: total });
    });
    return { totalRows: total, chunks };
  } catch (error) {
    if (!(error instanceof FileLevelError || error instanceof CsvFormatError || error instanceof XlsxFormatError)) throw error;
    const problems = error instanceof FileLevelError ? error.problems : [];
    await deps.db.transaction(async (trx) => {
      await trx('import_problems').where({ job_id: jobId }).delete();
      await jobs.addProblems(jobId, problems.length ? problems : [{ line: 1, column: '', value: '', reason: error.message }], trx);
      await jobs.fail(jobId, error.message, trx);
    });
    return { error: error.message, totalRows: 0, chunks: [] };
  }
}
