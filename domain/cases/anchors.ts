/**
 * Anchors of the case trail. The hash chain shows an edit only to someone who kept an earlier hash: a
 * holder of the owner role can switch the triggers off, rewrite a case's events and recompute its whole
 * chain. So, periodically, the head of every chain (case, last sequence number, hash of that event) is
 * recorded with a Merkle root over all heads, in the append-only anchor tables and, outside the
 * database, as a line of a JSON Lines file and (where configured) at the supervision system. A rewrite
 * then disagrees with a root kept elsewhere.
 *
 * Each anchor stores only the heads that changed since the previous one; folding the anchors in order
 * gives every head at each anchor, from which its root is recomputed.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db.ts';
import { GENESIS_HASH, eventHash, loadChain } from './chain.ts';

export interface ChainHead {
  caseId: string;
  seq: number;
  hash: string;
}

/** One anchor as stored and exported: `heads` are those that changed since the previous anchor. */
export interface AnchorRecord {
  no: number;
  createdAt: string;
  /** How many case heads the root covers. */
  cases: number;
  root: string;
  heads: ChainHead[];
}

/** Any number, the same in every process: one anchor is written at a time. */
const ANCHOR_LOCK = 7_318_244_020;
const CHUNK = 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The Merkle root over chain heads, sorted by case id: leaves and inner nodes are hashed with distinct
 * prefixes (so a node cannot pass for a leaf), and an odd node is carried up unchanged.
 */
export function merkleRoot(heads: ChainHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  let level = sorted.map((h) => sha256(`leaf\n${h.caseId}\n${h.seq}\n${h.hash}`));
  if (level.length === 0) return sha256('empty');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? sha256(`node\n${level[i]}\n${level[i + 1]}`) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/**
 * Records the current head of every case chain as the next anchor. Every case is covered, changed or
 * not, so the anchors also show that anchoring kept running.
 */
export async function writeAnchor(db: Db): Promise<AnchorRecord> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [ANCHOR_LOCK]);
    // One statement, one snapshot: a step writes its events and raises last_seq in one transaction.
    const current = (
      (await trx.raw(
        `SELECT c.id AS "caseId", c.last_seq AS seq, e.hash
           FROM cases c JOIN case_events e ON e.case_id = c.id AND e.seq = c.last_seq
          WHERE c.last_seq > 0`,
      )) as { rows: ChainHead[] }
    ).rows;
    const previous = (
      (await trx.raw(
        `SELECT DISTINCT ON (case_id) case_id AS "caseId", seq, hash FROM audit_anchor_heads ORDER BY case_id, anchor_no DESC`,
      )) as { rows: ChainHead[] }
    ).rows;
    const before = new Map(previous.map((h) => [h.caseId, h]));
    const changed = current.filter((h) => before.get(h.caseId)?.seq !== h.seq || before.get(h.caseId)?.hash !== h.hash);
    const last = (await trx('audit_anchors').max('no as no').first()) as { no: number | null } | undefined;
    const no = (last?.no ?? 0) + 1;
    const root = merkleRoot(current);
    const [row] = (await trx('audit_anchors')
      .insert({ no, cases: current.length, changed: changed.length, root })
      .returning('created_at')) as { created_at: Date }[];
    for (let i = 0; i < changed.length; i += CHUNK) {
      await trx('audit_anchor_heads').insert(
        changed.slice(i, i + CHUNK).map((h) => ({ anchor_no: no, case_id: h.caseId, seq: h.seq, hash: h.hash })),
      );
    }
    return { no, createdAt: row!.created_at.toISOString(), cases: current.length, root, heads: changed };
  });
}

/** The anchors stored in the database, in order, `afterNo` excluded. */
export async function loadAnchors(db: Db, afterNo = 0): Promise<AnchorRecord[]> {
  const anchors = (await db('audit_anchors').where('no', '>', afterNo).orderBy('no')) as {
    no: number;
    created_at: Date;
    cases: number;
    root: string;
  }[];
  if (anchors.length === 0) return [];
  const heads = (await db('audit_anchor_heads')
    .where('anchor_no', '>', afterNo)
    .orderBy(['anchor_no', 'case_id'])
    .select('anchor_no', 'case_id', 'seq', 'hash')) as { anchor_no: number; case_id: string; seq: number; hash: string }[];
  const byAnchor = new Map<number, ChainHead[]>();
  for (const h of heads) {
    const list = byAnchor.get(h.anchor_no) ?? [];
    list.push({ caseId: h.case_id, seq: h.seq, hash: h.hash });
    byAnchor.set(h.anchor_no, list);
  }
  return anchors.map((a) => ({
    no: a.no,
    createdAt: a.created_at.toISOString(),
    cases: a.cases,
    root: a.root,
    heads: byAnchor.get(a.no) ?? [],
  }));
}

/** One exported line: heads as `[caseId, seq, hash]` triples, to keep the file small. */
export function anchorLine(record: AnchorRecord): string {
  const { heads, ...rest } = record;
  return JSON.stringify({ ...rest, heads: heads.map((h) => [h.caseId, h.seq, h.hash]) });
}

/** Reads one exported line; throws when it is not one. */
export function parseAnchorLine(line: string): AnchorRecord {
  const value = JSON.parse(line) as { no?: unknown; createdAt?: unknown; cases?: unknown; root?: unknown; heads?: unknown };
  const { no, createdAt, cases, root, heads } = value;
  if (
    typeof no !== 'number' ||
    typeof createdAt !== 'string' ||
    typeof cases !== 'number' ||
    typeof root !== 'string' ||
    !Array.isArray(heads) ||
    !heads.every((h) => Array.isArray(h) && typeof h[0] === 'string' && typeof h[1] === 'number' && typeof h[2] === 'string')
  ) {
    throw new Error('not an anchor line');
  }
  return { no, createdAt, cases, root, heads: (heads as [string, number, string][]).map(([caseId, seq, hash]) => ({ caseId, seq, hash })) };
}

/**
 * Everything that does not hold between the anchors, their copy kept elsewhere and the case events,
 * in Chinese for the auditor: an anchor whose root does not match its heads (the anchor tables were
 * edited), an anchor of the file missing or different in the database, and an anchored head that the
 * events no longer reach or hash to (a chain rewritten or cut after it was anchored).
 */
export async function verifyAnchors(db: Db, copy?: AnchorRecord[]): Promise<{ anchors: number; heads: number; problems: string[] }> {
  const problems: string[] = [];
  const stored = await loadAnchors(db);
  checkRoots(stored, '数据库', problems);
  if (copy) {
    checkRoots(copy, '导出文件', problems);
    const byNo = new Map(stored.map((a) => [a.no, a]));
    for (const a of copy) {
      const mine = byNo.get(a.no);
      if (!mine) problems.push(`锚点 ${a.no}：导出文件中有，数据库中缺失（锚点记录被删除）`);
      else if (mine.root !== a.root || mine.cases !== a.cases)
        problems.push(`锚点 ${a.no}：数据库与导出文件的根哈希不符（锚点记录被改动）`);
    }
  }
  // Every head any anchor recorded, per case: the events must still reach each and hash to it.
  const anchored = new Map<string, { no: number; seq: number; hash: string }[]>();
  for (const a of [...stored, ...(copy ?? [])]) {
    for (const h of a.heads) {
      const list = anchored.get(h.caseId) ?? [];
      list.push({ no: a.no, seq: h.seq, hash: h.hash });
      anchored.set(h.caseId, list);
    }
  }
  let heads = 0;
  for (const [caseId, list] of anchored) {
    const upto = Math.max(...list.map((h) => h.seq));
    const hashes = recomputedHashes(await loadChain(db, caseId, upto));
    const number = ((await db('cases').where({ id: caseId }).first('number')) as { number: string } | undefined)?.number ?? caseId;
    const seen = new Set<string>();
    for (const h of list) {
      const key = `${h.seq}:${h.hash}`;
      if (seen.has(key)) continue;
      seen.add(key);
      heads++;
      if (hashes.length < h.seq)
        problems.push(`案件 ${number}：锚点 ${h.no} 记录了第 ${h.seq} 条，现仅存 ${hashes.length} 条（记录被删除）`);
      else if (hashes[h.seq - 1] !== h.hash) problems.push(`案件 ${number}：第 ${h.seq} 条记录处的哈希与锚点 ${h.no} 不符（记录被改写）`);
    }
  }
  return { anchors: Math.max(stored.length, copy?.length ?? 0), heads, problems };
}

/** The chain's hash after each event, recomputed from the genesis (not read from the stored columns). */
function recomputedHashes(events: Awaited<ReturnType<typeof loadChain>>): string[] {
  const out: string[] = [];
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) break;
    const { prevHash: _p, hash: _h, ...hashed } = e;
    prev = eventHash(prev, hashed);
    out.push(prev);
  }
  return out;
}

/** Folds the anchors in order and checks each root against the heads known at that anchor. */
function checkRoots(anchors: AnchorRecord[], where: string, problems: string[]): void {
  const heads = new Map<string, ChainHead>();
  for (const a of anchors) {
    for (const h of a.heads) heads.set(h.caseId, h);
    const all = [...heads.values()];
    if (merkleRoot(all) !== a.root || all.length !== a.cases)
      problems.push(`锚点 ${a.no}（${where}）：根哈希与所记链头不符（锚点记录被改动）`);
  }
}
