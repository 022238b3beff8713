import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENESIS_HASH, eventHash, verifyChain } from './chain.ts';
import type { ChainedEvent, StoredEvent } from './chain.ts';

const CASE = '00000000-0000-4000-8000-000000000001';

function event(seq: number, type = `step-${seq}`): ChainedEvent {
  return {
    caseId: CASE,
    seq,
    type,
    elementId: `Task_${seq}`,
    taskId: null,
    actorId: null,
    actorName: '张**',
    actorRole: 'town_officer',
    data: { note: `记录 ${seq}` },
    occurredAt: new Date(Date.UTC(2026, 11, 1, 8, seq)).toISOString(),
  };
}

/** A well-formed chain of `n` events. */
function chain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = event(seq);
    const hash = eventHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

/**
 * What a forger who recomputes each edited row's own hash does: the row's hash is made to match its
 * content and its stored prev_hash, but the links between rows are left as they fall.
 */
function reseal(e: StoredEvent): StoredEvent {
  const { prevHash, hash: _old, ...hashed } = e;
  return { ...e, hash: eventHash(prevHash, hashed) };
}

const renumber = (e: StoredEvent, seq: number): StoredEvent => reseal({ ...e, seq });

test('an intact chain that reaches the case’s last sequence number passes', () => {
  const verdict = verifyChain(CASE, chain(7), 7);
  assert.equal(verdict.ok, true);
  assert.equal(verdict.brokenAt, null);
  assert.equal(verdict.lastHash, chain(7)[6]?.hash);
});

test('an edited event is named by its content hash', () => {
  const events = chain(7);
  events[2] = { ...events[2]!, data: { note: '伪造' } };
  assert.deepEqual(verifyChain(CASE, events, 7).brokenAt, { seq: 3, reason: 'hash' });
});

test('a relinked event (its stored prev_hash changed, its own hash kept) is named by the link', () => {
  const events = chain(7);
  events[3] = { ...events[3]!, prevHash: events[1]!.hash };
  assert.deepEqual(verifyChain(CASE, events, 7).brokenAt, { seq: 4, reason: 'prev_hash' });
});

test('an edited event whose own hash was recomputed is named at the next link', () => {
  const events = chain(7);
  events[2] = reseal({ ...events[2]!, data: { note: '伪造' } });
  assert.deepEqual(verifyChain(CASE, events, 7).brokenAt, { seq: 4, reason: 'prev_hash' });
});

test('two reordered events, renumbered and resealed, are named where the order breaks', () => {
  const events = chain(7);
  const [third, fourth] = [events[2]!, events[3]!];
  events[2] = renumber(fourth, 3);
  events[3] = renumber(third, 4);
  assert.deepEqual(verifyChain(CASE, events, 7).brokenAt, { seq: 3, reason: 'prev_hash' });
});

test('a deleted event is named: as a gap, or, renumbered and resealed with last_seq lowered, by the link', () => {
  const gap = chain(7).filter((e) => e.seq !== 3);
  assert.deepEqual(verifyChain(CASE, gap, 7).brokenAt, { seq: 3, reason: 'gap' });
  const closed = chain(7)
    .filter((e) => e.seq !== 3)
    .map((e) => (e.seq > 3 ? renumber(e, e.seq - 1) : e));
  assert.deepEqual(verifyChain(CASE, closed, 6).brokenAt, { seq: 3, reason: 'prev_hash' });
});

test('deleting the last events is named against the case’s last_seq', () => {
  const events = chain(7).slice(0, 5);
  const verdict = verifyChain(CASE, events, 7);
  assert.equal(verdict.ok, false);
  assert.deepEqual(verdict.brokenAt, { seq: 6, reason: 'truncated' });
  assert.equal(verdict.lastHash, events[4]?.hash);
});

test('an inserted event, chained to its predecessor, is named at the event it displaced', () => {
  const events = chain(7);
  const forged: ChainedEvent = { ...event(3, 'forged'), data: { note: '插入' } };
  const inserted: StoredEvent = { ...forged, prevHash: events[1]!.hash, hash: eventHash(events[1]!.hash, forged) };
  const withInsert = [...events.slice(0, 2), inserted, ...events.slice(2).map((e) => renumber(e, e.seq + 1))];
  assert.deepEqual(verifyChain(CASE, withInsert, 8).brokenAt, { seq: 4, reason: 'prev_hash' });
});

test('an event appended beyond the case’s last_seq is named as extra', () => {
  const events = chain(8);
  assert.deepEqual(verifyChain(CASE, events, 7).brokenAt, { seq: 8, reason: 'extra' });
});

test('an event whose chained content and stored hash agree but whose sequence number differs is named', () => {
  const events = chain(7);
  events[4] = renumber(events[4]!, 9);
  assert.deepEqual(verifyChain(CASE, events, 7).brokenAt, { seq: 5, reason: 'gap' });
});
