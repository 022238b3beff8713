/**
 * Complaints: the citizen's side without an account (photos, filing, the progress page by tracking
 * number and secret) and the officers' side (lists, the complaint with its complainant masked, the
 * audited full contact, the on-site verification).
 */
import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import { CASE_CATEGORY, CASE_SEVERITY } from '../../domain/cases/enums.ts';
import { COMPLAINT_SORT_FIELDS } from '../../domain/complaints/store.ts';
import type { ComplaintPhoto } from '../../domain/complaints/store.ts';
import { TRACKING_NO_PATTERN_ANY_CASE } from '../../domain/complaints/tracking.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Text, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import type { Idempotency } from '../http/idempotency.ts';
import { idempotentUpload, readUpload } from '../http/uploads.ts';
import { LookupThrottled } from '../services/complaints.ts';
import type { ComplaintService } from '../services/complaints.ts';
import type { UploadService } from '../services/uploads.ts';
import { caseUser } from './cases.ts';

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const Category = literals(CASE_CATEGORY.values);
const COMPLAINT_STATUS = ['verifying', 'confirmed', 'unfounded'] as const;
const PROGRESS_STATUS = ['verifying', 'verify_overdue', 'rectifying', 'rectified', 'withdrawn', 'unfounded'] as const;

export const Progress = Type.Object({
  trackingNo: Type.String(),
  category: Category,
  address: Nullable(Type.String()),
  status: literals(PROGRESS_STATUS),
  createdAt: Timestamp,
  verifyDueAt: Timestamp,
  verifiedAt: Nullable(Timestamp),
  reply: Nullable(Type.String()),
  case: Nullable(Type.Object({ number: Type.String(), closedAt: Nullable(Timestamp) })),
  notifications: Type.Array(Type.Object({ text: Type.String(), at: Timestamp })),
});

const Complaint = Type.Object(
  {
    id: Uuid,
    trackingNo: Type.String(),
    channel: literals(['web', 'open311']),
    buildingCode: Nullable(Type.String()),
    regionCode: Type.String(),
    category: Category,
    description: Type.String(),
    contact: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }, { description: 'Masked' }),
    status: literals(COMPLAINT_STATUS),
    overdue: Type.Boolean(),
    verifyDueAt: Timestamp,
    caseId: Nullable(Uuid),
    caseNumber: Nullable(Type.String()),
    createdAt: Timestamp,
  },
  { additionalProperties: true },
);

export const ComplaintBody = Type.Object(
  {
    buildingCode: Type.Optional(Type.String({ minLength: 1, maxLength: 30, title: '房屋编码', description: '房屋编码（扫码投诉时）' })),
    position: Type.Optional(
      Type.Object(
        {
          latitude: Type.Number({ minimum: -90, maximum: 90, title: '纬度' }),
          longitude: Type.Number({ minimum: -180, maximum: 180, title: '经度' }),
        },
        { additionalProperties: false, title: '位置', description: '地图上选择的位置（WGS-84），无房屋编码时必填' },
      ),
    ),
    category: literals(CASE_CATEGORY.values, { title: '问题类型', 'x-labels': CASE_CATEGORY.labels }),
    description: Text({ minLength: 5, maxLength: 1000, title: '问题描述' }),
    name: Type.Optional(Type.String({ maxLength: 50, title: '姓名', description: '姓名（可不填）' })),
    phone: Type.Optional(Type.String({ maxLength: 20, title: '联系电话', description: '手机号（可不填）' })),
    fileIds: Type.Array(Uuid, { maxItems: 9, default: [], title: '照片' }),
  },
  { additionalProperties: false },
);

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Photos one verification may keep, as many as a citizen may attach. */
const MAX_VERIFY_PHOTOS = 9;
const IdParams = Type.Object({ id: Uuid });
const NOT_FOUND = { 404: { description: '投诉不存在或无权查看', schema: ErrorResponse } };

export function complaintRoutes(
  api: ApiRouter,
  deps: { service: ComplaintService; uploads: UploadService; idempotency: Idempotency },
): void {
  /** Sends a complaint photo the service found readable. */
  const sendPhoto = (res: Response, file: ComplaintPhoto) => {
    res.setHeader('Cache-Control', 'private, max-age=86400');
    return sendFile(res, { contentType: file.mime, body: deps.uploads.read(file) });
  };

  api.route({
    method: 'post',
    path: '/public/complaint-files',
    summary: 'A citizen uploads one complaint photo as the raw body (JPEG, PNG or WebP, ≤ 10 MB); no account',
    tags: ['complaints'],
    auth: false,
    // The Idempotency-Key is honoured below, keyed on the photo's digest.
    idempotent: false,
    responses: {
      201: { description: '已上传', schema: Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer() }) },
      400: { description: '不是照片', schema: ErrorResponse },
      413: { description: '文件超过 10 MB', schema: ErrorResponse },
      429: { description: '上传过于频繁', schema: ErrorResponse },
    },
    handler: async ({ ctx, req, res }) => {
      const address = ctx.ip ?? '';
      // A first look before reading up to 10 MB; the count that decides is taken again under the lock.
      await deps.service.checkPhotoLimit(address);
      const upload = await readUpload(req, res, {
        accept: IMAGE_TYPES,
        typeMessage: '只接受 JPEG、PNG 或 WebP 照片',
        fallbackName: 'photo',
      });
      return idempotentUpload(deps.idempotency, req, upload, async () => {
        const { id, name, mime, size } = await deps.service.storePhoto(address, upload);
        return { status: 201, body: { id, name, mime, size } };
      });
    },
  });

  api.route({
    method: 'post',
    path: '/public/complaints',
    summary:
      'A citizen files a complaint (from a scanned house code or a map position); answers with the tracking number and the secret that opens the progress page',
    tags: ['complaints'],
    auth: false,
    body: ComplaintBody,
    responses: {
      201: { description: '已受理', schema: Type.Object({ trackingNo: Type.String(), secret: Type.String(), progress: Progress }) },
      400: { description: '输入有误', schema: ErrorResponse },
      422: { description: '房屋不存在或位置不在本区', schema: ErrorResponse },
      429: { description: '提交过于频繁', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => {
      const { trackingNo, secret, progress } = await deps.service.file(body, {
        address: ctx.ip ?? '',
        channel: 'web',
        requestRef: ctx.requestRef ?? null,
      });
      return { status: 201, body: { trackingNo, secret, progress } };
    },
  });

  api.route({
    method: 'post',
    path: '/public/complaints/progress',
    summary:
      'The progress page of a complaint: status, dates and replies (nothing internal); the secret travels in the body, never in a URL',
    tags: ['complaints'],
    auth: false,
    idempotent: false,
    body: Type.Object(
      {
        trackingNo: Type.String({ minLength: 1, maxLength: 30, title: '投诉编号' }),
        secret: Type.String({ minLength: 1, maxLength: 30, title: '查询码' }),
      },
      { additionalProperties: false },
    ),
    responses: {
      200: { description: '办理进度', schema: Progress },
      404: { description: '编号或查询码不正确', schema: ErrorResponse },
      429: { description: '查询过于频繁（Retry-After 给出等待秒数）', schema: ErrorResponse },
    },
    handler: async ({ body, ctx, res }) => {
      try {
        return { body: await deps.service.progress(body.trackingNo, body.secret, ctx.ip ?? '') };
      } catch (error) {
        if (error instanceof LookupThrottled) res.setHeader('Retry-After', String(error.retryAfter));
        throw error;
      }
    },
  });

  api.route({
    method: 'get',
    path: '/complaints',
    summary: 'Complaints the caller may see (complainant masked), filtered and sorted (newest first by default)',
    tags: ['complaints'],
    auth: true,
    query: listQuery(COMPLAINT_SORT_FIELDS, {
      regionCode: Type.Optional(RegionCode),
      buildingCode: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', maxLength: 18 })),
      status: Type.Optional(literals(COMPLAINT_STATUS)),
      overdue: Type.Optional(Type.Boolean()),
      category: Type.Optional(Category),
      trackingNo: Type.Optional(Type.String({ pattern: TRACKING_NO_PATTERN_ANY_CASE, maxLength: 18 })),
      from: Type.Optional({ ...DateOnly, description: 'Received on or after this Beijing day' }),
      to: Type.Optional({ ...DateOnly, description: 'Received on or before this Beijing day' }),
      verifiedFrom: Type.Optional({ ...DateOnly, description: 'Verified (confirmed or unfounded) on or after this Beijing day' }),
      verifiedTo: Type.Optional({ ...DateOnly, description: 'Verified on or before this Beijing day' }),
    }),
    responses: { 200: { description: '投诉列表', schema: listOf(Complaint) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.list(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/complaints/:id',
    summary: 'One complaint: its photos, notifications, verification and linked case (complainant masked)',
    tags: ['complaints'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '投诉', schema: Complaint }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: await deps.service.get(ctx.ability, params.id) }),
  });

  api.route({
    method: 'get',
    path: '/complaints/:id/contact',
    summary: 'The complainant’s name and phone in full (verifying roles only; each view is recorded in the audit log)',
    tags: ['complaints'],
    auth: true,
    params: IdParams,
    responses: {
      200: { description: '投诉人', schema: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }) },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
    },
    handler: async ({ params, ctx }) => ({ body: await deps.service.contact(ctx.ability, params.id, auditContext(ctx)) }),
  });

  api.route({
    method: 'post',
    path: '/complaints/:id/verify',
    summary: 'The on-site verification: confirmed opens or joins a hazard case; unfounded closes the complaint with the reply',
    tags: ['complaints'],
    auth: true,
    params: IdParams,
    body: Type.Object(
      {
        result: literals(['confirmed', 'unfounded'] as const, { title: '核实结果' }),
        reply: Text({ minLength: 2, maxLength: 500, title: '答复', description: '给投诉人的回复' }),
        severity: Type.Optional(literals(CASE_SEVERITY.values, { title: '隐患等级', 'x-labels': CASE_SEVERITY.labels })),
        buildingCode: Type.Optional(
          Type.String({ minLength: 1, maxLength: 30, title: '房屋编码', description: '按位置投诉时，现场核实的房屋编码' }),
        ),
        note: Type.Optional(Text({ maxLength: 1000, title: '内部备注', description: '内部备注（投诉人看不到）' })),
        fileIds: Type.Optional(Type.Array(Uuid, { maxItems: MAX_VERIFY_PHOTOS, title: '现场照片', description: '现场照片' })),
        position: Type.Optional(
          Nullable(
            Type.Object(
              {
                latitude: Type.Number({ minimum: -90, maximum: 90, title: '纬度' }),
                longitude: Type.Number({ minimum: -180, maximum: 180, title: '经度' }),
                accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100000, title: '定位精度', description: 'metres' })),
              },
              { additionalProperties: false, title: '位置', description: '核实时手机的位置（WGS-84）' },
            ),
          ),
        ),
      },
      { additionalProperties: false },
    ),
    responses: {
      200: { description: '已核实', schema: Complaint },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '已核实', schema: ErrorResponse },
      422: { description: '缺少房屋编码', schema: ErrorResponse },
    },
    handler: async ({ params, body, ctx, req }) => ({
      body: await deps.service.verify(
        ctx.ability,
        caseUser(ctx),
        params.id,
        body,
        req.get('Idempotency-Key') ?? undefined,
        auditContext(ctx),
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/complaints/:id/verification-files',
    summary: 'The verifier uploads one on-site photo for a complaint still to verify, as the raw body (JPEG, PNG or WebP, ≤ 10 MB)',
    tags: ['complaints'],
    auth: true,
    idempotent: false,
    params: IdParams,
    responses: {
      201: { description: '已上传', schema: Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer() }) },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '已核实', schema: ErrorResponse },
      413: { description: '文件超过 10 MB', schema: ErrorResponse },
    },
    handler: async ({ params, ctx, req, res }) => {
      const complaint = await deps.service.verifiable(ctx.ability, params.id);
      const upload = await readUpload(req, res, {
        accept: IMAGE_TYPES,
        typeMessage: '只接受 JPEG、PNG 或 WebP 照片',
        fallbackName: 'photo',
      });
      return { status: 201, body: await deps.service.storeVerificationPhoto(complaint, caseUser(ctx).id, upload) };
    },
  });

  api.route({
    method: 'get',
    path: '/complaint-verification-files/:id',
    summary: 'One photo of a complaint’s on-site verification (only to users who may read the complaint)',
    tags: ['complaints'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '照片' }, ...AUTH_ERRORS, 404: { description: '照片不存在或无权查看', schema: ErrorResponse } },
    // Only photos attached to a recorded verification; an upload not yet sent with its verify is the uploader's draft.
    handler: async ({ params, ctx, res }) => sendPhoto(res, await deps.service.photo(ctx.ability, 'verification', params.id)),
  });

  api.route({
    method: 'get',
    path: '/complaint-files/:id',
    summary: 'One complaint photo (only to users who may read the complaint)',
    tags: ['complaints'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '照片' }, ...AUTH_ERRORS, 404: { description: '照片不存在或无权查看', schema: ErrorResponse } },
    handler: async ({ params, ctx, res }) => sendPhoto(res, await deps.service.photo(ctx.ability, 'citizen', params.id)),
  });
}
