/**
 * Evidence files of a case (photos, PDFs): uploaded as the raw body, their type decided by their bytes
 * (not by what the client declares), size-limited, stored through the file store under the case, and
 * served only to users who may see the case.
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import express from 'express';
import type { Request, Response } from 'express';
import type { Db } from '../../domain/db.ts';
import { ForbiddenError, InputError, NotFoundError, TooLargeError } from '../../domain/errors.ts';
import type { FileStore } from '../../domain/files.ts';
import { sendFile } from '../http/binary.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Uuid } from '../http/schemas.ts';
import type { CaseService } from '../services/cases.ts';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const readRaw = express.raw({ type: () => true, limit: MAX_EVIDENCE_BYTES });

/** The evidence types accepted, each recognised by its first bytes. */
export function sniffEvidence(data: Buffer): { mime: string; ext: string } | undefined {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' };
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP')
    return { mime: 'image/webp', ext: 'webp' };
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  return undefined;
}

function readBody(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    readRaw(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        reject(
          new TooLargeError('FILE_TOO_LARGE', `文件不能超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`, [
            { field: 'body', reason: 'tooLarge', message: '文件过大' },
          ]),
        );
      } else if (error) reject(error);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    }),
  );
}

const FileInfo = Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() });
const Params = Type.Object({ id: Uuid });

export function caseFileRoutes(api: ApiRouter, deps: { db: Db; files: FileStore; service: CaseService }): void {
  api.route({
    method: 'post',
    path: '/cases/:id/files',
    summary: 'Upload one evidence file as the raw body (JPEG, PNG, WebP or PDF, ≤ 10 MB; X-File-Name: URL-encoded name)',
    tags: ['cases'],
    auth: true,
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
      const data = await readBody(req, res);
      if (data.length === 0) throw InputError.field('body', 'required', '上传的文件为空');
      const kind = sniffEvidence(data);
      if (!kind) throw InputError.field('body', 'fileType', '只接受 JPEG、PNG、WebP 图片或 PDF 文件');
      let name = req.get('X-File-Name') ?? `evidence.${kind.ext}`;
      try {
        name = decodeURIComponent(name);
      } catch {
        // Keep the raw header: a name is only shown, never used as a path.
      }
      name =
        [...name]
          .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
          .join('')
          .slice(0, 200) || `evidence.${kind.ext}`;
      const sha256 = createHash('sha256').update(data).digest('hex');
      const [row] = (await deps
        .db('case_files')
        .insert({ case_id: c.id, name, mime: kind.mime, size: data.length, sha256, storage_key: 'pending', uploaded_by: ctx.user.id })
        .returning('id')) as { id: string }[];
      const id = (row as { id: string }).id;
      const key = `cases/${c.id}/${id}.${kind.ext}`;
      await deps.files.put(key, data);
      await deps.db('case_files').where({ id }).update({ storage_key: key });
      return { status: 201, body: { id, name, mime: kind.mime, size: data.length, sha256 } };
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
      await deps.service.get(ctx.ability, params.id);
      const file = (await deps
        .db('case_files')
        .where({ id: params.fileId, case_id: params.id })
        .whereNot('storage_key', 'pending')
        .first()) as { storage_key: string; mime: string; name: string } | undefined;
      if (!file) throw new NotFoundError('文件不存在或无权查看');
      res.setHeader('Cache-Control', 'private, max-age=86400');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return sendFile(res, { contentType: file.mime, body: deps.files.read(file.storage_key) });
    },
  });
}
