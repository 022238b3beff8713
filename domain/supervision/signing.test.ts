import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignatureError, signHeaders, verifySignature } from './signing.ts';

const SECRET = `whsec_${Buffer.from('test-secret-for-signing').toString('base64')}`;
const BODY = JSON.stringify({ caseId: 'c-1', text: '限期整改' });
const NOW = new Date('2026-03-01T08:00:00Z');

function rejects(reason: string, fn: () => unknown): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof SignatureError, `expected SignatureError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    assert.equal(error.status, 401);
    assert.match(error.message, /[\u4e00-\u9fff]/, 'the message is Chinese');
    return true;
  });
}

test('a signed message verifies and yields its id and timestamp', () => {
  const headers = signHeaders(SECRET, 'msg_1', BODY, NOW);
  assert.match(headers['webhook-signature'] ?? '', /^v1,[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(verifySignature(SECRET, headers, BODY, { now: NOW }), { id: 'msg_1', timestamp: NOW.getTime() / 1000 });
  assert.deepEqual(verifySignature(SECRET, headers, Buffer.from(BODY), { now: NOW }).id, 'msg_1', 'a Buffer body verifies the same');
});

test('a Headers object and mixed-case header names are read too', () => {
  const signed = signHeaders(SECRET, 'msg_2', BODY, NOW);
  assert.equal(verifySignature(SECRET, new Headers(signed), BODY, { now: NOW }).id, 'msg_2');
  const mixed = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), v]));
  assert.equal(verifySignature(SECRET, mixed, BODY, { now: NOW }).id, 'msg_2');
});

test('a raw secret without the whsec_ prefix signs with its UTF-8 bytes', () => {
  const headers = signHeaders('plain-secret', 'msg_3', BODY, NOW);
  assert.equal(verifySignature('plain-secret', headers, BODY, { now: NOW }).id, 'msg_3');
  rejects('bad_signature', () => verifySignature(SECRET, headers, BODY, { now: NOW }));
});

test('a tampered body is rejected', () => {
  const headers = signHeaders(SECRET, 'msg_4', BODY, NOW);
  rejects('bad_signature', () => verifySignature(SECRET, headers, BODY.replace('c-1', 'c-2'), { now: NOW }));
});

test('a tampered id or timestamp is rejected, since both are signed', () => {
  const headers = signHeaders(SECRET, 'msg_5', BODY, NOW);
  rejects('bad_signature', () => verifySignature(SECRET, { ...headers, 'webhook-id': 'msg_6' }, BODY, { now: NOW }));
  const later = String(Number(headers['webhook-timestamp']) + 1);
  rejects('bad_signature', () => verifySignature(SECRET, { ...headers, 'webhook-timestamp': later }, BODY, { now: NOW }));
});

test('a message signed with another secret is rejected', () => {
  const other = `whsec_${Buffer.from('another-secret').toString('base64')}`;
  rejects('bad_signature', () => verifySignature(SECRET, signHeaders(other, 'msg_7', BODY, NOW), BODY, { now: NOW }));
});

test('a timestamp older than the tolerance is expired, one too far ahead is from the future', () => {
  const headers = signHeaders(SECRET, 'msg_8', BODY, NOW);
  const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
  assert.equal(verifySignature(SECRET, headers, BODY, { now: at(300) }).id, 'msg_8', 'the tolerance edge still passes');
  rejects('expired', () => verifySignature(SECRET, headers, BODY, { now: at(301) }));
  rejects('future', () => verifySignature(SECRET, headers, BODY, { now: at(-301) }));
  rejects('expired', () => verifySignature(SECRET, headers, BODY, { now: at(61), toleranceSeconds: 60 }));
});

test('missing headers and a malformed timestamp are named as such', () => {
  const headers = signHeaders(SECRET, 'msg_9', BODY, NOW);
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const without = { ...headers, [name]: undefined };
    rejects('missing_header', () => verifySignature(SECRET, without, BODY, { now: NOW }));
  }
  rejects('bad_timestamp', () => verifySignature(SECRET, { ...headers, 'webhook-timestamp': '17e8' }, BODY, { now: NOW }));
});

test('any one matching signature of several passes, as during a secret rotation', () => {
  const current = signHeaders(SECRET, 'msg_10', BODY, NOW)['webhook-signature'];
  const stale = signHeaders('old-secret', 'msg_10', BODY, NOW)['webhook-signature'];
  const base = signHeaders(SECRET, 'msg_10', BODY, NOW);
  const list = { ...base, 'webhook-signature': `v2,abc ${stale} v1,short ${current}` };
  assert.equal(verifySignature(SECRET, list, BODY, { now: NOW }).id, 'msg_10');
  const repeated = { ...base, 'webhook-signature': [stale ?? '', current ?? ''] };
  assert.equal(verifySignature(SECRET, repeated, BODY, { now: NOW }).id, 'msg_10', 'a repeated header counts as a list');
  rejects('bad_signature', () => verifySignature(SECRET, { ...base, 'webhook-signature': `${stale} v1,` }, BODY, { now: NOW }));
});
