/**
 * `ImportJobStore` on PostgreSQL: the job row, reads scoped by the importer's region, and the problems
 * inserted a few thousand per statement.
 */
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { ImportProblem } from './header.ts';
import { toImportJob } from './jobs.ts';
import type { ImportJob, ImportJobRow, ImportJobStore, ImportSortField, ImportStatus, NewImportJob } from './jobs.ts';

const SCOPE = { regionCode: 'j.region_code' };
const SORT: Record<ImportSortField, string> = { createdAt: 'j.created_at', fileName: 'j.file_name', status: 'j.status' };
export class DatabaseImportJobStore implements ImportJobStore {
  constructor(private readonly db: Db) {}

  async insert(job: NewImportJob, db: Db = this.db): Promise<void> {
    await db('import_jobs').insert(job);
  }

  /** The full row, unscoped (the worker and the submitter). */
  async row(id: string, db: Db = this.db): Promise<ImportJobRow | undefined> {
    return (await db('import_jobs').where({ id }).first()) as ImportJobRow | undefined;
  }

  /** One job the ability may read. */
  async find(ability: AppAbility, id: string): Promise<ImportJobRow | undefined> {
    const query = whereAllowed(this.db('import_jobs as j').select('j.*').where('j.id', id), ability, 'read', 'ImportJob', SCOPE);
    return (await query.first()) as ImportJobRow | undefined;
  }

  async list(ability: AppAbility, params: ListParams & { status?: ImportStatus | undefined }): Promise<ListResult<ImportJob>> {
    const query = whereAllowed(this.db('import_jobs as j').select('j.*'), ability, 'read', 'ImportJob', SCOPE);
    if (params.status) query.where('j.status', params.status);
    return paged<ImportJobRow, ImportJob>(query, { ...params, order: params.order ?? 'desc' }, SORT, 'createdAt', 'j.id', toImportJob);
  }

  /** Problems of a job in report order, a page at a time. */
  async problems(jobId: string, params: { page: number; perPage: number }): Promise<ListResult<ImportProblem & { id: string }>> {
    const query = this.db('import_problems').where({ job_id: jobId });
    const count = (await query.clone().count({ n: '*' }).first()) as { n: number } | undefined;
    const rows = (await query
      .clone()
      .select('id', 'line', 'column', 'value', 'reason')
      .orderBy([{ column: 'line' }, { column: 'id' }])
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage)) as (ImportProblem & { id: number })[];
    return { total: count?.n ?? 0, data: rows.map((r) => ({ ...r, id: String(r.id) })) };
  }

  /** Every problem of a job in report order, read in pages so a large report never sits in memory. */
  async *allProblems(jobId: string, pageSize = 10_000): AsyncGenerator<ImportProblem> {
    let after: { line: number; id: number } = { line: -1, id: 0 };
    for (;;) {
      const rows = (await this.db('import_problems')
        .where({ job_id: jobId })
        .whereRaw('(line, id) > (?, ?)', [after.line, after.id])
        .orderBy([{ column: 'line' }, { column: 'id' }])
        .limit(pageSize)
        .select('id', 'line', 'column', 'value', 'reason')) as (ImportProblem & { id: number })[];
      for (const r of rows) yield { line: r.line, column: r.column, value: r.value, reason: r.reason };
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = { line: last.line, id: last.id };
    }
  }

  /** Inserts problems in one statement per few thousand (a JSON array is one parameter). */
  async addProblems(jobId: string, problems: readonly ImportProblem[], db: Db = this.db): Promise<void> {
    for (let i = 0; i < problems.length; i += 5000) {
      const slice = problems.slice(i, i + 5000).map((p) => ({ ...p, value: p.value.slice(0, 1000) }));
      await db.raw(
        `INSERT INTO import_problems (job_id, line, "column", value, reason)
         SELECT ?, p.line, p."column", p.value, p.reason FROM jsonb_to_recordset(?::jsonb) AS p(line int, "column" text, value text, reason text)`,
        [jobId, JSON.stringify(slice)],
      );
    }
  }

  /** Marks a job failed with a file-level message (kept if one is already there). */
  async fail(id: string, message: string, db: Db = this.db): Promise<void> {
    await db('import_jobs')
      .where({ id })
      .update({ status: 'failed', error: db.raw('COALESCE(error, ?)', [message]) });
  }

  async queued(olderThanMs: number, limit = SWEEP_LIMIT): Promise<{ id: string }[]> {
    return (await this.db('import_jobs')
      .where('status', 'queued')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .limit(limit)
      .select('id')) as { id: string }[];
  }
}
