/**
 * The risk sweep's activity (see workflows/risk-sweep): brings up to date, in bounded batches, the
 * houses whose tier time alone may have changed (domain/risk/refresh.ts sweepRiskTiers).
 */
import { heartbeat } from '@temporalio/activity';
import type { Db } from '../../domain/db.ts';
import { sweepRiskTiers } from '../../domain/risk/refresh.ts';

export interface RiskSweepResult {
  assessed: number;
  changed: number;
  moved: number;
  /** No house is left to look at. */
  done: boolean;
}

export function createRiskActivities(deps: { db: Db }) {
  return {
    /** Up to `batches` batches of `batchSize` houses, each its own transaction; heartbeats between them. */
    async sweepRiskTierBatches({ batchSize, batches }: { batchSize: number; batches: number }): Promise<RiskSweepResult> {
      const total: RiskSweepResult = { assessed: 0, changed: 0, moved: 0, done: false };
      for (let i = 0; i < batches; i++) {
        const r = await sweepRiskTiers(deps.db, new Date(), batchSize);
        total.assessed += r.assessed;
        total.changed += r.changed;
        total.moved += r.moved;
        if (r.assessed < batchSize) return { ...total, done: true };
        heartbeat(total.assessed);
      }
      return total;
    },
  };
}

export type RiskActivities = ReturnType<typeof createRiskActivities>;
