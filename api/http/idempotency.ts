/**
 * Idempotency-Key handling for mutating requests: the first request with a key runs and its reply is
 * stored; a repeat with the same key and the same request gets that reply again (header
 * `Idempotent-Replayed: true`); the same key with a different request is refused.
 *
 * A stored reply can hold a secret (a complaint's 查询码, which a citizen who lost the answer must get
 * back by retrying), so the database never holds the key or the reply in clear: the row is found by a
 * hash of the key keyed with the server secret, and the reply is sealed with AES-256-GCM under a key
 * derived (HKDF-SHA-256) from the Idempotency-Key itself. Only a client presenting the key can open
 * it; a copy of the database alone, or with the server secret, cannot.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { AppError, ConflictError, InputError, RuleError } from '../../domain/errors.ts';
import type { IdempotencyStore } from '../../domain/stores/idempotency.ts';
import type { Reply } from './router.ts';
import { errorBody } from './errors.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const SEAL_VERSION = 1;

interface Keys {
  actor: string;
  /** Finds the row: HMAC(server secret, actor, key). */
  lookup: string;
  /** Opens the stored reply: HKDF(key, salt = HMAC(server secret, actor)). */
  seal: Buffer;
  /** Compares requests without storing a digest of their bodies that could be tried against guesses. */
  request: Buffer;
}

export class Idempotency {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly secret: string,
  ) {}

  private keys(req: Request, key: string): Keys {
    const hmac = (text: string) => createHmac('sha256', this.secret).update(text).digest();
    // A citizen without an account is told apart by address, which is personal data: kept only hashed.
    const actor = req.ctx.user ? `user:${req.ctx.user.id}` : `anon:${hmac(`idempotency-actor\0${req.ctx.ip ?? ''}`).toString('hex')}`;
    const salt = hmac(`idempotency-seal\0${actor}`);
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', key, salt, info, 32));
    return {
      actor,
      lookup: hmac(`idempotency-lookup\0${actor}\0${key}`).toString('hex'),
      seal: derive('ydym idempotency response v1'),
      request: derive('ydym idempotency request v1'),
    };
  }

  private sealReply(keys: Keys, status: number, body: unknown): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keys.seal, iv);
    cipher.setAAD(Buffer.from(`${keys.lookup}:${status}`));
    const data = Buffer.concat([cipher.update(JSON.stringify(body ?? null), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([SEAL_VERSION]), iv, cipher.getAuthTag(), data]);
  }

  private openReply(keys: Keys, status: number, sealed: Buffer): unknown {
    const decipher = createDecipheriv('aes-256-gcm', keys.seal, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(`${keys.lookup}:${status}`));
    decipher.setAuthTag(sealed.subarray(13, 29));
    const text = Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as unknown;
  }

  async run(req: Request, handler: () => Promise<Reply>): Promise<Reply> {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return handler();
    if (!KEY_PATTERN.test(key)) {
      throw InputError.field('header.Idempotency-Key', 'format', 'Idempotency-Key 应为 1–200 个可见 ASCII 字符');
    }
    const keys = this.keys(req, key);
    const hash = createHmac('sha256', keys.request)
      .update(
        createHash('sha256')
          .update(JSON.stringify([req.originalUrl, req.body ?? null]))
          .digest(),
      )
      .digest('hex');
    const claim = await this.store.claim(keys.actor, keys.lookup, req.method, req.baseUrl + req.path, hash);
    switch (claim.kind) {
      case 'replay': {
        req.res?.setHeader('Idempotent-Replayed', 'true');
        const body = claim.sealed ? this.openReply(keys, claim.status, claim.sealed) : null;
        return { status: claim.status, body: body ?? undefined };
      }
      case 'in-progress':
        throw new ConflictError('IDEMPOTENCY_IN_PROGRESS', '相同 Idempotency-Key 的请求正在处理中，请稍后重试');
      case 'mismatch':
        throw RuleError.field('header.Idempotency-Key', 'reused', '该 Idempotency-Key 已用于另一个不同的请求', 'IDEMPOTENCY_KEY_REUSED');
      case 'new':
        break;
    }
    req.ctx.requestRef = keys.lookup;
    try {
      const reply = await handler();
      const status = reply.status ?? (reply.body === undefined ? 204 : 200);
      await this.store.complete(keys.actor, keys.lookup, status, this.sealReply(keys, status, reply.body));
      return reply;
    } catch (error) {
      // A refusal (4xx) is an answer and is replayed; a server failure frees the key for a retry.
      if (error instanceof AppError && error.status < 500) {
        const body = errorBody(error, req.ctx.requestId);
        await this.store.complete(keys.actor, keys.lookup, error.status, this.sealReply(keys, error.status, body));
      } else {
        await this.store.release(keys.actor, keys.lookup);
      }
      throw error;
    }
  }
}
