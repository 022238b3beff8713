/**
 * Request signing between the platform and the supervision system (政务监督信息化系统), in the Standard
 * Webhooks style (https://www.standardwebhooks.com/): HMAC-SHA256 over `id.timestamp.body`, sent as
 * `webhook-id`, `webhook-timestamp` and `webhook-signature`. Both directions use the same shared secret,
 * so the platform's outbound calls, the simulator and the platform's callback endpoint share this code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../errors.ts';

/** Why a signed request was rejected; stable, for logs and tests. */
export type SignatureFailure = 'missing_header' | 'bad_timestamp' | 'expired' | 'future' | 'bad_signature';

/**
 * A request whose signature does not hold. A 401 in the platform's error vocabulary, so the callback
 * endpoint can simply let it reach the error middleware.
 */
export class SignatureError extends UnauthenticatedError {
  constructor(
    readonly reason: SignatureFailure,
    message: string,
  ) {
    super(`SIGNATURE_${reason.toUpperCase()}`, message);
  }
}

/** Plain header records (Node's `req.headers`) or a `Headers`-like object with a getter (fetch). */
export type HeaderSource = Record<string, string | string[] | undefined> | { get(name: string): string | null };

/** Default allowed clock difference, as the Standard Webhooks reference libraries use. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SIGNATURE_VERSION = 'v1';

/** The HMAC key: the base64 part of `whsec_…`, or the UTF-8 bytes of a raw secret (simple test setups). */
function secretKey(secret: string): Buffer {
  if (secret.startsWith('whsec_')) return Buffer.from(secret.slice('whsec_'.length), 'base64');
  return Buffer.from(secret, 'utf8');
}

function sign(secret: string, id: string, timestamp: number, body: string | Buffer): Buffer {
  // Hash the body as bytes: re-encoding a parsed body could change it and break the signature.
  return createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.`).update(body).digest();
}

/** The three signing headers for one message. `id` must be new for each delivery the receiver should accept. */
export function signHeaders(secret: string, id: string, body: string | Buffer, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `${SIGNATURE_VERSION},${sign(secret, id, timestamp, body).toString('base64')}`,
  };
}

function hasGetter(headers: HeaderSource): headers is { get(name: string): string | null } {
  return typeof (headers as { get?: unknown }).get === 'function';
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (hasGetter(headers)) return headers.get(name) ?? undefined;
  let value = headers[name];
  if (value === undefined) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : headers[key];
  }
  // A repeated header arrives as an array; for the signature list both forms mean "any of these".
  return Array.isArray(value) ? value.join(' ') : value;
}

/**
 * Checks the signing headers of a received request against its raw body and returns the message id and
 * timestamp. Throws a {@link SignatureError} otherwise. Remembering seen ids (replay protection within
 * the tolerance window) is the caller's job, because only the caller has somewhere durable to keep them.
 */
export function verifySignature(
  secret: string,
  headers: HeaderSource,
  rawBody: string | Buffer,
  opts: { toleranceSeconds?: number; now?: Date } = {},
): { id: string; timestamp: number } {
  const id = header(headers, 'webhook-id')?.trim();
  const timestampText = header(headers, 'webhook-timestamp')?.trim();
  const signatures = header(headers, 'webhook-signature')?.trim();
  if (!id || !timestampText || !signatures) {
    throw new SignatureError('missing_header', '缺少签名请求头（webhook-id、webhook-timestamp、webhook-signature）');
  }
  if (!/^\d{1,12}$/.test(timestampText)) throw new SignatureError('bad_timestamp', 'webhook-timestamp 不是有效的 Unix 时间戳（秒）');
  const timestamp = Number(timestampText);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (nowSeconds - timestamp > tolerance) throw new SignatureError('expired', '签名已过期，请求时间超出允许范围');
  if (timestamp - nowSeconds > tolerance) throw new SignatureError('future', '签名时间晚于当前时间，请检查双方时钟');

  const expected = sign(secret, id, timestamp, rawBody);
  const matches = signatures.split(/\s+/).some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== SIGNATURE_VERSION || !value) return false;
    const given = Buffer.from(value, 'base64');
    // timingSafeEqual needs equal lengths; the length of a digest is not secret.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new SignatureError('bad_signature', '签名校验失败');
  return { id, timestamp };
}
