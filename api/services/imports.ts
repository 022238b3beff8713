/**
 * Building imports (a use case of the API and the CLI): starting one (the file is judged by its
 * content, stored, the job row and its audit entry committed, and only then the workflow started, id
 * `building-import-<job id>`, so it can never run twice for one job), and reading jobs, their problems
 * and their error reports for a reader who may see them.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../../domain/errors.ts';
import type { FileStore } from '../../domain/files.ts';
import type { ImportProblem } from '../../domain/imports/header.ts';
import { toImportJob } from '../../domain/imports/jobs.ts';
import type { ImportJob, ImportJobRow, ImportJobStore, ImportStatus } from '../../domain/imports/jobs.ts';
import { detectFile } from '../../domain/imports/parse.ts';
import { startImportWorkflow } from '../../domain/imports/workflow-client.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';

/** Rows per chunk: one transaction of about a second, small enough to retry, large enough to be fast. */
export const DEFAULT_CHUNK_SIZE = 5000;

/** Where the file, the job, its audit entry and the workflow go. */
export interface ImportServiceDeps {
  /** Transactions: the job row and its audit entry commit together. */
  db: Db;
  jobs: ImportJobStore;
  audit: AuditStore;
  files: FileStore;
  temporal: Client;
  taskQueue: string;
}

/** One file to import and who imports it. */
export interface Submission {
  data: Buffer;
  fileName: string;
  /** The importer's scope: the user's region, or the configured district for the CLI. */
  regionCode: string;
  actor: AuditContext & { actorName: string };
  chunkSize?: number;
}

/** A file name safe to show: the last path part, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return (clean || fallback).slice(0, 200);
}

export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  /**
   * Stores the file and the job, then starts its workflow; returns the job (queued). A file that is not
   * a CSV or XLSX is refused (InputError, 400) before anything is written.
   */
  async submit(s: Submission): Promise<ImportJob> {
    const { jobs, audit } = this.deps;
    const file = detectFile(s.data);
    const id = randomUUID();
    const fileKey = `imports/${id}/source.${file.kind}`;
    const fileName = cleanFileName(s.fileName, `upload.${file.kind}`);
    await this.deps.files.put(fileKey, s.data);
    await this.deps.db.transaction(async (trx) => {
      await jobs.insert(
        {
          id,
          file_key: fileKey,
          file_name: fileName,
          file_kind: file.kind,
          encoding: file.encoding,
          file_size: s.data.length,
          region_code: s.regionCode,
          created_by: s.actor.actorId,
          actor_name: s.actor.actorName,
          chunk_size: s.chunkSize ?? DEFAULT_CHUNK_SIZE,
        },
        trx,
      );
      await audit.record(
        s.actor,
        {
          action: 'building_import.create',
          subjectType: 'ImportJob',
          subjectId: id,
          regionCode: s.regionCode,
          details: { fileName, fileKind: file.kind, encoding: file.encoding, bytes: s.data.length },
        },
        trx,
      );
    });
    try {
      await startImportWorkflow(this.deps, id);
    } catch {
      await jobs.fail(id, '无法启动导入任务（工作流服务不可用），请稍后重新上传');
      throw new UnavailableError('WORKFLOW_UNAVAILABLE', '无法启动导入任务，工作流服务暂不可用，请稍后重试');
    }
    const row = await jobs.row(id);
    if (!row) throw new Error(`import job ${id} vanished`);
    return toImportJob(row);
  }

  /** A job the reader may see; 404 otherwise. */
  private async visible(ability: AppAbility, id: string): Promise<ImportJobRow> {
    const row = await this.deps.jobs.find(ability, id);
    if (!row) throw new NotFoundError('导入任务不存在或无权查看');
    return row;
  }

  /** A page of the jobs in the reader's region, newest first by default; 403 to a role that may not read imports. */
  async list(ability: AppAbility, params: ListParams & { status?: ImportStatus | undefined }): Promise<ListResult<ImportJob>> {
    if (!ability.can('read', 'ImportJob')) throw new ForbiddenError('您没有查看导入任务的权限');
    return this.deps.jobs.list(ability, params);
  }

  /** One job with its progress counts. */
  async get(ability: AppAbility, id: string): Promise<ImportJob> {
    return toImportJob(await this.visible(ability, id));
  }

  /** A page of a job's problems, by line. */
  async problems(
    ability: AppAbility,
    id: string,
    page: { page: number; perPage: number },
  ): Promise<ListResult<ImportProblem & { id: string }>> {
    await this.visible(ability, id);
    return this.deps.jobs.problems(id, page);
  }

  /** The error report of a finished job (CSV); 409 until the import has finished. */
  async errorReport(ability: AppAbility, id: string): Promise<{ job: ImportJob; body: Readable }> {
    const row = await this.visible(ability, id);
    if (!row.error_report_key || (row.status !== 'done' && row.status !== 'failed')) {
      throw new ConflictError('IMPORT_NOT_FINISHED', '导入尚未完成，错误报告稍后可下载');
    }
    return { job: toImportJob(row), body: this.deps.files.read(row.error_report_key) };
  }
}
