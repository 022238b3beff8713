/** A small HTTP client for API tests: keeps the session cookie and sends the CSRF token like the UI. */
import { randomUUID } from 'node:crypto';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private cookies = new Map<string, string>();
  bearer: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** The session cookies, for a raw fetch (binary answers such as PDFs). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrf(): string | undefined {
    return this.cookies.get('ydym_csrf');
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (body !== undefined && !('Content-Type' in h)) h['Content-Type'] = 'application/json';
    if (this.cookies.size) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) h.Authorization = `Bearer ${this.bearer}`;
    if (method !== 'GET' && this.csrf && !('X-CSRF-Token' in h)) h['X-CSRF-Token'] = this.csrf;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string'
            ? body
            : Buffer.isBuffer(body)
              ? new Uint8Array(body)
              : JSON.stringify(body),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(set)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const parsed = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (text as unknown as T);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, { 'Idempotency-Key': randomUUID(), ...headers });
  }

  patch<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, { 'Idempotency-Key': randomUUID(), ...headers });
  }

  async login(username: string, password = 'Ydym@2026'): Promise<Reply> {
    return this.request('POST', '/api/auth/login', { username, password });
  }
}

/** Logs in a fresh client as one of the demo users (or fails the test). */
export async function loggedIn(baseUrl: string, username: string, password = 'Ydym@2026'): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const r = await client.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return client;
}

/**
 * Signs in a user whose password an administrator chose and replaces it, as the first sign-in
 * requires (other routes answer 403 until then); returns the signed-in client.
 */
export async function firstSignIn(baseUrl: string, username: string, given: string, chosen = `${given}-Own`): Promise<ApiClient> {
  const client = await loggedIn(baseUrl, username, given);
  const r = await client.post('/api/auth/password', { currentPassword: given, newPassword: chosen });
  if (r.status !== 204) throw new Error(`password change of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return client;
}
