/**
 * The one way the UI talks to the API: same-origin JSON with the session cookie, the CSRF token on
 * every unsafe method, an Idempotency-Key per user action, and the API's error shape turned into a
 * react-admin `HttpError` whose message is the server's Chinese text.
 */
import { HttpError } from 'react-admin';

const CSRF_COOKIE = 'ydym_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One field problem, as the API reports it. */
export interface ApiFieldProblem {
  field: string;
  reason: string;
  message: string;
  [extra: string]: unknown;
}

/** What `HttpError.body` holds for an API error. `errors` is what react-admin forms read. */
export interface ApiErrorPayload {
  code: string;
  details: ApiFieldProblem[];
  requestId?: string;
  errors?: Record<string, unknown>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Reuse a key to retry the same action; a fresh key is made otherwise. */
  idempotencyKey?: string;
  /** A file sent as the raw body (uploads) instead of JSON, its name in `X-File-Name`. */
  file?: { data: Blob; name: string; type: string };
}

/** A file the API sent, with the name it suggested (`Content-Disposition`), if any. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** Shown when the request never reached the server (a translation key, see i18n). */
export const NETWORK_ERROR_MESSAGE = 'app.error.network';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * A v4 UUID. `crypto.randomUUID` exists only in secure contexts, and the admin may be opened over
 * plain HTTP on an intranet address, so fall back to `getRandomValues`, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asProblems(value: unknown): ApiFieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((d): d is ApiFieldProblem => isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string');
}

/**
 * A problem's message as shown under its input, which already bears the field's name: without the
 * name the API put in front (地上层数：不能小于 1 → 不能小于 1) when it says which name that is (`label`).
 */
export function inputMessage(problem: ApiFieldProblem): string {
  const label = typeof problem.label === 'string' ? problem.label : undefined;
  return label && problem.message.startsWith(`${label}：`) ? problem.message.slice(label.length + 1) : problem.message;
}

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
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  const message = typeof error?.message === 'string' ? error.message : 'ra.notification.http_error';
  const details = asProblems(error?.details);
  const payload: ApiErrorPayload = {
    code: typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
    details,
  };
  if (typeof error?.requestId === 'string') payload.requestId = error.requestId;
  const errors = formErrors(message, details);
  if (errors) payload.errors = errors;
  return new HttpError(message, response.status, payload);
}

/** The API payload of an error thrown by `apiRequest`, if it is one. */
export function apiErrorOf(error: unknown): (ApiErrorPayload & { status: number; message: string }) | undefined {
  if (!(error instanceof HttpError) || !isRecord(error.body) || typeof error.body.code !== 'string') return undefined;
  const body = error.body as unknown as ApiErrorPayload;
  return { ...body, status: error.status, message: error.message };
}

function send(path: string, method: HttpMethod, options: RequestOptions, key: string | undefined, accept: string): Promise<Response> {
  const headers = new Headers({ Accept: accept });
  if (options.file) {
    headers.set('Content-Type', options.file.type);
    headers.set('X-File-Name', encodeURIComponent(options.file.name));
  } else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (key !== undefined) {
    headers.set('Idempotency-Key', key);
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers.set('X-CSRF-Token', csrf);
  }
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.file) init.body = options.file.data;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  return fetch(path, init);
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

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
    response = await send(path, method, options, key, accept);
  } catch (error) {
    if (isAbort(error) || key === undefined) throw isAbort(error) ? error : new HttpError(NETWORK_ERROR_MESSAGE, 0, null);
    await new Promise((resolve) => setTimeout(resolve, 800));
    try {
      response = await send(path, method, options, key, accept);
    } catch (retryError) {
      throw isAbort(retryError) ? retryError : new HttpError(NETWORK_ERROR_MESSAGE, 0, null);
    }
  }
  if (!response.ok) throw await toHttpError(response);
  return response;
}

/** Sends one request and returns the parsed JSON (undefined for 204). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  const response = await exchange(path, options, 'application/json');
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
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
