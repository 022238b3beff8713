/**
 * The last step of an import: the error report (CSV with a UTF-8 BOM so Excel opens it in Chinese;
 * columns 行号, 列, 值, 原因) written to the file store, then the job marked done, or failed when the
 * file was refused as a whole. Safe to repeat: the report is rewritten whole and the status is final.
 */
import { Readable } from 'node:stream';
import type { ImportDeps } from './context.ts';
import { BOM, outputCsvLine } from './csv.ts';
import type { ImportProblem } from './header.ts';
import { DatabaseImportJobStore } from './database-store.ts';
import { toImportJob } from './jobs.ts';
import type { ImportJob } from './jobs.ts';

/** Columns of the error report. */
export const REPORT_HEADER = ['行号', '列', '值', '原因'];

/** The report's text, a line at a time. */
export async function* reportLines(problems: AsyncIterable<ImportProblem>): AsyncGenerator<string> {
  yield BOM + outputCsvLine(REPORT_HEADER);
  let batch = '';
  let n = 0;
  for await (const p of problems) {
    batch += outputCsvLine([p.line, p.column, p.value, p.reason]);
    if (++n % 1000 === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** Writes the report and closes the job; returns the job as the API shows it. */
export async function finishImport(deps: ImportDeps, jobId: string): Promise<ImportJob> {
  const jobs = new DatabaseImportJobStore(deps.db);
  const key = `imports/${jobId}/errors.csv`;
  await deps.files.put(key, Readable.from(reportLines(jobs.allProblems(jobId))));
  await deps
    .db('import_jobs')
    .where({ id: jobId })
    .update({
      status: deps.db.raw(`CASE WHEN error IS NULL THEN 'done' ELSE 'failed' END`),
      error_report_key: key,
      finished_at: deps.db.raw('COALESCE(finished_at, now())'),
    });
  const row = await jobs.row(jobId);
  if (!row) throw new Error(`import job ${jobId} not found`);
  return toImportJob(row);
}

/** Stops a job that cannot go on (a chunk failed for good): rows already committed stay, and are counted. */
export async function failImport(deps: ImportDeps, jobId: string, message: string): Promise<ImportJob> {
  await new DatabaseImportJobStore(deps.db).fail(jobId, message);
  return finishImport(deps, jobId);
}
