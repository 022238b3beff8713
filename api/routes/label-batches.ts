/**
 * Label batches: printing a village's or a town's labels (or a large selection) as a Temporal
 * workflow. Creating one answers at once; the batch reports its progress and, when done, its PDF.
 */
import { Type } from '@sinclair/typebox';
import { InputError } from '../../domain/errors.ts';
import { LABEL_BATCH_SORT_FIELDS } from '../../domain/labels/store.ts';
import type { LabelBatchService } from '../services/label-batches.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, Uuid, UuidIds, listOf, listQuery, splitIds } from '../http/schemas.ts';
import { LabelBatchJson, LabelBatchStatus, labelBatchJson } from './label-batch-json.ts';

const IdParams = Type.Object({ id: Uuid });
const NOT_FOUND = { 404: { description: '打印任务不存在或无权查看', schema: ErrorResponse } };

/** Declares the label-batch routes. */
export function labelBatchRoutes(api: ApiRouter, deps: { service: LabelBatchService }): void {
  const { service } = deps;

  api.route({
    method: 'post',
    path: '/label-batches',
    summary: 'Print the labels of a region (`regionCode`) or of chosen houses (`codes`) as a background batch',
    tags: ['labels'],
    auth: true,
    body: Type.Object(
      {
        regionCode: Type.Optional(Type.String({ ...RegionCode, title: '区域' })),
        codes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 20_000, title: '房屋编码' })),
      },
      { additionalProperties: false },
    ),
    responses: {
      201: { description: '已创建并开始生成', schema: LabelBatchJson },
      ...AUTH_ERRORS,
      422: { description: '区划不存在、没有房屋，或有房屋编码不存在', schema: ErrorResponse },
      503: { description: '工作流服务不可用', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => {
      if ((body.regionCode === undefined) === (body.codes === undefined)) {
        throw InputError.field('body', 'oneOf', '请提供 regionCode（按区域打印）或 codes（按所选房屋打印）其中之一');
      }
      const request = body.codes ? { codes: body.codes } : { regionCode: body.regionCode as string };
      return { status: 201, body: labelBatchJson(await service.create(ctx.ability, auditContext(ctx), request)) };
    },
  });

  api.route({
    method: 'get',
    path: '/label-batches',
    summary: 'Label batches in the caller’s region, newest first',
    tags: ['labels'],
    auth: true,
    query: listQuery(LABEL_BATCH_SORT_FIELDS, {
      status: Type.Optional(LabelBatchStatus),
      regionCode: Type.Optional(RegionCode),
      ids: Type.Optional(UuidIds),
    }),
    responses: { 200: { description: '打印任务列表', schema: listOf(LabelBatchJson) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => {
      const order = query.order ?? (query.sort ? 'asc' : 'desc');
      const result = await service.list(ctx.ability, { ...query, order, ids: splitIds(query.ids) });
      return { body: { total: result.total, data: result.data.map((b) => labelBatchJson(b)) } };
    },
  });

  api.route({
    method: 'get',
    path: '/label-batches/:id',
    summary: 'One label batch with its progress and finished chunks',
    tags: ['labels'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '打印任务', schema: LabelBatchJson }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => {
      const { batch, chunks } = await service.get(ctx.ability, params.id);
      return { body: labelBatchJson(batch, chunks) };
    },
  });

  api.route({
    method: 'get',
    path: '/label-batches/:id/file',
    summary: 'The PDF of a finished batch',
    tags: ['labels'],
    auth: true,
    params: IdParams,
    responses: {
      200: { description: 'application/pdf' },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '尚未生成完毕（LABEL_BATCH_NOT_READY）', schema: ErrorResponse },
    },
    handler: async ({ params, ctx, res }) => {
      const { batch, body } = await service.file(ctx.ability, params.id);
      return sendFile(res, { contentType: 'application/pdf', filename: `labels-${batch.regionCode}-${batch.id.slice(0, 8)}.pdf`, body });
    },
  });

  api.route({
    method: 'get',
    path: '/label-batches/:id/chunks/:chunkNo.pdf',
    summary: 'The PDF of one finished chunk of a batch (print a large batch in parts)',
    tags: ['labels'],
    auth: true,
    params: Type.Object({ id: Uuid, chunkNo: Type.Integer({ minimum: 1, maximum: 100_000 }) }),
    responses: { 200: { description: 'application/pdf' }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx, res }) => {
      const { batch, chunk, body } = await service.chunkFile(ctx.ability, params.id, params.chunkNo);
      return sendFile(res, {
        contentType: 'application/pdf',
        filename: `labels-${batch.regionCode}-${batch.id.slice(0, 8)}-${chunk.chunkNo}.pdf`,
        body,
      });
    },
  });
}
