/**
 * Starting an import, for the API and the CLI alike: the file is judged by its content, stored, the
 * job row and its audit entry committed, and only then the workflow started (id
 * `building-import-<job id>`, so it can never run twice for one job).
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../domain/db.ts';
import { UnavailableError } from '../../domain/errors.ts';
import type { FileStore } from '../../domain/files.ts';
import { DatabaseAuditStore } from '../../domain/stores/database-audit.ts';
import type { AuditContext } from '../../domain/stores/audit.ts';
import { DatabaseImportJobStore } from '../../domain/imports/database-store.ts';
import { toImportJob } from '../../domain/imports/jobs.ts';
import type { ImportJob } from '../../domain/imports/jobs.ts';
import { detectFile } from '../../domain/imports/parse.ts';
import { startImportWorkflow } from '../../domain/imports/workflow-client.ts';

/** Rows per chunk: one transaction of about a second, small enough to retry, large enough to be fast. */
export const DEFAULT_CHUNK_SIZE = 5000;

/** Where the file, the job and the workflow go. */
export interface SubmitDeps {
  db: Db;
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

/**
 * Stores the file and the job, then starts its workflow; returns the job (queued). A file that is not
 * a CSV or XLSX is refused (InputError, 400) before anything is written.
 */
export async function submitImport(deps: SubmitDeps, s: Submission): Promise<ImportJob> {
  const file = detectFile(s.data);
  const id = randomUUID();
  const fileKey = `imports/${id}/source.${file.kind}`;
  const fileName = cleanFileName(s.fileName, `upload.${file.kind}`);
  await deps.files.put(fileKey, s.data);
  const jobs = new DatabaseImportJobStore(deps.db);
  await deps.db.transaction(async (trx) => {
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
    await new DatabaseAuditStore(trx).record(
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
    await startImportWorkflow(deps, id);
  } catch {
    await jobs.fail(id, '无法启动导入任务（工作流服务不可用），请稍后重新上传');
    throw new UnavailableError('WORKFLOW_UNAVAILABLE', '无法启动导入任务，工作流服务暂不可用，请稍后重试');
  }
  const row = await jobs.row(id);
  if (!row) throw new Error(`import job ${id} vanished`);
  return toImportJob(row);
}
