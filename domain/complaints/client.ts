/**
 * Who a citizen without an account is, for abuse limits: the network they send from, never stored as
 * such. An IPv4 address counts alone; an IPv6 address counts by its /64, because one subscriber gets a
 * whole /64 and can rotate through it at will. The key is hashed with a server secret, so a copy of
 * the database does not give back addresses (an unkeyed hash of the 2^32 IPv4 addresses is reversed
 * in minutes).
 */
import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** The 8 groups of an IPv6 address as numbers, or undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0] as string;
  if (!isIPv6(text)) return undefined;
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The network a limit counts: `4:a.b.c.d` for IPv4 (IPv4-mapped IPv6 included), `6:xxxx:xxxx:xxxx:xxxx::/64`
 * for IPv6, the raw text for anything else (a test or a unix socket).
 */
export function clientNetwork(address: string): string {
  const trimmed = address.trim();
  if (isIPv4(trimmed)) return `4:${trimmed}`;
  const groups = ipv6Groups(trimmed);
  if (!groups) return `?:${trimmed}`;
  const [, , , , , g5, g6 = 0, g7 = 0] = groups;
  if (groups.slice(0, 5).every((g) => g === 0) && g5 === 0xffff) return `4:${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  return `6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** A keyed hash (HMAC-SHA-256) of the client's network, for limits and for rows that count by sender. */
export function clientHash(secret: string, address: string): string {
  return createHmac('sha256', secret)
    .update(`ydym-client:${clientNetwork(address)}`)
    .digest('hex');
}
