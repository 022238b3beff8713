/**
 * A stand-in for the supervision system (政务监督信息化系统), for development and tests: it takes signed
 * escalations, de-duplicates them by idempotency key (across restarts when given a state file), posts
 * signed callbacks to the platform, and can be told to fail, stall or refuse so the platform's retry and
 * escalation paths can be exercised on demand.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../domain/logger.ts';
import { SignatureError, signHeaders, verifySignature } from '../../domain/supervision/signing.ts';
import { renderSimulatorPage } from './simulator-page.ts';
import { anchorProblem, applyControl, byReceipt, loadState, payloadProblem, pruneSeen, writeState } from './simulator-state.ts';
import type { CallbackRecord, ReceivedEscalation, SimulatorState } from './simulator-state.ts';
import type { AnchorPayload, EscalationPayload, EscalationReceipt, SupervisionCallback } from '../../domain/supervision/types.ts';

export type { CallbackDelivery, CallbackRecord, ReceivedEscalation, SimulatorControl, SimulatorState } from './simulator-state.ts';

export interface SimulatorOptions {
  port: number;
  host?: string;
  secret: string;
  /** Where callbacks go when an escalation names no callbackUrl. */
  callbackUrl?: string;
  /** JSON file that keeps escalations and seen ids across restarts. */
  stateFile?: string;
  logger?: Logger;
  /** Delay of the automatic 'acknowledged' callback after a new escalation; 0 disables it. Default 1000. */
  autoAcknowledgeMs?: number;
  /** Waits before each redelivery of a failed callback. Default 1 s, 5 s, 15 s. */
  callbackRetryDelaysMs?: number[];
  /**
   * Told of every escalation request as it arrives, before any check: the state de-duplicates by
   * idempotency key, so only this shows a sender that delivers one escalation twice.
   */
  onEscalationRequest?: (request: EscalationRequest) => void;
}

/** One raw escalation request, as received. */
export interface EscalationRequest {
  idempotencyKey: string | undefined;
  messageId: string | undefined;
  at: string;
}

export interface RunningSimulator {
  url: string;
  state: SimulatorState;
  close(): Promise<void>;
}

const ACK_TEXT = '已受理，请按期整改';
const REFUSE_TEXT = '材料不全：缺少整改前后对比照片，请补充后重新报送';
const CALLBACK_TIMEOUT_MS = 10_000;

/** Starts the simulator over HTTP; `port` 0 picks a free port. */
export async function startSupervisionSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const { secret, logger, host = '127.0.0.1', autoAcknowledgeMs = 1000, callbackRetryDelaysMs = [1000, 5000, 15_000] } = options;
  const state = await loadState(options.stateFile);
  const closing = new AbortController();
  // Every pending acknowledgement and callback redelivery waits on it: many at once under load are expected.
  setMaxListeners(0, closing.signal);
  let saving = Promise.resolve();
  // Writes are chained so two snapshots never race on the rename; each answer waits for its write.
  const save = () => (saving = saving.then(() => (options.stateFile ? writeState(options.stateFile, state) : undefined)));
  const json = express.json({ limit: '1mb' });
  const app = express();
  app.disable('x-powered-by');

  app.get('/', (_req, res) => void res.type('html').send(renderSimulatorPage()));
  app.get('/_control', (_req, res) => void res.json(state.control));
  app.post('/_control', json, (req, res) => {
    const problem = applyControl(state.control, req.body);
    if (problem) return void fail(res, 400, 'INVALID_INPUT', problem);
    logger?.info({ control: state.control }, 'supervision simulator: failure controls changed');
    res.json(state.control);
  });

  app.get('/api/escalations', (_req, res) => void res.json({ items: [...state.escalations.values()].reverse() }));
  app.get('/api/escalations/:receiptId', (req, res) => {
    const found = byReceipt(state, req.params.receiptId);
    if (!found) return void fail(res, 404, 'NOT_FOUND', '回执编号不存在');
    res.json(found);
  });

  /** Verifies the signature and refuses a replayed message id; answers 401 and returns false when either fails. */
  function signed(req: Request, res: Response, raw: Buffer): boolean {
    try {
      const { id, timestamp } = verifySignature(secret, req.headers, raw);
      pruneSeen(state);
      if (state.seenMessageIds.has(id)) {
        fail(res, 401, 'SIGNATURE_REPLAYED', `消息 ${id} 已处理过，拒绝重放`);
        return false;
      }
      state.seenMessageIds.set(id, timestamp);
      return true;
    } catch (error) {
      if (error instanceof SignatureError) {
        fail(res, 401, error.code, error.message);
        return false;
      }
      throw error;
    }
  }

  app.get('/api/anchors', (_req, res) => void res.json({ items: [...state.anchors.values()].reverse() }));
  // The audit trail's anchors: kept by number, the first delivery of a number wins (a later one that
  // differs is refused, as a real system would refuse a rewritten root).
  app.post('/api/anchors', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signed(req, res, raw)) return;
    if (state.control.down) return void fail(res, 503, 'UNAVAILABLE', '系统维护中，请稍后重试');
    const anchor = parsed<AnchorPayload>(res, raw, anchorProblem);
    if (!anchor) return;
    const known = state.anchors.get(anchor.no);
    if (known && known.root !== anchor.root) return void fail(res, 409, 'CONFLICT', `锚点 ${anchor.no} 已登记，根哈希不同`);
    if (!known) state.anchors.set(anchor.no, { ...anchor, receivedAt: new Date().toISOString() });
    await save();
    res.status(known ? 200 : 201).json(state.anchors.get(anchor.no));
  });

  // Raw body: the signature covers the exact bytes sent.
  app.post('/api/escalations', express.raw({ type: () => true, limit: '10mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    options.onEscalationRequest?.({
      idempotencyKey: req.get('idempotency-key'),
      messageId: req.get('webhook-id'),
      at: new Date().toISOString(),
    });
    const { control } = state;
    if (control.delayMs > 0 && !(await pause(control.delayMs, closing.signal))) return;
    if (!signed(req, res, raw)) return;
    const key = req.get('idempotency-key')?.trim();
    if (!key) return void fail(res, 400, 'INVALID_INPUT', '缺少 Idempotency-Key 请求头', 'header.idempotency-key');
    const attempts = (state.attempts.get(key) ?? 0) + 1;
    state.attempts.set(key, attempts);
    const known = state.escalations.get(key);
    if (known) known.attempts = attempts;
    await save();

    if (control.down) return void fail(res, 503, 'UNAVAILABLE', '系统维护中，请稍后重试');
    if (control.failRate > 0 && Math.random() < control.failRate) return void fail(res, 503, 'UNAVAILABLE', '系统繁忙，请稍后重试');
    if (control.refuse) return void fail(res, 422, 'REFUSED', REFUSE_TEXT);

    // Read again after the await: a concurrent first delivery of the same key may have been recorded meanwhile.
    const existing = state.escalations.get(key);
    if (existing) {
      const receipt: EscalationReceipt = { receiptId: existing.receiptId, duplicate: true, receivedAt: existing.receivedAt };
      return void res.status(200).json(receipt);
    }
    const payload = parsed<EscalationPayload>(res, raw, payloadProblem);
    if (!payload) return;

    const receivedAt = new Date().toISOString();
    const escalation: ReceivedEscalation = { receiptId: newId('rcpt'), idempotencyKey: key, payload, receivedAt, attempts, callbacks: [] };
    state.escalations.set(key, escalation);
    await save();
    logger?.info({ receiptId: escalation.receiptId, caseNumber: payload.caseNumber }, 'supervision simulator: escalation received');
    if (autoAcknowledgeMs > 0) {
      void pause(autoAcknowledgeMs, closing.signal)
        .then((go) => (go ? sendCallback(escalation, 'acknowledged', ACK_TEXT) : undefined))
        .catch(backgroundFailed);
    }
    res.status(201).json({ receiptId: escalation.receiptId, duplicate: false, receivedAt } satisfies EscalationReceipt);
  });

  app.post('/api/escalations/:receiptId/callbacks', json, async (req, res) => {
    const escalation = byReceipt(state, req.params.receiptId);
    if (!escalation) return void fail(res, 404, 'NOT_FOUND', '回执编号不存在');
    const { kind, text } = (req.body ?? {}) as { kind?: unknown; text?: unknown };
    if (kind !== 'instruction' && kind !== 'result')
      return void fail(res, 400, 'INVALID_INPUT', 'kind 须为 instruction 或 result', 'body.kind');
    if (typeof text !== 'string' || !text.trim()) return void fail(res, 400, 'INVALID_INPUT', '请填写内容', 'body.text');
    const record = await sendCallback(escalation, kind, text.trim());
    res.status(201).json(record);
  });

  app.use((_req: Request, res: Response) => fail(res, 404, 'NOT_FOUND', '地址不存在'));
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger?.error({ err: error }, 'supervision simulator: request failed');
    fail(res, status, status === 500 ? 'INTERNAL' : 'INVALID_INPUT', status === 500 ? '模拟器内部错误' : '请求无法解析');
  });

  // Background work has no request to answer; a failure (say, the state file unwritable) is logged, not fatal.
  function backgroundFailed(error: unknown): void {
    logger?.error({ err: error }, 'supervision simulator: background callback work failed');
  }

  /** Posts one callback, then redelivers in the background while the platform is unreachable or failing. */
  async function sendCallback(escalation: ReceivedEscalation, kind: SupervisionCallback['kind'], text: string): Promise<CallbackRecord> {
    const seq = escalation.callbacks.length + 1;
    const callback: SupervisionCallback = {
      id: newId('cb'),
      idempotencyKey: `${escalation.receiptId}:${seq}`,
      caseId: escalation.payload.caseId,
      receiptId: escalation.receiptId,
      kind,
      text,
      at: new Date().toISOString(),
    };
    const record: CallbackRecord = { callback, url: escalation.payload.callbackUrl || options.callbackUrl || null, deliveries: [] };
    escalation.callbacks.push(record);
    const retry = await deliver(record);
    await save();
    if (retry) void redeliver(record).catch(backgroundFailed);
    return record;
  }

  async function redeliver(record: CallbackRecord): Promise<void> {
    for (const delay of callbackRetryDelaysMs) {
      if (!(await pause(delay, closing.signal))) return;
      const retry = await deliver(record);
      await save();
      if (!retry) return;
    }
    logger?.warn({ callbackId: record.callback.id }, 'supervision simulator: callback undeliverable, gave up');
  }

  /** One delivery; true when another attempt could succeed. */
  async function deliver(record: CallbackRecord): Promise<boolean> {
    const at = new Date().toISOString();
    if (!record.url) {
      record.deliveries.push({ at, ok: false, error: '没有回调地址' });
      return false;
    }
    const body = JSON.stringify(record.callback);
    // A fresh message id per delivery, as the platform rejects a seen id; it de-duplicates on idempotencyKey.
    const headers = { 'content-type': 'application/json', ...signHeaders(secret, newId('msg'), body) };
    try {
      const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]);
      const response = await fetch(record.url, { method: 'POST', headers, body, signal });
      const answer = (await response.text()).slice(0, 2000);
      record.deliveries.push({ at, ok: response.ok, status: response.status, body: answer });
      return !response.ok && (response.status >= 500 || response.status === 408 || response.status === 429);
    } catch (error) {
      record.deliveries.push({ at, ok: false, error: rootMessage(error) });
      logger?.warn({ callbackId: record.callback.id, err: error }, 'supervision simulator: callback delivery failed');
      return !closing.signal.aborted;
    }
  }

  const server: Server = await new Promise((resolve, reject) => {
    // Express 5 also calls the listen callback with a listen error (EADDRINUSE…), which must not count as started.
    const s = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    state,
    async close() {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saving;
    },
  };
}

/** The signed body as JSON that `problem` finds complete; otherwise answers 400 naming the field and returns undefined. */
function parsed<T>(res: Response, raw: Buffer, problem: (value: T) => string | undefined): T | undefined {
  let value: T;
  try {
    value = JSON.parse(raw.toString('utf8')) as T;
  } catch {
    fail(res, 400, 'INVALID_INPUT', '请求体不是有效的 JSON', 'body');
    return undefined;
  }
  const missing = problem(value);
  if (missing) {
    fail(res, 400, 'INVALID_INPUT', `字段 ${missing} 缺失或格式不对`, `body.${missing}`);
    return undefined;
  }
  return value;
}

function fail(res: Response, status: number, code: string, message: string, field?: string): void {
  if (!res.headersSent) res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

/** fetch reports "fetch failed"; the innermost cause says why (ECONNREFUSED, a timeout…). */
function rootMessage(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error ? inner.message : String(inner);
}

function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}

/** Waits, or resolves false as soon as the simulator closes. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
