/**
 * A stand-in for an SMS provider (短信服务商), for development and tests — a SIMULATOR (模拟器): it sends
 * nothing to any phone. It takes signed messages, sends each idempotency key once (however often it is
 * retried), posts signed delivery receipts to the platform, and can be told to fail part of the time
 * (`failRate`: half of those failures lose the answer after the message was taken, the case that only
 * the key makes harmless), to be down, or to report messages undeliverable.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import type { Request, Response } from 'express';
import type { Logger } from '../../domain/logger.ts';
import { maskPhone } from '../../domain/mask.ts';
import { SignatureError, signHeaders, verifySignature } from '../../domain/supervision/signing.ts';
import type { SmsReceipt, SmsSendPayload } from '../../domain/sms/types.ts';
import { renderSmsSimulatorPage } from './page.ts';

/** Failure modes, set through `POST /_control`. */
export interface SmsSimulatorControl {
  /** Share of requests answered 503, 0..1 (half of them after the message was taken). */
  failRate: number;
  /** Answer every request 503. */
  down: boolean;
  /** Report every new message undeliverable (a failed receipt) instead of delivered. */
  undeliverable: boolean;
}

/** One message the simulator took, under its key. */
export interface SimulatedSms {
  providerId: string;
  key: string;
  phone: string;
  template: string;
  text: string;
  receivedAt: string;
  /** Requests that carried this key, failed ones included. */
  requests: number;
  receipt: { status: 'delivered' | 'failed'; deliveredToPlatform: boolean } | null;
}

export interface SmsSimulatorOptions {
  port: number;
  host?: string;
  secret: string;
  logger?: Logger;
  /** Delay of the delivery receipt after a new message; default 300 ms. */
  receiptDelayMs?: number;
}

export interface RunningSmsSimulator {
  url: string;
  control: SmsSimulatorControl;
  /** Messages by key, in arrival order. */
  messages: Map<string, SimulatedSms>;
  /** Requests per key, also for keys never taken. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

export async function startSmsSimulator(options: SmsSimulatorOptions): Promise<RunningSmsSimulator> {
  const { secret, logger, host = '127.0.0.1', receiptDelayMs = 300 } = options;
  const control: SmsSimulatorControl = { failRate: 0, down: false, undeliverable: false };
  const messages = new Map<string, SimulatedSms>();
  const requests = new Map<string, number>();
  const seen = new Set<string>();
  const closing = new AbortController();
  const app = express();
  app.disable('x-powered-by');

  app.get('/', (_req, res) => void res.type('html').send(renderSmsSimulatorPage([...messages.values()].reverse(), control)));
  app.get('/api/messages', (_req, res) => void res.json({ items: [...messages.values()].reverse() }));
  app.get('/_control', (_req, res) => void res.json(control));
  app.post('/_control', express.json(), (req, res) => {
    const { failRate, down, undeliverable } = (req.body ?? {}) as Partial<Record<keyof SmsSimulatorControl, unknown>>;
    if (failRate !== undefined && (typeof failRate !== 'number' || !(failRate >= 0 && failRate <= 1)))
      return void fail(res, 400, 'failRate 须为 0 到 1 之间的数');
    if (down !== undefined && typeof down !== 'boolean') return void fail(res, 400, 'down 须为 true 或 false');
    if (undeliverable !== undefined && typeof undeliverable !== 'boolean') return void fail(res, 400, 'undeliverable 须为 true 或 false');
    Object.assign(control, Object.fromEntries(Object.entries({ failRate, down, undeliverable }).filter(([, v]) => v !== undefined)));
    res.json(control);
  });

  app.post('/api/messages', express.raw({ type: () => true, limit: '64kb' }), async (req: Request, res: Response) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const { id } = verifySignature(secret, req.headers, raw);
      if (seen.has(id)) return void fail(res, 401, `消息 ${id} 已处理过，拒绝重放`);
      seen.add(id);
    } catch (error) {
      if (error instanceof SignatureError) return void fail(res, 401, error.message);
      throw error;
    }
    const key = req.get('idempotency-key')?.trim();
    if (!key) return void fail(res, 400, '缺少 Idempotency-Key 请求头');
    requests.set(key, (requests.get(key) ?? 0) + 1);
    const known = messages.get(key);
    if (known) known.requests = requests.get(key)!;
    if (control.down) return void fail(res, 503, '短信平台维护中');
    const failing = control.failRate > 0 && Math.random() < control.failRate;
    const loseAnswer = failing && Math.random() < 0.5;
    if (failing && !loseAnswer) return void fail(res, 503, '短信平台繁忙，请稍后重试');

    if (known) return void (loseAnswer ? fail(res, 503, '应答丢失') : res.json({ providerId: known.providerId, duplicate: true }));
    let payload: SmsSendPayload;
    try {
      payload = JSON.parse(raw.toString('utf8')) as SmsSendPayload;
    } catch {
      return void fail(res, 400, '请求体不是有效的 JSON');
    }
    if (typeof payload.phone !== 'string' || !/^1\d{10}$/.test(payload.phone)) return void fail(res, 400, '手机号码格式不正确');
    if (typeof payload.text !== 'string' || !payload.text) return void fail(res, 400, '短信内容为空');
    const message: SimulatedSms = {
      providerId: `sms_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`,
      key,
      phone: payload.phone,
      template: String(payload.template ?? ''),
      text: payload.text,
      receivedAt: new Date().toISOString(),
      requests: requests.get(key)!,
      receipt: null,
    };
    messages.set(key, message);
    logger?.info({ providerId: message.providerId, phone: maskPhone(message.phone) }, 'SMS simulator: message taken (not really sent)');
    void report(message, typeof payload.callbackUrl === 'string' ? payload.callbackUrl : null);
    if (loseAnswer) return void fail(res, 503, '应答丢失');
    res.status(201).json({ providerId: message.providerId, duplicate: false });
  });

  /** Posts the delivery receipt, redelivering a few times while the platform does not take it. */
  async function report(message: SimulatedSms, url: string | null): Promise<void> {
    const status = control.undeliverable ? 'failed' : 'delivered';
    message.receipt = { status, deliveredToPlatform: false };
    if (!url) return;
    const receipt: SmsReceipt = {
      providerId: message.providerId,
      key: message.key,
      status,
      error: status === 'failed' ? '用户停机或空号' : null,
      at: new Date().toISOString(),
    };
    const body = JSON.stringify(receipt);
    for (const delay of [receiptDelayMs, 1000, 3000, 10_000]) {
      try {
        await sleep(delay, undefined, { signal: closing.signal });
        const headers = { 'content-type': 'application/json', ...signHeaders(secret, `rcpt_${randomBytes(8).toString('hex')}`, body) };
        const response = await fetch(url, { method: 'POST', headers, body, signal: closing.signal });
        if (response.ok) {
          message.receipt.deliveredToPlatform = true;
          return;
        }
      } catch (error) {
        if (closing.signal.aborted) return;
        logger?.warn({ providerId: message.providerId, err: error }, 'SMS simulator: receipt delivery failed');
      }
    }
  }

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    control,
    messages,
    requests,
    async close() {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function fail(res: Response, status: number, message: string): void {
  if (!res.headersSent) res.status(status).json({ error: { code: status === 401 ? 'SIGNATURE_INVALID' : 'SMS_ERROR', message } });
}
