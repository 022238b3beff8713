/**
 * Idempotency-Key handling for mutating requests: the first request with a key runs and its reply is
 * stored; a repeat with the same key and the same request gets that reply again (header
 * `Idempotent-Replayed: true`); the same key with a different request is refused.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { AppError, ConflictError, InputError, RuleError } from '../../domain/errors.ts';
import type { IdempotencyStore } from '../../domain/stores/idempotency.ts';
import type { Reply } from './router.ts';
import { errorBody } from './errors.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export class Idempotency {
  constructor(private readonly store: IdempotencyStore) {}

  async run(req: Request, handler: () => Promise<Reply>): Promise<Reply> {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return handler();
    if (!KEY_PATTERN.test(key)) {
      throw InputError.field('header.Idempotency-Key', 'format', 'Idempotency-Key 应为 1–200 个可见 ASCII 字符');
    }
    const actor = req.ctx.user ? `user:${req.ctx.user.id}` : `anon:${req.ctx.ip ?? ''}`;
    const hash = createHash('sha256')
      .update(JSON.stringify([req.originalUrl, req.body ?? null]))
      .digest('hex');
    const claim = await this.store.claim(actor, key, req.method, req.baseUrl + req.path, hash);
    switch (claim.kind) {
      case 'replay':
        req.res?.setHeader('Idempotent-Replayed', 'true');
        return { status: claim.status, body: claim.response ?? undefined };
      case 'in-progress':
        throw new ConflictError('IDEMPOTENCY_IN_PROGRESS', '相同 Idempotency-Key 的请求正在处理中，请稍后重试');
      case 'mismatch':
        throw RuleError.field('header.Idempotency-Key', 'reused', '该 Idempotency-Key 已用于另一个不同的请求', 'IDEMPOTENCY_KEY_REUSED');
      case 'new':
        break;
    }
    try {
      const reply = await handler();
      await this.store.complete(actor, key, reply.status ?? (reply.body === undefined ? 204 : 200), reply.body ?? null);
      return reply;
    } catch (error) {
      // A refusal (4xx) is an answer and is replayed; a server failure frees the key for a retry.
      if (error instanceof AppError && error.status < 500) {
        await this.store.complete(actor, key, error.status, errorBody(error, req.ctx.requestId));
      } else {
        await this.store.release(actor, key);
      }
      throw error;
    }
  }
}
