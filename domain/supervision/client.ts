/**
 * The platform's client of the supervision system (政务监督信息化系统). One call is one attempt: retries
 * belong to the Temporal activity's retry policy, which is durable and visible, so the client only has to
 * tell "retry later" ({@link SupervisionUnavailable}) from "never retry" ({@link SupervisionRefused}).
 */
import { randomBytes } from 'node:crypto';
import { signHeaders } from './signing.ts';
import type { AnchorPayload, EscalationPayload, EscalationReceipt } from './types.ts';

/** How much of a refusal's body is kept: enough to read the reason, small enough for a Temporal failure. */
const MAX_BODY_CHARS = 500;

/** The system rejected the escalation (a 4xx other than 408/429): sending it again will not help. */
export class SupervisionRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`政务监督信息化系统拒收督办（HTTP ${status}）：${refusalReason(body)}`);
    this.name = 'SupervisionRefused';
  }
}

/** The system could not take the escalation now (5xx, 408, 429, timeout, unreachable): retry later. */
export class SupervisionUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(`政务监督信息化系统暂不可用：${message}`, { cause });
    this.name = 'SupervisionUnavailable';
  }
}

/** What the platform needs from the supervision system; activities depend on this, tests may wire another. */
export interface SupervisionClient {
  /** Delivers one escalation; sending the same case and escalation number again yields the same receipt. */
  sendEscalation(payload: EscalationPayload): Promise<EscalationReceipt>;
  /** Delivers one anchor of the audit trail; sending the same anchor again is harmless. */
  sendAnchor(payload: AnchorPayload): Promise<void>;
}

export interface SupervisionClientOptions {
  /** Base URL of the system, without `/api`; a trailing slash is ignored. */
  baseUrl: string;
  /** Shared secret, `whsec_…` (see signing.ts). */
  secret: string;
  /** Limit of one whole call, answer body included. */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
}

/** The idempotency key of an escalation: the system de-duplicates on it. */
export function escalationKey(payload: Pick<EscalationPayload, 'caseId' | 'escalationNo'>): string {
  return `${payload.caseId}:${payload.escalationNo}`;
}

/** A client over HTTP, signing every request with the shared secret. */
export function createSupervisionClient(options: SupervisionClientOptions): SupervisionClient {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api`;

  /** One signed POST; a 2xx answer's status and text, else the refusal or unavailability it means. */
  async function post(path: string, key: string, body: string): Promise<{ status: number; text: string }> {
    // A fresh message id per attempt: the receiver rejects a repeated id as a replay, and the
    // idempotency key (not the message id) is what makes a repeated delivery harmless.
    const messageId = `msg_${key}_${randomBytes(6).toString('hex')}`;
    const signal = AbortSignal.timeout(options.timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await fetchFn(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...signHeaders(options.secret, messageId, body) },
        body,
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new SupervisionUnavailable(transportProblem(error, options.timeoutMs), undefined, error);
    }

    if (status >= 200 && status < 300) return { status, text };
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      throw new SupervisionRefused(status, text.slice(0, MAX_BODY_CHARS));
    }
    throw new SupervisionUnavailable(`HTTP ${status} ${refusalReason(text.slice(0, MAX_BODY_CHARS))}`.trim(), status);
  }

  return {
    async sendEscalation(payload) {
      const { status, text } = await post('/escalations', escalationKey(payload), JSON.stringify(payload));
      return readReceipt(status, text);
    },
    async sendAnchor(payload) {
      await post('/anchors', `anchor:${payload.no}`, JSON.stringify(payload));
    },
  };
}

function readReceipt(status: number, text: string): EscalationReceipt {
  let parsed: Partial<EscalationReceipt> | undefined;
  try {
    parsed = JSON.parse(text) as Partial<EscalationReceipt>;
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed.receiptId !== 'string' || !parsed.receiptId) {
    // The system took it but the receipt is unreadable; retrying under the same idempotency key is safe
    // and should bring back the stored receipt, so this is "unavailable", not a refusal.
    throw new SupervisionUnavailable(`HTTP ${status} 的应答中没有回执编号`, status);
  }
  return {
    receiptId: parsed.receiptId,
    duplicate: parsed.duplicate === true,
    receivedAt: typeof parsed.receivedAt === 'string' ? parsed.receivedAt : new Date().toISOString(),
  };
}

/** The message of a JSON error answer (`{ error: { message } }`), else the text itself. */
function refusalReason(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // not JSON: show the text as it came
  }
  return body;
}

/** A one-line reason for a failed exchange; the innermost cause names the real problem (ECONNREFUSED…). */
function transportProblem(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `${timeoutMs} 毫秒内未应答`;
  let inner: unknown = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error ? inner.message : String(inner);
}
