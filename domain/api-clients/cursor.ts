/**
 * The change feed's cursor: the position (transaction id, change sequence) of the last house served,
 * opaque to the client (base64url of `v1:<xid>:<seq>`). An absent cursor starts at the beginning.
 */
export interface ChangePosition {
  xid: string;
  seq: string;
}

export const START: ChangePosition = { xid: '0', seq: '0' };

const DIGITS = /^\d{1,20}$/;

export function encodeCursor(p: ChangePosition): string {
  return Buffer.from(`v1:${p.xid}:${p.seq}`, 'utf8').toString('base64url');
}

/** The position of a cursor this API gave out; undefined for anything else. */
export function decodeCursor(cursor: string): ChangePosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(cursor)) return undefined;
  const [version, xid, seq, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (version !== 'v1' || rest.length || !xid || !seq || !DIGITS.test(xid) || !DIGITS.test(seq)) return undefined;
  // Both are PostgreSQL 64-bit values (xid8 is unsigned, bigint signed; sequences stay positive).
  if (BigInt(xid) > 18446744073709551615n || BigInt(seq) > 9223372036854775807n) return undefined;
  return { xid, seq };
}
