/**
 * Daily inspections: photos uploaded first (raw body, images only), then the inspection, whose id the
 * phone made; lists and the inspection page for officers and auditors.
 */
import { Type } from '@sinclair/typebox';
import { CASE_CATEGORY } from '../../domain/cases/enums.ts';
import { JUDGEMENT } from '../../domain/buildings/enums.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { INSPECTION_SORT_FIELDS } from '../../domain/inspections/store.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Text, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import { readUpload } from '../http/uploads.ts';
import type { InspectionService } from '../services/inspections.ts';
import type { UploadService } from '../services/uploads.ts';
import { caseUser } from './cases.ts';

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const BuildingCode = Type.String({ minLength: 1, maxLength: 30, title: '房屋编码', description: '房屋编码（18 位）' });
const PRESENCE = ['near', 'far', 'missing', 'unverifiable'] as const;

const Inspection = Type.Object(
  {
    id: Uuid,
    buildingCode: Type.String(),
    address: Nullable(Type.String()),
    regionCode: Type.String(),
    villageName: Nullable(Type.String()),
    kind: literals(['daily', 'special']),
    campaignId: Nullable(Uuid),
    inspectorId: Uuid,
    inspectorName: Type.String(),
    judgement: literals(JUDGEMENT.values),
    hazards: Type.Array(
      Type.Object({
        category: literals(CASE_CATEGORY.values),
        description: Type.String(),
        caseId: Nullable(Uuid),
        caseNumber: Nullable(Type.String()),
        joined: Type.Boolean({ description: 'true: joined the open case of this house and category; false: opened a new case' }),
      }),
    ),
    notes: Nullable(Type.String()),
    files: Type.Array(Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer() })),
    position: Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number(), accuracy: Nullable(Type.Number()) })),
    distanceM: Nullable(Type.Integer({ description: 'Metres from the house’s recorded coordinates' })),
    presence: literals(PRESENCE),
    flagged: Type.Boolean({ description: 'Sent more than 200 m from the house, or without a position: for the town officer to check' }),
    inspectedAt: Timestamp,
    receivedAt: Timestamp,
  },
  { additionalProperties: true },
);

const Submit = Type.Object(
  {
    id: Type.String({
      format: 'uuid',
      maxLength: 36,
      title: '排查记录编号',
      description: 'Made on the phone when the form opens; a re-send with the same id is recorded once',
    }),
    buildingCode: BuildingCode,
    judgement: literals(JUDGEMENT.values, { title: '初步判断', 'x-labels': JUDGEMENT.labels }),
    hazards: Type.Array(
      Type.Object(
        {
          category: literals(CASE_CATEGORY.values, { title: '隐患类别', 'x-labels': CASE_CATEGORY.labels }),
          description: Text({ minLength: 2, maxLength: 1000, title: '隐患描述' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: CASE_CATEGORY.values.length, title: '发现的隐患' },
    ),
    notes: Type.Optional(Text({ maxLength: 2000, title: '排查备注' })),
    fileIds: Type.Array(Uuid, { maxItems: 20, title: '现场照片' }),
    position: Nullable(
      Type.Object(
        {
          latitude: Type.Number({ minimum: -90, maximum: 90, title: '纬度' }),
          longitude: Type.Number({ minimum: -180, maximum: 180, title: '经度' }),
          accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100000, title: '定位精度', description: 'metres' })),
        },
        { additionalProperties: false, title: '位置' },
      ),
    ),
    inspectedAt: Type.String({ format: 'date-time', maxLength: 40, title: '排查时间' }),
    campaignId: Type.Optional(
      Type.String({
        format: 'uuid',
        maxLength: 36,
        title: '专项排查',
        description:
          'The special inspection the form was opened for: the inspection is recorded against it when the house is still waiting in it',
      }),
    ),
  },
  { additionalProperties: false },
);

const FileInfo = Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() });
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function inspectionRoutes(api: ApiRouter, deps: { service: InspectionService; uploads: UploadService }): void {
  api.route({
    method: 'post',
    path: '/inspection-files',
    summary: 'Upload one inspection photo as the raw body (JPEG, PNG or WebP, ≤ 10 MB; X-File-Name: URL-encoded name)',
    tags: ['inspections'],
    auth: true,
    idempotent: false,
    query: Type.Object({ buildingCode: BuildingCode }),
    responses: {
      201: { description: '已上传', schema: FileInfo },
      ...AUTH_ERRORS,
      413: { description: '文件超过 10 MB', schema: ErrorResponse },
      422: { description: '房屋不存在或文件类型不符', schema: ErrorResponse },
    },
    handler: async ({ query, ctx, req, res }) => {
      if (!ctx.user) throw new ForbiddenError();
      const code = await deps.service.photoHouse(ctx.ability, query.buildingCode);
      const upload = await readUpload(req, res, {
        accept: IMAGE_TYPES,
        typeMessage: '只接受 JPEG、PNG 或 WebP 照片',
        fallbackName: 'photo',
      });
      return { status: 201, body: await deps.service.storePhoto(code, ctx.user.id, upload) };
    },
  });

  api.route({
    method: 'get',
    path: '/inspection-files/:id',
    summary: 'One inspection photo (only to users who may read inspections of its house)',
    tags: ['inspections'],
    auth: true,
    params: Type.Object({ id: Uuid }),
    responses: { 200: { description: '照片' }, ...AUTH_ERRORS, 404: { description: '照片不存在或无权查看', schema: ErrorResponse } },
    handler: async ({ params, ctx, res }) => {
      const file = await deps.service.photo(ctx.ability, params.id);
      res.setHeader('Cache-Control', 'private, max-age=86400');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return sendFile(res, { contentType: file.mime, body: deps.uploads.read(file) });
    },
  });

  api.route({
    method: 'post',
    path: '/inspections',
    summary:
      'Record a daily inspection: each hazard opens a case or joins the open case of the same house and category; the house’s latest judgement is updated. 201 when recorded, 200 when this id was recorded before',
    tags: ['inspections'],
    auth: true,
    body: Submit,
    responses: {
      200: { description: '此前已提交（同一排查编号）', schema: Inspection },
      201: { description: '已提交', schema: Inspection },
      ...AUTH_ERRORS,
      409: { description: '排查编号已被他人使用', schema: ErrorResponse },
      422: { description: '房屋不存在、隐患与判定不符或照片无效', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => {
      const { created, inspection } = await deps.service.submit(ctx.ability, caseUser(ctx), body, auditContext(ctx));
      return { status: created ? 201 : 200, body: inspection };
    },
  });

  api.route({
    method: 'get',
    path: '/inspections',
    summary: 'Inspections the caller may see, filtered and sorted (newest first by default)',
    tags: ['inspections'],
    auth: true,
    query: listQuery(INSPECTION_SORT_FIELDS, {
      regionCode: Type.Optional(RegionCode),
      buildingCode: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', maxLength: 18 })),
      judgement: Type.Optional(literals(JUDGEMENT.values)),
      flagged: Type.Optional(Type.Boolean({ description: 'true: only those sent far from the house or without a position' })),
      inspectorId: Type.Optional(Uuid),
      kind: Type.Optional(literals(['daily', 'special'] as const, { description: 'daily: 日常巡查; special: 专项排查' })),
      from: Type.Optional(DateOnly),
      to: Type.Optional(DateOnly),
    }),
    responses: { 200: { description: '排查记录', schema: listOf(Inspection) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.list(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/inspections/:id',
    summary: 'One inspection with its photos and the cases it opened or joined',
    tags: ['inspections'],
    auth: true,
    params: Type.Object({ id: Uuid }),
    responses: {
      200: { description: '排查记录', schema: Inspection },
      ...AUTH_ERRORS,
      404: { description: '不存在或无权查看', schema: ErrorResponse },
    },
    handler: async ({ params, ctx }) => ({ body: await deps.service.get(ctx.ability, params.id) }),
  });
}
