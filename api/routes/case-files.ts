/**
 * Evidence files of a case (photos, PDFs): uploaded as the raw body, their type decided by their bytes
 * (not by what the client declares), size-limited, stored through the file store under the case, and
 * served only to users who may see the case.
 */
import { Type } from '@sinclair/typebox';
import { ForbiddenError } from '../../domain/errors.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { Idempotency } from '../http/idempotency.ts';
import { idempotentUpload, readUpload } from '../http/uploads.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Uuid } from '../http/schemas.ts';
import type { CaseService } from '../services/cases.ts';
import type { UploadService } from '../services/uploads.ts';

const FileInfo = Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() });
const Params = Type.Object({ id: Uuid });

export function caseFileRoutes(api: ApiRouter, deps: { service: CaseService; uploads: UploadService; idempotency: Idempotency }): void {
  api.route({
    method: 'post',
    path: '/cases/:id/files',
    summary: 'Upload one evidence file as the raw body (JPEG, PNG, WebP or PDF, ≤ 10 MB; X-File-Name: URL-encoded name)',
    tags: ['cases'],
    auth: true,
    // The Idempotency-Key is honoured below, keyed on the file's digest.
    idempotent: false,
    params: Params,
    responses: {
      201: { description: '已上传', schema: FileInfo },
      ...AUTH_ERRORS,
      404: { description: '案件不存在或无权查看', schema: ErrorResponse },
      413: { description: '文件超过 10 MB', schema: ErrorResponse },
    },
    handler: async ({ params, ctx, req, res }) => {
      const c = await deps.service.get(ctx.ability, params.id);
      if (!ctx.user || ctx.user.role === 'auditor') throw new ForbiddenError('您的角色不能上传案件材料');
      if (c.status === 'closed' || c.status === 'cancelled') throw new ForbiddenError('案件已结束，不能再上传材料');
      const upload = await readUpload(req, res, {
        accept: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
        typeMessage: '只接受 JPEG、PNG、WebP 图片或 PDF 文件',
        fallbackName: 'evidence',
      });
      const uploadedBy = ctx.user.id;
      // Stored and audited inside the idempotent run: a replayed upload is neither stored nor audited twice.
      return idempotentUpload(deps.idempotency, req, upload, async () => ({
        status: 201,
        body: await deps.service.storeFile(auditContext(ctx), c, uploadedBy, upload),
      }));
    },
  });

  api.route({
    method: 'get',
    path: '/cases/:id/files/:fileId',
    summary: 'One evidence file (only to users who may see the case)',
    tags: ['cases'],
    auth: true,
    params: Type.Object({ id: Uuid, fileId: Uuid }),
    responses: { 200: { description: '文件' }, ...AUTH_ERRORS, 404: { description: '文件不存在或无权查看', schema: ErrorResponse } },
    handler: async ({ params, ctx, res }) => {
      const file = await deps.service.file(ctx.ability, params.id, params.fileId);
      res.setHeader('Cache-Control', 'private, max-age=86400');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return sendFile(res, { contentType: file.mime, body: deps.uploads.read(file) });
    },
  });
}
