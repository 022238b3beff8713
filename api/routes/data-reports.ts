/**
 * Upward reports (数据上报): a region's houses in the national five-group layout (CSV, XLSX and a
 * manifest), full or as the changes since the region's previous report, written by a Temporal workflow.
 * Creating one answers at once; the report lists its files with size and SHA-256 once done.
 */
import { Type } from '@sinclair/typebox';
import { DATA_REPORT_KINDS, DATA_REPORT_SORT_FIELDS, DATA_REPORT_STATUSES } from '../../domain/reports/store.ts';
import type { DataReport } from '../../domain/reports/store.ts';
import type { DataReportService } from '../services/data-reports.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';

const Kind = literals(DATA_REPORT_KINDS, { title: '上报类型', 'x-labels': { full: '全量', changes: '变更' } });
const Status = literals(DATA_REPORT_STATUSES);
const Counts = Type.Object({
  total: Type.Integer({ description: 'Houses in the region' }),
  rows: Type.Integer({ description: 'Rows in the files' }),
  added: Type.Integer(),
  changed: Type.Integer(),
  removed: Type.Integer(),
  unchanged: Type.Integer(),
});
const FileJson = Type.Object({
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  url: Type.String(),
});
const DataReportJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  kind: Kind,
  baseReportId: Nullable(Type.String({ description: 'The report the changes are counted from' })),
  layoutVersion: Type.Integer(),
  status: Status,
  counts: Nullable(Counts),
  files: Nullable(Type.Array(FileJson)),
  digest: Nullable(Type.String({ description: 'SHA-256 of manifest.json' })),
  createdByName: Nullable(Type.String()),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  error: Nullable(Type.String()),
});

function reportJson(r: DataReport) {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName: r.regionName,
    kind: r.kind,
    baseReportId: r.baseReportId,
    layoutVersion: r.layoutVersion,
    status: r.status,
    counts: r.counts,
    files:
      r.files?.map((f) => ({
        name: f.name,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        url: `/api/data-reports/${r.id}/files/${encodeURIComponent(f.name)}`,
      })) ?? null,
    digest: r.digest,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    error: r.error,
  };
}

const NOT_FOUND = { 404: { description: '上报记录不存在或无权查看', schema: ErrorResponse } };

/** Declares the data-report routes. */
export function dataReportRoutes(api: ApiRouter, deps: { service: DataReportService }): void {
  const { service } = deps;

  api.route({
    method: 'post',
    path: '/data-reports',
    summary: 'Export a region’s houses in the national five-group layout (full, or the changes since its previous report)',
    tags: ['data-reports'],
    auth: true,
    body: Type.Object({ regionCode: Type.String({ ...RegionCode, title: '上报区域' }), kind: Kind }, { additionalProperties: false }),
    responses: {
      201: { description: '已创建并开始生成', schema: DataReportJson },
      ...AUTH_ERRORS,
      422: { description: '区划不存在或不在管辖范围内；变更上报前没有已完成的上报', schema: ErrorResponse },
      503: { description: '工作流服务不可用', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => ({ status: 201, body: reportJson(await service.create(ctx.ability, auditContext(ctx), body)) }),
  });

  api.route({
    method: 'get',
    path: '/data-reports',
    summary: 'Upward reports in the caller’s region, newest first',
    tags: ['data-reports'],
    auth: true,
    query: listQuery(DATA_REPORT_SORT_FIELDS, {
      regionCode: Type.Optional(RegionCode),
      kind: Type.Optional(Kind),
      status: Type.Optional(Status),
    }),
    responses: { 200: { description: '上报记录', schema: listOf(DataReportJson) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => {
      const order = query.order ?? (query.sort ? 'asc' : 'desc');
      const result = await service.list(ctx.ability, { ...query, order });
      return { body: { total: result.total, data: result.data.map(reportJson) } };
    },
  });

  api.route({
    method: 'get',
    path: '/data-reports/:id',
    summary: 'One upward report: its counts, files (size, SHA-256) and digest',
    tags: ['data-reports'],
    auth: true,
    params: Type.Object({ id: Uuid }),
    responses: { 200: { description: '上报记录', schema: DataReportJson }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: reportJson(await service.get(ctx.ability, params.id)) }),
  });

  api.route({
    method: 'get',
    path: '/data-reports/:id/files/:name',
    summary: 'One file of a finished report (CSV, XLSX or manifest.json); each download is audited',
    tags: ['data-reports'],
    auth: true,
    params: Type.Object({ id: Uuid, name: Type.String({ pattern: '^[\\w.-]{1,100}$', maxLength: 100, title: '文件名' }) }),
    responses: {
      200: { description: 'The file' },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '尚未生成完毕（DATA_REPORT_NOT_READY）', schema: ErrorResponse },
    },
    handler: async ({ params, ctx, res }) => {
      const { file, body } = await service.file(ctx.ability, auditContext(ctx), params.id, params.name);
      return sendFile(res, { contentType: file.contentType, filename: file.name, body });
    },
  });
}
