/**
 * The case trail's hash chain: each event's hash covers the previous hash and the event's canonical
 * JSON, so changing, removing or reordering any recorded event breaks every link after it. The
 * verifier recomputes the chain and names the first broken link.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  caseId: string;
  seq: number;
  type: string;
  elementId: string | null;
  taskId: string | null;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  data: unknown;
  occurredAt: string;
}

/** JSON with object keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

/** Why a chain fails: a link, a content hash, a missing sequence number, or a count unlike `cases.last_seq`. */
export type ChainBreak = 'prev_hash' | 'hash' | 'gap' | 'truncated' | 'extra';

export interface ChainVerdict {
  caseId: string;
  ok: boolean;
  events: number;
  /**
   * The first event at fault: the first stored event whose sequence number, link or hash does not match
   * the recomputed chain; for `truncated`, the first missing sequence number up to the case's last_seq;
   * for `extra`, the first event beyond it.
   */
  brokenAt: { seq: number; reason: ChainBreak } | null;
  /** The hash of the last event that verified. */
  lastHash: string;
}

/** A stored event: what was hashed, and the two hashes stored beside it. */
export interface StoredEvent extends ChainedEvent {
  prevHash: string;
  hash: string;
}

interface EventRow {
  case_id: string;
  seq: number;
  type: string;
  element_id: string | null;
  task_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  data: unknown;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

export function rowToChained(row: EventRow): ChainedEvent {
  return {
    caseId: row.case_id,
    seq: row.seq,
    type: row.type,
    elementId: row.element_id,
    taskId: row.task_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    data: row.data,
    occurredAt: row.occurred_at.toISOString(),
  };
}

function rowToStored(row: EventRow): StoredEvent {
  return { ...rowToChained(row), prevHash: row.prev_hash, hash: row.hash };
}

/** The hashed part of a stored event: its two stored hashes are not part of what it hashes. */
function hashedPart(event: StoredEvent): ChainedEvent {
  const { prevHash: _prevHash, hash: _hash, ...hashed } = event;
  return hashed;
}

/**
 * Verifies one case's chain, its events in sequence order, against the case's `last_seq`. Each hash is
 * recomputed from the previous recomputed hash (never from the stored `prevHash`), and each stored
 * `prevHash` must equal it: so a relinked, reordered, removed or inserted event is named even when
 * whoever did it recomputed that row's own hash. A chain rewritten consistently from the genesis on
 * passes here; the anchors (anchors.ts) catch that.
 */
export function verifyChain(caseId: string, events: StoredEvent[], lastSeq: number): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  const broken = (seq: number, reason: ChainBreak): ChainVerdict => ({
    caseId,
    ok: false,
    events: events.length,
    brokenAt: { seq, reason },
    lastHash: prev,
  });
  for (const event of events) {
    if (expectedSeq > lastSeq) return broken(event.seq, 'extra');
    if (event.seq !== expectedSeq) return broken(expectedSeq, 'gap');
    if (event.prevHash !== prev) return broken(event.seq, 'prev_hash');
    const hash = eventHash(prev, hashedPart(event));
    if (hash !== event.hash) return broken(event.seq, 'hash');
    prev = hash;
    expectedSeq++;
  }
  if (expectedSeq <= lastSeq) return broken(expectedSeq, 'truncated');
  return { caseId, ok: true, events: events.length, brokenAt: null, lastHash: prev };
}

/** One case's stored events, in sequence order, up to `uptoSeq` when given. */
export async function loadChain(db: Db, caseId: string, uptoSeq?: number): Promise<StoredEvent[]> {
  const query = db('case_events').where({ case_id: caseId }).orderBy('seq');
  if (uptoSeq !== undefined) query.where('seq', '<=', uptoSeq);
  return ((await query) as EventRow[]).map(rowToStored);
}

/**
 * Recomputes one case's chain from its stored rows and checks it reaches the case's last_seq. Both are
 * read in one snapshot: a step records its events and raises last_seq in one transaction, so a step
 * committing meanwhile cannot look like a missing or an extra event.
 */
export async function verifyCaseChain(db: Db, caseId: string): Promise<ChainVerdict> {
  return db.transaction(
    async (trx) => {
      const found = (await trx('cases').where({ id: caseId }).first('last_seq')) as { last_seq: number } | undefined;
      return verifyChain(caseId, await loadChain(trx, caseId), found?.last_seq ?? 0);
    },
    { isolationLevel: 'repeatable read' },
  );
}
