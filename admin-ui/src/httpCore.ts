/**
 * The HTTP plumbing both front ends share, free of any framework: the admin (`http.ts`, under
 * react-admin) and the phone pages (`mobile/`, which load without react-admin and must stay that
 * way). It builds a request the way the API wants it (the session cookie, the CSRF token, an
 * Idempotency-Key, a JSON body or a raw file), reads JSON answers, and reads the API's error shape
 * (`{ error: { code, message, details: [{ field, message, label? }], requestId?, field? } }`).
 * What each front end then does with a failure (retry, sign out, show it) stays with it.
 */

/** The cookie the API sets at sign-in and wants back as the `X-CSRF-Token` header. */
export const CSRF_COOKIE = 'ydym_csrf';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file sent as the raw body (uploads) instead of JSON, its name in `X-File-Name`. */
export interface UploadFile {
  data: Blob;
  name: string;
  type: string;
}

/** Everything a request to the API may carry besides its path. */
export interface RequestParts {
  method?: HttpMethod;
  /** `application/json` unless said otherwise (downloads take any type). */
  accept?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as the raw body; wins over `body`. */
  file?: UploadFile;
  idempotencyKey?: string | undefined;
  /** The session's CSRF token (see `csrfToken`), for a request that changes something. */
  csrfToken?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** One field problem, as the API reports it (`body.hazards.0.description`). */
export interface ApiFieldProblem {
  field: string;
  reason: string;
  message: string;
  [extra: string]: unknown;
}

/** The error body of a refused request, each part present only when the API sent it. */
export interface ApiError {
  code?: string;
  message?: string;
  details: ApiFieldProblem[];
  requestId?: string;
  /** The one field a refusal without `details` names, if any. */
  field?: string;
}

/** A cookie's value from a `document.cookie` string. */
export function cookieValue(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The CSRF token of a session on this browser, if someone signed in here. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  return cookieValue(cookies, CSRF_COOKIE);
}

/**
 * A v4 UUID (an Idempotency-Key, or the id of a form made on a phone). `crypto.randomUUID` exists
 * only in secure contexts, and the platform may be opened over plain HTTP on an intranet address,
 * so fall back to `getRandomValues`, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The headers of a request (also set one by one on an XMLHttpRequest, for upload progress). */
export function requestHeaders(parts: RequestParts): Headers {
  const headers = new Headers({ Accept: parts.accept ?? 'application/json' });
  if (parts.file) {
    headers.set('Content-Type', parts.file.type);
    headers.set('X-File-Name', encodeURIComponent(parts.file.name));
  } else if (parts.body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (parts.idempotencyKey !== undefined) headers.set('Idempotency-Key', parts.idempotencyKey);
  if (parts.csrfToken) headers.set('X-CSRF-Token', parts.csrfToken);
  return headers;
}

/** The `fetch` options of a request: same-origin, so the session cookie goes along. */
export function requestInit(parts: RequestParts): RequestInit {
  const init: RequestInit = { method: parts.method ?? 'GET', headers: requestHeaders(parts), credentials: 'same-origin' };
  if (parts.file) init.body = parts.file.data;
  else if (parts.body !== undefined) init.body = JSON.stringify(parts.body);
  if (parts.signal) init.signal = parts.signal;
  return init;
}

/** Sends one request; rejects only when it never got an answer (offline, aborted). */
export function send(path: string, parts: RequestParts = {}): Promise<Response> {
  return fetch(path, requestInit(parts));
}

/** True for the rejection of an aborted request, which nobody should report. */
export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/** Reads and drops a body nobody needs, so the browser can close the request. */
export async function drain(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

/** A successful answer's JSON; undefined for 204 or an empty body. */
export async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asProblems(value: unknown): ApiFieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((d): d is ApiFieldProblem => isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string');
}

/** The API's error shape read from a parsed body; anything else reads as an error without parts. */
export function parseApiError(body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const parsed: ApiError = { details: asProblems(error.details) };
  if (typeof error.code === 'string') parsed.code = error.code;
  if (typeof error.message === 'string') parsed.message = error.message;
  if (typeof error.requestId === 'string') parsed.requestId = error.requestId;
  if (typeof error.field === 'string') parsed.field = error.field;
  return parsed;
}

/** The API's error shape from a body's text (an XMLHttpRequest's `responseText`); not JSON reads as no parts. */
export function apiErrorFromText(text: string): ApiError {
  try {
    return parseApiError(JSON.parse(text));
  } catch {
    return parseApiError(undefined);
  }
}

/** The API's error shape from a refused answer, whatever its body. */
export async function readApiError(response: Response): Promise<ApiError> {
  return apiErrorFromText(await response.text().catch(() => ''));
}

/**
 * A problem's message as shown under its input, which already bears the field's name: without the
 * name the API put in front (地上层数：不能小于 1 → 不能小于 1) when it says which name that is (`label`).
 */
export function withoutLabel(problem: { message: string; label?: unknown }): string {
  const label = typeof problem.label === 'string' ? problem.label : undefined;
  return label && problem.message.startsWith(`${label}：`) ? problem.message.slice(label.length + 1) : problem.message;
}
