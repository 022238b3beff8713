/**
 * One chunk of an import, exactly once: its rows are read from where the plan says the chunk starts,
 * validated, and written together with the chunk's row, its problems and the job's counters in ONE
 * transaction. The chunk row is inserted first: a second attempt of the same chunk (a retry after a
 * lost reply, a worker restarted mid-way) either finds it and returns the counts stored, or waits on
 * it and then finds it.
 */
import { applyRows } from './apply.ts';
import { checkStop, importScope, readFrom } from './context.ts';
import type { ImportDeps } from './context.ts';
import { isBlank } from './csv.ts';
import { headerOf, readHeader } from './header.ts';
import type { ImportProblem } from './header.ts';
import { DatabaseImportJobStore } from './database-store.ts';
import type { ChunkPlan } from './jobs.ts';
import { fileRecords } from './parse.ts';
import { RowValidator } from './validate.ts';
import type { ValidRow } from './validate.ts';

/** What one chunk did; the counts add up to its rows. */
export interface ChunkCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

async function storedCounts(deps: ImportDeps, jobId: string, no: number): Promise<ChunkCounts | undefined> {
  return (await deps
    .db('import_job_chunks')
    .where({ job_id: jobId, chunk_no: no })
    .first('rows', 'inserted', 'updated', 'unchanged', 'failed')) as ChunkCounts | undefined;
}

/** Applies one chunk of a prepared job; returns its counts (the stored ones when it was applied before). */
export async function importChunk(deps: ImportDeps, jobId: string, chunk: ChunkPlan): Promise<ChunkCounts> {
  const done = await storedCounts(deps, jobId, chunk.no);
  if (done) return done;
  const jobs = new DatabaseImportJobStore(deps.db);
  const job = await jobs.row(jobId);
  if (!job?.plan) throw new Error(`import job ${jobId} is not prepared`);
  const header = readHeader(job.plan.header);
  if ('error' in header) throw new Error(`import job ${jobId} has a bad header`);
  const scope = await importScope(deps.db, job);
  const validator = new RowValidator(header.layout, scope);

  const last = chunk.line + chunk.lines - 1;
  // Lines the preparing pass already refused (repeated ids) stay out.
  const refused = new Set(
    (
      (await deps.db('import_problems').where({ job_id: jobId }).whereBetween('line', [chunk.line, last]).distinct('line')) as {
        line: number;
      }[]
    ).map((r) => r.line),
  );
  const valid: ValidRow[] = [];
  const problems: ImportProblem[] = [];
  let rows = 0;
  const records = fileRecords(readFrom(deps.files, job.plan.dataKey, chunk.offset), { kind: 'csv', encoding: job.plan.encoding }, chunk);
  for await (const record of records) {
    if (record.line > last) break;
    if (isBlank(record.cells)) continue;
    rows++;
    if (refused.has(record.line)) continue;
    const result = validator.check(record.line, record.cells);
    if ('row' in result) valid.push(result.row);
    else problems.push(...result.problems);
  }
  if (rows !== chunk.rows) throw new Error(`chunk ${chunk.no} of import ${jobId}: read ${rows} rows, planned ${chunk.rows}`);
  deps.beat?.({ chunk: chunk.no, validated: rows });

  const counts = await deps.db.transaction(async (trx) => {
    const claimed = await trx.raw(
      `INSERT INTO import_job_chunks (job_id, chunk_no, rows) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING chunk_no`,
      [jobId, chunk.no, rows],
    );
    if (claimed.rows.length === 0) return undefined;
    const source = `import:${jobId}`;
    const applied = await applyRows(
      trx,
      valid,
      header.layout.present,
      { id: job.created_by, name: job.actor_name, source },
      scope.canWrite,
      scope.today,
      { headerOf: (field) => headerOf(header.layout, field), unknownCodeIsNew: header.layout.format.startsWith('national') },
    );
    const all = [...problems, ...applied.problems];
    await jobs.addProblems(jobId, all, trx);
    const failed = new Set([...all.map((p) => p.line), ...refused]).size;
    const result = { rows, inserted: applied.inserted, updated: applied.updated, unchanged: applied.unchanged, failed };
    await trx('import_job_chunks')
      .where({ job_id: jobId, chunk_no: chunk.no })
      .update({ ...result, done_at: trx.fn.now() });
    await trx('import_jobs')
      .where({ id: jobId })
      .update({
        processed_rows: trx.raw('processed_rows + ?', [rows]),
        inserted: trx.raw('inserted + ?', [result.inserted]),
        updated: trx.raw('updated + ?', [result.updated]),
        unchanged: trx.raw('unchanged + ?', [result.unchanged]),
        failed_rows: trx.raw('failed_rows + ?', [failed]),
      });
    checkStop(deps);
    return result;
  });
  return counts ?? (await storedCounts(deps, jobId, chunk.no)) ?? Promise.reject(new Error(`chunk ${chunk.no} vanished`));
}
