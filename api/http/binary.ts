/**
 * Responses that are not JSON (QR images, PDFs). The route writes the bytes itself and resolves only
 * once they are sent; the `Reply` it then returns carries no body, so the router adds nothing.
 * Such routes are GETs or declared `idempotent: false`: a file is never stored for replay.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Reply } from './router.ts';

/** A file answer: its type, download name and bytes. */
export interface FileReply {
  contentType: string;
  /** Offered as the download name (ASCII); absent for images shown inline. */
  filename?: string;
  /** Bytes, or a function that writes the document to the response. */
  body: Buffer | string | Readable | ((res: Response) => Promise<void>);
}

/** Sends the file and resolves once it is written; returns the (bodyless) reply for the router. */
export async function sendFile(res: Response, file: FileReply): Promise<Reply> {
  res.status(200).type(file.contentType);
  if (file.filename) res.attachment(file.filename);
  const { body } = file;
  if (typeof body === 'function') await body(res);
  else if (typeof body === 'string' || Buffer.isBuffer(body)) res.end(body);
  else await pipeline(body, res);
  return { status: 200 };
}
