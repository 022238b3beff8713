/**
 * Building imports: the template, the upload (the file is the raw request body), the jobs with their
 * progress, the problems per line and the downloadable error report. The work itself runs in the
 * `building-import-<id>` workflow.
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import express from 'express';
import type { Request, Response } from 'express';
import { ForbiddenError, InputError } from '../../domain/errors.ts';
import { IMPORT_SORT_FIELDS, IMPORT_STATUSES } from '../../domain/imports/jobs.ts';
import type { ImportService } from '../services/imports.ts';
import { templateCsv, templateXlsx } from '../../domain/imports/template-files.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { Idempotency } from '../http/idempotency.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, Timestamp, Uuid, listOf, listQuery } from '../http/schemas.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What browsers and clients declare for CSV and XLSX; the content decides what the file really is. */
const UPLOAD_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', XLSX_TYPE, 'application/octet-stream'];
const readRaw = express.raw({ type: () => true, limit: '100mb' });

const Status = Type.Union(IMPORT_STATUSES.map((s) => Type.Literal(s)));
const Job = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  fileKind: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  fileSize: Type.Integer(),
  regionCode: Type.String(),
  createdBy: Nullable(Type.String()),
  actorName: Type.String(),
  status: Status,
  totalRows: Nullable(Type.Integer()),
  processedRows: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  failedRows: Type.Integer(),
  error: Nullable(Type.String({ description: 'Why the whole file was refused' })),
  hasErrorReport: Type.Boolean(),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
});
const Problem = Type.Object({
  id: Type.String(),
  line: Type.Integer(),
  column: Type.String(),
  value: Type.String(),
  reason: Type.String(),
});
const IdParams = Type.Object({ id: Uuid });
const NOT_FOUND = { 404: { description: '导入任务不存在或无权查看', schema: ErrorResponse } };

/** What the import routes need; the Idempotency instance is applied by the upload itself. */
export interface BuildingImportRouteDeps {
  service: ImportService;
  idempotency: Idempotency;
}

function readBody(req: Request, res: Response): Promise<unknown> {
  return new Promise((resolve, reject) => readRaw(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body))));
}

function fileNameOf(req: Request): string | undefined {
  const raw = req.get('X-File-Name');
  try {
    return raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Declares the `/building-imports` routes. */
export function buildingImportRoutes(api: ApiRouter, deps: BuildingImportRouteDeps): void {
  const { service } = deps;
  const template = (ext: 'csv' | 'xlsx', contentType: string, body: () => Promise<Buffer> | Buffer) =>
    api.route({
      method: 'get',
      path: `/building-imports/template.${ext}`,
      summary: `The import template (${ext.toUpperCase()}, Chinese headers)`,
      tags: ['building-imports'],
      auth: true,
      responses: { 200: { description: contentType }, ...AUTH_ERRORS },
      handler: async ({ res }) => sendFile(res, { contentType, filename: `building-import-template.${ext}`, body: await body() }),
    });
  template('csv', 'text/csv; charset=utf-8', templateCsv);
  template('xlsx', XLSX_TYPE, templateXlsx);

  api.route({
    method: 'post',
    path: '/building-imports',
    summary: `Upload a CSV or XLSX file as the raw body (Content-Type text/csv or ${XLSX_TYPE}; X-File-Name: the URL-encoded name); starts the import`,
    tags: ['building-imports'],
    auth: true,
    // The Idempotency-Key is honoured below, keyed on the file's digest rather than on its bytes.
    idempotent: false,
    responses: {
      201: { description: '已创建导入任务', schema: Job },
      ...AUTH_ERRORS,
      413: { description: '文件超过 100 MB', schema: ErrorResponse },
      503: { description: '工作流服务不可用', schema: ErrorResponse },
    },
    handler: async ({ ctx, req, res }) => {
      if (!ctx.user || !ctx.ability.can('create', 'ImportJob')) throw new ForbiddenError('您没有导入房屋数据的权限');
      if (!req.is(UPLOAD_TYPES)) throw InputError.field('body', 'contentType', '请以文件上传 CSV（text/csv）或 Excel（.xlsx）表格');
      const data = await readBody(req, res);
      if (!Buffer.isBuffer(data) || data.length === 0) throw InputError.field('body', 'required', '上传的文件为空');
      const fileName = fileNameOf(req);
      req.body = { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length, fileName };
      const user = ctx.user;
      return deps.idempotency.run(req, async () => {
        const job = await service.submit({
          data,
          fileName: fileName ?? '',
          regionCode: user.regionCode,
          actor: { ...auditContext(ctx), actorName: user.name },
        });
        return { status: 201, body: job };
      });
    },
  });

  api.route({
    method: 'get',
    path: '/building-imports',
    summary: 'Import jobs in the caller’s region, newest first',
    tags: ['building-imports'],
    auth: true,
    query: listQuery(IMPORT_SORT_FIELDS, { status: Type.Optional(Status) }),
    responses: { 200: { description: '导入任务列表', schema: listOf(Job) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.list(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/building-imports/:id',
    summary: 'One import job with its progress counts',
    tags: ['building-imports'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '导入任务', schema: Job }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: await service.get(ctx.ability, params.id) }),
  });

  api.route({
    method: 'get',
    path: '/building-imports/:id/problems',
    summary: 'Problems of an import, by line (for the UI)',
    tags: ['building-imports'],
    auth: true,
    params: IdParams,
    query: Type.Object(
      {
        page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
        perPage: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      },
      { additionalProperties: false },
    ),
    responses: { 200: { description: '问题列表', schema: listOf(Problem) }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, query, ctx }) => ({ body: await service.problems(ctx.ability, params.id, query) }),
  });

  api.route({
    method: 'get',
    path: '/building-imports/:id/errors.csv',
    summary: 'The error report (CSV, UTF-8 with BOM: 行号, 列, 值, 原因); 409 until the import has finished',
    tags: ['building-imports'],
    auth: true,
    params: IdParams,
    responses: {
      200: { description: 'text/csv' },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '导入尚未完成', schema: ErrorResponse },
    },
    handler: async ({ params, ctx, res }) => {
      const { job, body } = await service.errorReport(ctx.ability, params.id);
      return sendFile(res, { contentType: 'text/csv; charset=utf-8', filename: `import-${job.id.slice(0, 8)}-errors.csv`, body });
    },
  });
}
