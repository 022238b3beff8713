/**
 * Files uploaded as the raw request body (evidence, inspection photos): size-limited while reading,
 * their type decided by their bytes (never by what the client declares), their shown name cleaned.
 * Storing them is the services' (`UploadService`, services/uploads.ts).
 */
import { createHash } from 'node:crypto';
import express from 'express';
import type { Request, Response } from 'express';
import { InputError, TooLargeError } from '../../domain/errors.ts';
import type { Idempotency } from './idempotency.ts';
import type { Reply } from './router.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const readRaw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });

export interface FileKind {
  mime: string;
  ext: string;
}

/** The accepted types, each recognised by its first bytes. */
export function sniffFile(data: Buffer): FileKind | undefined {
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
          new TooLargeError('FILE_TOO_LARGE', `文件不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, [
            { field: 'body', reason: 'tooLarge', message: '文件过大' },
          ]),
        );
      } else if (error) reject(error);
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    }),
  );
}

/** The name from `X-File-Name` (URL-encoded), made safe to show and to offer as a download name. */
function fileName(req: Request, fallback: string): string {
  let name = req.get('X-File-Name') ?? fallback;
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep the raw header: a name is only shown, never used as a path.
  }
  return (
    [...name]
      .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
      .join('')
      .slice(0, 200) || fallback
  );
}

export interface Upload {
  data: Buffer;
  kind: FileKind;
  name: string;
  sha256: string;
}

/**
 * Reads one uploaded file; refuses an empty body, a type outside `accept` (mime types) with
 * `typeMessage`, and anything over 10 MB.
 */
export async function readUpload(
  req: Request,
  res: Response,
  options: { accept: string[]; typeMessage: string; fallbackName: string },
): Promise<Upload> {
  const data = await readBody(req, res);
  if (data.length === 0) throw InputError.field('body', 'required', '上传的文件为空');
  const kind = sniffFile(data);
  if (!kind || !options.accept.includes(kind.mime)) throw InputError.field('body', 'fileType', options.typeMessage);
  return {
    data,
    kind,
    name: fileName(req, `${options.fallbackName}.${kind.ext}`),
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/**
 * Runs an upload's write under the client's Idempotency-Key: a phone that lost the answer and sends the
 * same file again gets the first answer, not a second file. The request is compared by the file's digest
 * and name (the bytes are not a JSON body), so the route declares `idempotent: false` and calls this.
 */
export function idempotentUpload(idempotency: Idempotency, req: Request, upload: Upload, write: () => Promise<Reply>): Promise<Reply> {
  req.body = { sha256: upload.sha256, bytes: upload.data.length, name: upload.name };
  return idempotency.run(req, write);
}
