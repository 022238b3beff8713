/**
 * The soak's HTTP client: each request retried as a phone on a flaky network would (same Idempotency-Key,
 * backing off, until a give-up time) while the platform is failing, and every answer it got kept.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface Answer {
  status: number;
  body: unknown;
}

export interface SendOptions {
  method?: 'GET' | 'POST';
  auth?: string;
  body?: unknown;
  /** Raw bytes sent as application/octet-stream instead of a JSON body. */
  bytes?: Buffer;
  headers?: Record<string, string>;
  idempotencyKey?: string;
}

/** One request's answers: every status (0: no answer) and the one that settled it. */
export interface Attempts {
  statuses: number[];
}

const REQUEST_TIMEOUT_MS = 30_000;

/** Worth another try: no answer, the proxy found no API process, a server failure, or the same key still being worked on. */
export function retryable(answer: Answer): boolean {
  if (answer.status === 0 || answer.status === 408 || answer.status === 429 || answer.status >= 500) return true;
  const code = (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
  return answer.status === 409 && code === 'IDEMPOTENCY_IN_PROGRESS';
}

async function once(url: string, o: SendOptions): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.auth) headers.authorization = o.auth;
  if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (o.bytes) {
    headers['content-type'] = 'application/octet-stream';
    body = new Uint8Array(o.bytes);
  } else if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  try {
    const r = await fetch(url, { method: o.method ?? 'GET', headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // nginx's own error pages are HTML.
    }
    return { status: r.status, body: parsed };
  } catch {
    return { status: 0, body: undefined };
  }
}

/**
 * Sends until an answer settles it (2xx, or a refusal not worth retrying) or `deadline` (ms since the
 * epoch) passes; undefined then. Each answer's status goes into `attempts`.
 */
export async function send(base: string, path: string, o: SendOptions, attempts: Attempts, deadline: number): Promise<Answer | undefined> {
  let wait = 250;
  for (;;) {
    const answer = await once(base + path, o);
    attempts.statuses.push(answer.status);
    if (!retryable(answer)) return answer;
    if (Date.now() + wait > deadline) return undefined;
    await sleep(wait);
    wait = Math.min(4000, wait * 2);
  }
}

export const ok = (a: Answer | undefined): boolean => !!a && a.status >= 200 && a.status < 300;
