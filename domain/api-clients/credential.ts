/**
 * A higher-level platform's credential: `<client id>.<secret>`, sent as `Authorization: Bearer …`. The
 * secret is 32 random bytes, shown once when the client is created and kept only as its SHA-256 (a
 * random 256-bit secret needs no slow hash: there is nothing to guess). The shape never matches a
 * session token (base64url, no dot), so the session middleware can leave it to the platform routes.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface NewCredential {
  id: string;
  secret: string;
  /** What the platform sends: `<id>.<secret>`. */
  token: string;
  secretHash: string;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function newCredential(): NewCredential {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

/** True when a bearer token has the shape of an API client's credential (not a session's). */
export const isClientToken = (token: string): boolean => TOKEN.test(token);

/** The id and secret of a well-formed token; undefined otherwise. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const m = TOKEN.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}

/** Whether `secret` is the one whose hash is stored, in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
