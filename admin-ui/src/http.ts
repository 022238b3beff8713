/**
 * How the admin talks to the API, under the data provider: same-origin JSON with the session cookie,
 * the CSRF token on every unsafe method, an Idempotency-Key per user action (all built by
 * `httpCore.ts`, which the phone pages share), one retry of a mutation that never reached the
 * server, and the API's error shape turned into a react-admin `HttpError` whose message is the
 * server's Chinese text.
 */
import { HttpError } from 'react-admin';

import { csrfToken, isAbort, newIdempotencyKey, readApiError, readJson, send, withoutLabel } from './httpCore.ts';
import type { ApiFieldProblem, HttpMethod, UploadFile } from './httpCore.ts';

export { newIdempotencyKey };
export type { ApiFieldProblem, HttpMethod };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What `HttpError.body` holds for an API error. `errors` is what react-admin forms read. */
export interface ApiErrorPayload {
  code: string;
  details: ApiFieldProblem[];
  requestId?: string;
  errors?: Record<string, unknown>;
}

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Reuse a key to retry the same action; a fresh key is made otherwise. */
  idempotencyKey?: string;
  /** A file sent as the raw body (uploads) instead of JSON, its name in `X-File-Name`. */
  file?: UploadFile;
}

/** A file the API sent, with the name it suggested (`Content-Disposition`), if any. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** Shown when the request never reached the server (a translation key, see i18n). */
export const NETWORK_ERROR_MESSAGE = 'app.error.network';

/** A problem's message as shown under its input, without the field's name the API put in front. */
export const inputMessage: (problem: ApiFieldProblem) => string = withoutLabel;

/**
 * Form errors keyed by input name: only problems with a `body.` field belong to a form. The root
 * server error makes react-admin notify the server's message (every field named) instead of a
 * generic one.
 */
function formErrors(message: string, details: ApiFieldProblem[]): Record<string, unknown> | undefined {
  const fields: Record<string, string> = {};
  for (const d of details) {
    if (d.field.startsWith('body.')) fields[d.field.slice('body.'.length)] ??= inputMessage(d);
  }
  if (Object.keys(fields).length === 0) return undefined;
  return { ...fields, root: { serverError: message } };
}

async function toHttpError(response: Response): Promise<HttpError> {
  const error = await readApiError(response);
  const message = error.message ?? 'ra.notification.http_error';
  const payload: ApiErrorPayload = { code: error.code ?? `HTTP_${response.status}`, details: error.details };
  if (error.requestId !== undefined) payload.requestId = error.requestId;
  const errors = formErrors(message, error.details);
  if (errors) payload.errors = errors;
  return new HttpError(message, response.status, payload);
}

const isPayload = (body: unknown): body is ApiErrorPayload =>
  typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';

/** The API payload of an error thrown by `apiRequest`, if it is one. */
export function apiErrorOf(error: unknown): (ApiErrorPayload & { status: number; message: string }) | undefined {
  if (!(error instanceof HttpError) || !isPayload(error.body)) return undefined;
  const body = error.body;
  return { ...body, status: error.status, message: error.message };
}

function sendOnce(path: string, method: HttpMethod, options: RequestOptions, key: string | undefined, accept: string): Promise<Response> {
  return send(path, {
    method,
    accept,
    body: options.body,
    ...(options.file ? { file: options.file } : {}),
    idempotencyKey: key,
    csrfToken: key === undefined ? undefined : csrfToken(),
    signal: options.signal,
  });
}

/**
 * Sends one request and returns the successful response. A mutation that fails before reaching the
 * server (a phone losing signal) is retried once with the same Idempotency-Key, so the server
 * applies it at most once.
 */
async function exchange(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const key = UNSAFE_METHODS.has(method) ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
  let response: Response;
  try {
    response = await sendOnce(path, method, options, key, accept);
  } catch (error) {
    if (isAbort(error) || key === undefined) throw isAbort(error) ? error : new HttpError(NETWORK_ERROR_MESSAGE, 0, null);
    await new Promise((resolve) => setTimeout(resolve, 800));
    try {
      response = await sendOnce(path, method, options, key, accept);
    } catch (retryError) {
      throw isAbort(retryError) ? retryError : new HttpError(NETWORK_ERROR_MESSAGE, 0, null);
    }
  }
  if (!response.ok) throw await toHttpError(response);
  return response;
}

/** Sends one request and returns the parsed JSON (undefined for 204). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  return readJson(await exchange(path, options, 'application/json'));
}

/** The file name of a `Content-Disposition` header, preferring the UTF-8 form (Chinese names). */
function suggestedName(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1].trim());
    } catch {
      // A malformed encoding falls back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** Fetches a file (PDF, CSV, image) with the session; API errors arrive as for `apiRequest`. */
export async function apiDownload(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await exchange(path, options, '*/*');
  return { blob: await response.blob(), fileName: suggestedName(response.headers.get('Content-Disposition')) };
}
