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

export interface ChainVerdict {
  caseId: string;
  ok: boolean;
  events: number;
  /** The first event whose stored hashes do not match the recomputed chain. */
  brokenAt: { seq: number; reason: 'prev_hash' | 'hash' | 'gap' } | null;
  lastHash: string;
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

/** Recomputes one case's chain from its stored rows. */
export async function verifyCaseChain(db: Db, caseId: string): Promise<ChainVerdict> {
  const rows = (await db('case_events').where({ case_id: caseId }).orderBy('seq')) as EventRow[];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const brokenAt = (reason: 'prev_hash' | 'hash' | 'gap') => ({
      caseId,
      ok: false,
      events: rows.length,
      brokenAt: { seq: row.seq, reason },
      lastHash: prev,
    });
    if (row.seq !== expectedSeq) return brokenAt('gap');
    if (row.prev_hash !== prev) return brokenAt('prev_hash');
    const hash = eventHash(prev, rowToChained(row));
    if (hash !== row.hash) return brokenAt('hash');
    prev = hash;
    expectedSeq++;
  }
  return { caseId, ok: true, events: rows.length, brokenAt: null, lastHash: prev };
}
