/**
 * Risk tiers' data access: the inputs of the rules for a set of houses (with their row locks), the
 * write of their new tiers and history, the houses the scheduled sweep must look at again, and the
 * history the house file shows. `DatabaseRiskStore` (database-store.ts) holds the SQL.
 */
import type { RiskInput, RiskReason, RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';

/** A house as the rules read it, with the tier it carries now. */
export interface RiskHouse extends Omit<RiskInput, 'now'> {
  code: string;
  riskTier: RiskTier;
  riskReasons: RiskReason[];
  riskVersion: number | null;
}

/** A new assessment to store; `history` when the tier changed or the house had none before. */
export interface RiskWrite {
  code: string;
  fromTier: RiskTier | null;
  tier: RiskTier;
  reasons: RiskReason[];
  version: number;
  history: boolean;
}

/** One change of a house's tier, as the house file lists it. */
export interface RiskChange {
  id: string;
  at: string;
  fromTier: RiskTier | null;
  toTier: RiskTier;
  reasons: RiskReason[];
  version: number;
  cause: string;
}

export interface RiskStore {
  /** The houses of `codes` with their open cases, their rows locked (FOR NO KEY UPDATE) in code order. */
  lockHouses(trx: Db, codes: readonly string[]): Promise<RiskHouse[]>;
  /** Stores the assessments (tier, reasons, version, computed at `now`) and their history rows. */
  write(trx: Db, writes: readonly RiskWrite[], cause: string, now: string): Promise<void>;
  /** Marks houses assessed at `now` whose assessment did not change (the sweep's "looked at"). */
  touch(trx: Db, codes: readonly string[], now: string): Promise<void>;
  /**
   * Up to `limit` houses whose stored tier may be out of date at `now` without any write to them:
   * assessed by another version (or never), an open case's deadline passed since their assessment, or
   * their latest judgement ran out of the inspection interval since it.
   */
  stale(now: string, version: number, intervalDays: number, limit: number): Promise<string[]>;
  /** Up to `limit` house codes after `after`, in code order (recomputing every house in batches). */
  codesAfter(after: string, limit: number): Promise<string[]>;
  /** How many houses there are (the progress of a full recomputation). */
  count(): Promise<number>;
  /** The tier history of a house the ability may read, newest first; undefined: no such house in scope. */
  history(ability: AppAbility, code: string): Promise<RiskChange[] | undefined>;
}
