/**
 * Import jobs in PostgreSQL: the job row (status and progress counts, the source of truth for the UI),
 * reads scoped by the importer's region, and the problems found per line.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { TextEncoding } from './csv.ts';
import type { ImportProblem } from './header.ts';
import type { FileKind } from './parse.ts';
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';

/** queued (stored, workflow not yet running), running, done (rows applied), failed (file refused or stopped). */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/** The status of an import job. */
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A slice of the data file that one activity applies in one transaction. */
export interface ChunkPlan {
  no: number;
  /** Byte offset of the chunk's first record in the data file, and that record's line. */
  offset: number;
  line: number;
  /** Records to read (blank ones included) and data rows among them. */
  lines: number;
  rows: number;
}

/** Written once by the preparing step; every later step reads the file by it. */
export interface StoredPlan {
  dataKey: string;
  encoding: TextEncoding;
  header: string[];
  chunks: ChunkPlan[];
}

/** A job as the API shows it. */
export interface ImportJob {
  id: string;
  fileName: string;
  fileKind: FileKind;
  fileSize: number;
  regionCode: string;
  createdBy: string | null;
  actorName: string;
  status: ImportStatus;
  totalRows: number | null;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failedRows: number;
  error: string | null;
  hasErrorReport: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The row as stored; the worker reads the file and plan fields that the API does not show. */
export interface ImportJobRow {
  id: string;
  file_key: string;
  file_name: string;
  file_kind: FileKind;
  encoding: TextEncoding;
  file_size: number;
  region_code: string;
  created_by: string | null;
  actor_name: string;
  status: ImportStatus;
  chunk_size: number;
  plan: StoredPlan | null;
  total_rows: number | null;
  processed_rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed_rows: number;
  error: string | null;
  error_report_key: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** The columns the submitter sets; the rest start at their defaults. */
export type NewImportJob = Pick<
  ImportJobRow,
  'id' | 'file_key' | 'file_name' | 'file_kind' | 'encoding' | 'file_size' | 'region_code' | 'created_by' | 'actor_name' | 'chunk_size'
>;

/** Row → API shape. */
export function toImportJob(r: ImportJobRow): ImportJob {
  return {
    id: r.id,
    fileName: r.file_name,
    fileKind: r.file_kind,
    fileSize: r.file_size,
    regionCode: r.region_code,
    createdBy: r.created_by,
    actorName: r.actor_name,
    status: r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    failedRows: r.failed_rows,
    error: r.error,
    hasErrorReport: r.error_report_key !== null,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

const SCOPE = { regionCode: 'j.region_code' };
const SORT = { createdAt: 'j.created_at', fileName: 'j.file_name', status: 'j.status' };
/** Fields the job list sorts by. */
export const IMPORT_SORT_FIELDS = Object.keys(SORT) as [string, ...string[]];

/** Reads and writes of import jobs and their problems. */
export class ImportJobStore {
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

  /** Jobs still queued after `olderThanMs`: their workflow may never have started (the sweeper's list). */
  async queued(olderThanMs: number, limit = SWEEP_LIMIT): Promise<{ id: string }[]> {
    return (await this.db('import_jobs')
      .where('status', 'queued')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .limit(limit)
      .select('id')) as { id: string }[];
  }
}
