/**
 * Import jobs: the job (status and progress counts, the source of truth for the UI), reads scoped by the
 * importer's region, and the problems found per line; the store interface behind them, whose SQL is in
 * `DatabaseImportJobStore` (database-store.ts).
 */
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { TextEncoding } from './csv.ts';
import type { ImportProblem } from './header.ts';
import type { FileKind } from './parse.ts';

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

/** Fields the job list sorts by. */
export const IMPORT_SORT_FIELDS = ['createdAt', 'fileName', 'status'] as const;
export type ImportSortField = (typeof IMPORT_SORT_FIELDS)[number];

/** Import jobs and their problems. */
export interface ImportJobStore {
  /** Writes a job (queued). */
  insert(job: NewImportJob, tx?: Db): Promise<void>;
  /** The full row, unscoped (the worker and the submitter). */
  row(id: string, tx?: Db): Promise<ImportJobRow | undefined>;
  /** One job the ability may read. */
  find(ability: AppAbility, id: string): Promise<ImportJobRow | undefined>;
  /** A page of the jobs the ability may read, newest first by default. */
  list(ability: AppAbility, params: ListParams & { status?: ImportStatus | undefined }): Promise<ListResult<ImportJob>>;
  /** Problems of a job in report order, a page at a time. */
  problems(jobId: string, params: { page: number; perPage: number }): Promise<ListResult<ImportProblem & { id: string }>>;
  /** Every problem of a job in report order, read in pages so a large report never sits in memory. */
  allProblems(jobId: string, pageSize?: number): AsyncGenerator<ImportProblem>;
  /** Adds problems (values cut to 1000 characters). */
  addProblems(jobId: string, problems: readonly ImportProblem[], tx?: Db): Promise<void>;
  /** Marks a job failed with a file-level message (kept if one is already there). */
  fail(id: string, message: string, tx?: Db): Promise<void>;
  /** Jobs still queued after `olderThanMs`: their workflow may never have started (the sweeper's list). */
  queued(olderThanMs: number, limit?: number): Promise<{ id: string }[]>;
}
