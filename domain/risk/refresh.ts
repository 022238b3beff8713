/**
 * Keeping each house's risk tier right (definitions/risk-tiers): every write to one of its inputs
 * (the house file, its cases, inspections and complaints) calls `refreshRiskTier` in its own
 * transaction; time alone (a deadline passing, an inspection running out) is the scheduled sweep's.
 * A house's row lock is taken first, so two events of one house apply one after the other.
 */
import { CURRENT_RISK_VERSION, assessRisk, riskTierDefinition } from '../../definitions/risk-tiers/index.ts';
import type { RiskAssessment, RiskReason } from '../../definitions/risk-tiers/index.ts';
import { inspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import type { Db } from '../db.ts';
import { DatabaseInspectionDueStore } from '../inspection-schedule/database-store.ts';
import { DatabaseRiskStore } from './database-store.ts';
import type { RiskHouse, RiskStore, RiskWrite } from './store.ts';

export interface RefreshResult {
  /** Houses assessed. */
  assessed: number;
  /** Houses whose tier, reasons or version changed. */
  changed: number;
  /** Houses whose tier changed (or got its first tier): the history rows written. */
  moved: number;
}

/** Reasons compared field by field: jsonb gives an object's keys back in its own order. */
const reasonsKey = (reasons: readonly RiskReason[]) => reasons.map((r) => `${r.rule}\u0000${r.tier}\u0000${r.text}`).join('\u0001');

const same = (h: RiskHouse, a: RiskAssessment, version: number) =>
  h.riskVersion === version && h.riskTier === a.tier && reasonsKey(h.riskReasons) === reasonsKey(a.reasons);

/**
 * Assesses `codes` under the current definition at `now` and stores what changed, with a history row
 * when a tier changed or a house had never been assessed. `touch`: also mark the unchanged houses as
 * assessed now (the sweep, so it does not pick them again). Unknown codes are skipped.
 */
export async function refreshRiskTiers(
  trx: Db,
  codes: readonly string[],
  cause: string,
  now: Date = new Date(),
  options: { touch?: boolean; store?: RiskStore } = {},
): Promise<RefreshResult> {
  const store = options.store ?? new DatabaseRiskStore(trx);
  const def = riskTierDefinition(CURRENT_RISK_VERSION);
  const at = now.toISOString();
  const houses = await store.lockHouses(trx, [...new Set(codes)]);
  const writes: RiskWrite[] = [];
  const unchanged: string[] = [];
  for (const h of houses) {
    const a = assessRisk(def, { ...h, now: at });
    if (same(h, a, def.version)) {
      unchanged.push(h.code);
      continue;
    }
    const first = h.riskVersion === null;
    writes.push({
      code: h.code,
      fromTier: first ? null : h.riskTier,
      tier: a.tier,
      reasons: a.reasons,
      version: def.version,
      history: first || h.riskTier !== a.tier,
    });
  }
  await store.write(trx, writes, cause, at);
  // A house whose tier moved is due by its new tier's interval at once (定期巡查), in this transaction.
  const moved = writes.filter((w) => w.history).map((w) => w.code);
  await new DatabaseInspectionDueStore(trx).reschedule(trx, moved, inspectionScheduleDefinition());
  if (options.touch) await store.touch(trx, unchanged, at);
  return { assessed: houses.length, changed: writes.length, moved: writes.filter((w) => w.history).length };
}

/** One house's tier, brought up to date in the caller's transaction (see refreshRiskTiers). */
export function refreshRiskTier(trx: Db, code: string, cause: string, now: Date = new Date()): Promise<RefreshResult> {
  return refreshRiskTiers(trx, [code], cause, now);
}

/**
 * One batch of the scheduled sweep: the houses whose tier time alone may have changed (or that another
 * version assessed), each batch in its own transaction. Answers what it did; `assessed` below `limit`
 * means the sweep is done.
 */
export async function sweepRiskTiers(db: Db, now: Date, limit: number): Promise<RefreshResult> {
  const def = riskTierDefinition(CURRENT_RISK_VERSION);
  const codes = await new DatabaseRiskStore(db).stale(now.toISOString(), def.version, def.inspectionIntervalDays, limit);
  if (codes.length === 0) return { assessed: 0, changed: 0, moved: 0 };
  return db.transaction((trx) => refreshRiskTiers(trx, codes, 'schedule', now, { touch: true }));
}

/**
 * Every house assessed again, in code order, `batchSize` per transaction (`npm run risk:recompute`):
 * after a change of the rules, or to check that the stored tiers agree with them.
 */
export async function recomputeAllRiskTiers(
  db: Db,
  options: { batchSize?: number; onProgress?: (done: number, total: number, result: RefreshResult) => void } = {},
): Promise<RefreshResult> {
  const store = new DatabaseRiskStore(db);
  const batchSize = options.batchSize ?? 1000;
  const total = await store.count();
  const sum: RefreshResult = { assessed: 0, changed: 0, moved: 0 };
  let after = '';
  for (;;) {
    const codes = await store.codesAfter(after, batchSize);
    if (codes.length === 0) break;
    const r = await db.transaction((trx) => refreshRiskTiers(trx, codes, 'recompute', new Date(), { touch: true }));
    sum.assessed += r.assessed;
    sum.changed += r.changed;
    sum.moved += r.moved;
    after = codes[codes.length - 1] as string;
    options.onProgress?.(sum.assessed, total, sum);
  }
  return sum;
}

/**
 * Runs the sweep's batches until no house is left (process start: houses written before risk tiers
 * existed, or assessed by an older version, get theirs before the first scheduled sweep).
 */
export async function sweepAllRiskTiers(db: Db, batchSize = 1000): Promise<RefreshResult> {
  const sum: RefreshResult = { assessed: 0, changed: 0, moved: 0 };
  for (;;) {
    const r = await sweepRiskTiers(db, new Date(), batchSize);
    sum.assessed += r.assessed;
    sum.changed += r.changed;
    sum.moved += r.moved;
    if (r.assessed < batchSize) return sum;
  }
}
