/**
 * Monthly bulletins (通报, issue 20 §4): asking for one (a district's or a town's, for a month), the
 * list of those the caller may see, one with its figures, and its PDF and workbook.
 */
import { Type } from '@sinclair/typebox';
import { BULLETIN_SORT_FIELDS, BULLETIN_STATUSES } from '../../domain/bulletins/store.ts';
import type { Bulletin } from '../../domain/bulletins/store.ts';
import type { BulletinService } from '../services/bulletins.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Timestamp, Uuid, listOf, listQuery } from '../http/schemas.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', maxLength: 7, description: 'YYYY-MM (Beijing calendar)' });
const Status = Type.Union(BULLETIN_STATUSES.map((s) => Type.Literal(s)));
const IdParams = Type.Object({ id: Uuid });
const NOT_FOUND = { 404: { description: '通报不存在或无权查看', schema: ErrorResponse } };

const BulletinJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  month: Type.String({ description: 'YYYY-MM' }),
  status: Status,
  createdByName: Nullable(Type.String({ description: 'null: made by the monthly schedule' })),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  pdfUrl: Nullable(Type.String()),
  pdfSha256: Nullable(Type.String()),
  xlsxUrl: Nullable(Type.String()),
  xlsxSha256: Nullable(Type.String()),
  error: Nullable(Type.String()),
});

function bulletinJson(b: Bulletin) {
  const done = b.status === 'done';
  return {
    id: b.id,
    regionCode: b.regionCode,
    regionName: b.regionName,
    month: b.month,
    status: b.status,
    createdByName: b.createdByName,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    pdfUrl: done ? `/api/bulletins/${b.id}/bulletin.pdf` : null,
    pdfSha256: b.pdfSha256,
    xlsxUrl: done ? `/api/bulletins/${b.id}/bulletin.xlsx` : null,
    xlsxSha256: b.xlsxSha256,
    error: b.error,
  };
}

/** Declares the bulletin routes. */
export function bulletinRoutes(api: ApiRouter, deps: { service: BulletinService }): void {
  const { service } = deps;

  api.route({
    method: 'post',
    path: '/bulletins',
    summary: 'Ask for the monthly bulletin of a district or town (made in the background; the same one if asked again)',
    tags: ['bulletins'],
    auth: true,
    body: Type.Object(
      { regionCode: Type.String({ ...RegionCode, title: '区域' }), month: Type.String({ ...Month, title: '月份' }) },
      { additionalProperties: false },
    ),
    responses: {
      201: { description: '已记录并开始生成（或已有的同一份通报）', schema: BulletinJson },
      ...AUTH_ERRORS,
      422: { description: '区划不存在、不是区或镇（街道），或月份尚未开始', schema: ErrorResponse },
      503: { description: '工作流服务不可用', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => ({ status: 201, body: bulletinJson(await service.request(ctx.ability, auditContext(ctx), body)) }),
  });

  api.route({
    method: 'get',
    path: '/bulletins',
    summary: 'Bulletins of the caller’s area, newest month first',
    tags: ['bulletins'],
    auth: true,
    query: listQuery(BULLETIN_SORT_FIELDS as unknown as [string, ...string[]], {
      regionCode: Type.Optional(RegionCode),
      month: Type.Optional(Month),
      status: Type.Optional(Status),
    }),
    responses: { 200: { description: '通报列表', schema: listOf(BulletinJson) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => {
      const result = await service.list(ctx.ability, query);
      return { body: { total: result.total, data: result.data.map(bulletinJson) } };
    },
  });

  api.route({
    method: 'get',
    path: '/bulletins/:id',
    summary: 'One bulletin, with the figures it shows once done',
    tags: ['bulletins'],
    auth: true,
    params: IdParams,
    responses: {
      200: {
        description: '通报',
        schema: Type.Composite([
          BulletinJson,
          Type.Object({
            figures: Type.Unknown({ description: 'The figures (overview, ranking, escalated cases, warnings); null until done' }),
          }),
        ]),
      },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
    },
    handler: async ({ params, ctx }) => {
      const { bulletin, figures } = await service.get(ctx.ability, params.id);
      return { body: { ...bulletinJson(bulletin), figures } };
    },
  });

  for (const kind of ['pdf', 'xlsx'] as const) {
    api.route({
      method: 'get',
      path: `/bulletins/:id/bulletin.${kind}`,
      summary: `The bulletin as ${kind === 'pdf' ? 'PDF' : 'an XLSX workbook'}`,
      tags: ['bulletins'],
      auth: true,
      params: IdParams,
      responses: {
        200: { description: kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        ...AUTH_ERRORS,
        ...NOT_FOUND,
        409: { description: '尚未生成完毕（BULLETIN_NOT_READY）', schema: ErrorResponse },
      },
      handler: async ({ params, ctx, res }) => {
        const { bulletin, body } = await service.file(ctx.ability, params.id, kind);
        return sendFile(res, {
          contentType: kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `bulletin-${bulletin.regionCode}-${bulletin.month}.${kind}`,
          body,
        });
      },
    });
  }
}
