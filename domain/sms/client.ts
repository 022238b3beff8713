/**
 * The platform's client of an SMS provider over HTTP, signed with the shared secret. One call is one
 * attempt: retries belong to the Temporal activity's retry policy, so the client only tells "retry
 * later" ({@link SmsUnavailable}) from "never retry" ({@link SmsRefused}). The idempotency key travels
 * with every attempt, so a retry after a lost answer never sends a second message.
 */
import { randomBytes } from 'node:crypto';
import { signHeaders } from '../supervision/signing.ts';
import type { SmsAccepted, SmsSendPayload } from './types.ts';

/** The provider refused the message (a 4xx other than 408/429: a bad number, a template not approved…). */
export class SmsRefused extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`短信服务商拒收（HTTP ${status}）：${body.slice(0, 300)}`);
    this.name = 'SmsRefused';
  }
}

/** The provider could not take the message now (5xx, 408, 429, timeout, unreachable): retry later. */
export class SmsUnavailable extends Error {
  constructor(message: string, cause?: unknown) {
    super(`短信服务暂不可用：${message}`, { cause });
    this.name = 'SmsUnavailable';
  }
}

/** What the platform needs from an SMS provider; activities depend on this, tests may wire another. */
export interface SmsProvider {
  /** Sends one message; sending the same key again yields the same provider id and no second message. */
  send(payload: SmsSendPayload): Promise<SmsAccepted>;
}

export interface SmsProviderOptions {
  baseUrl: string;
  secret: string;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
}

export function createSmsProvider(options: SmsProviderOptions): SmsProvider {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/messages`;
  return {
    async send(payload) {
      const body = JSON.stringify(payload);
      // A fresh message id per attempt (the receiver refuses a seen id as a replay); the key de-duplicates.
      const headers = {
        'content-type': 'application/json',
        'idempotency-key': payload.key,
        ...signHeaders(options.secret, `msg_${randomBytes(8).toString('hex')}`, body),
      };
      let status: number;
      let text: string;
      try {
        const response = await fetchFn(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
        status = response.status;
        text = await response.text();
      } catch (error) {
        throw new SmsUnavailable(error instanceof Error ? error.message : String(error), error);
      }
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new SmsRefused(status, text);
      if (status < 200 || status >= 300) throw new SmsUnavailable(`HTTP ${status}`);
      let parsed: Partial<SmsAccepted> | undefined;
      try {
        parsed = JSON.parse(text) as Partial<SmsAccepted>;
      } catch {
        parsed = undefined;
      }
      // Taken but unreadable: a retry under the same key brings back the stored answer.
      if (typeof parsed?.providerId !== 'string' || !parsed.providerId) throw new SmsUnavailable(`HTTP ${status} 的应答中没有消息编号`);
      return { providerId: parsed.providerId, duplicate: parsed.duplicate === true };
    },
  };
}
