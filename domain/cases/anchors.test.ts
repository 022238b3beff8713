import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchorLine, merkleRoot, parseAnchorLine } from './anchors.ts';
import type { ChainHead } from './anchors.ts';

const head = (n: number, seq = n): ChainHead => ({
  caseId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  seq,
  hash: String(n % 10).repeat(64),
});

test('the Merkle root covers every head, whatever their order, and changes with any of them', () => {
  const heads = [1, 2, 3, 4, 5].map((n) => head(n));
  const root = merkleRoot(heads);
  assert.match(root, /^[0-9a-f]{64}$/);
  assert.equal(merkleRoot([...heads].reverse()), root);
  assert.notEqual(merkleRoot(heads.slice(0, 4)), root, 'a head left out');
  assert.notEqual(merkleRoot([...heads.slice(0, 4), head(5, 4)]), root, 'a head at another sequence number');
  assert.notEqual(merkleRoot([...heads.slice(0, 4), { ...head(5), hash: 'f'.repeat(64) }]), root, 'a head with another hash');
  assert.notEqual(merkleRoot([]), merkleRoot([head(1)]));
});

test('an exported anchor line reads back as the anchor it was written from', () => {
  const anchor = { no: 3, createdAt: '2026-12-06T08:00:00.000Z', cases: 2, root: 'c'.repeat(64), heads: [head(1), head(2)] };
  assert.deepEqual(parseAnchorLine(anchorLine(anchor)), anchor);
  assert.throws(() => parseAnchorLine('{"no":"3"}'), /not an anchor line/);
});
