/** `RiskStore` on PostgreSQL. Batches go as one JSON parameter, so a batch is one statement per step. */
import type { RiskReason, RiskTier } from '../../definitions/risk-tiers/index.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { prepared } from '../db.ts';
import type { Db } from '../db.ts';
import type { RiskChange, RiskHouse, RiskStore, RiskWrite } from './store.ts';

/** A case that still counts: not 销号 (closed) and not 撤销 (cancelled). */
const OPEN = `c.status NOT IN ('closed', 'cancelled')`;

interface HouseRow {
  code: string;
  use: string | null;
  business_category: string | null;
  floors_above: number | null;
  alteration: string | null;
  approvals: unknown[] | null;
  latest_judgement: string | null;
  latest_judgement_at: string | null;
  appraisal_grade: string | null;
  risk_tier: RiskTier;
  risk_reasons: RiskReason[];
  risk_version: number | null;
  open_cases: { severity: 'serious' | 'general'; dueAt: string | null }[];
}

export class DatabaseRiskStore implements RiskStore {
  constructor(private readonly db: Db) {}

  async lockHouses(trx: Db, codes: readonly string[]): Promise<RiskHouse[]> {
    if (codes.length === 0) return [];
    // Kept prepared: every case step reads its house so. A single house (nearly every call) is asked for
    // by equality, whose kept plan PostgreSQL uses; for `= ANY(array)` it plans each call again.
    const one = codes.length === 1;
    const { rows } = (await prepared(
      trx.raw(
        `SELECT b.code, b.use, b.business_category, b.floors_above, b.alteration, b.approvals, b.latest_judgement,
              to_char(b.latest_judgement_at, 'YYYY-MM-DD') AS latest_judgement_at, b.appraisal_grade,
              b.risk_tier, b.risk_reasons, b.risk_version,
              (SELECT coalesce(json_agg(json_build_object('severity', c.severity, 'dueAt', c.due_at)), '[]'::json)
                 FROM cases c WHERE c.building_code = b.code AND ${OPEN}) AS open_cases
         FROM buildings b WHERE ${one ? 'b.code = ?' : 'b.code = ANY(?::text[])'} ORDER BY b.code FOR NO KEY UPDATE OF b`,
        [one ? codes[0]! : [...codes]],
      ),
    )) as { rows: HouseRow[] };
    return rows.map((r) => ({
      code: r.code,
      use: r.use,
      businessCategory: r.business_category,
      floorsAbove: r.floors_above,
      alteration: r.alteration,
      approvals: r.approvals,
      latestJudgement: r.latest_judgement,
      latestJudgementAt: r.latest_judgement_at,
      appraisalGrade: r.appraisal_grade,
      openCases: r.open_cases,
      riskTier: r.risk_tier,
      riskReasons: r.risk_reasons,
      riskVersion: r.risk_version,
    }));
  }

  async write(trx: Db, writes: readonly RiskWrite[], cause: string, now: string): Promise<void> {
    if (writes.length === 0) return;
    await trx.raw(
      `UPDATE buildings b SET risk_tier = r.tier, risk_reasons = r.reasons, risk_version = r.version, risk_computed_at = ?
         FROM jsonb_to_recordset(?::jsonb) AS r(code text, tier text, reasons jsonb, version int) WHERE b.code = r.code`,
      [now, JSON.stringify(writes.map((w) => ({ code: w.code, tier: w.tier, reasons: w.reasons, version: w.version })))],
    );
    const history = writes.filter((w) => w.history);
    if (history.length === 0) return;
    await trx.raw(
      `INSERT INTO building_risk_changes (building_code, at, from_tier, to_tier, reasons, version, cause)
       SELECT r.code, ?, r.from_tier, r.to_tier, r.reasons, r.version, ?
         FROM jsonb_to_recordset(?::jsonb) AS r(code text, from_tier text, to_tier text, reasons jsonb, version int)`,
      [
        now,
        cause,
        JSON.stringify(
          history.map((w) => ({ code: w.code, from_tier: w.fromTier, to_tier: w.tier, reasons: w.reasons, version: w.version })),
        ),
      ],
    );
  }

  async touch(trx: Db, codes: readonly string[], now: string): Promise<void> {
    if (codes.length === 0) return;
    await trx.raw(`UPDATE buildings SET risk_computed_at = ? WHERE code = ANY(?::text[])`, [now, [...codes]]);
  }

  async stale(now: string, version: number, intervalDays: number, limit: number): Promise<string[]> {
    // A judgement dated D counts until the end of Beijing day D + intervalDays: it runs out at
    // (D + intervalDays + 1) 00:00 Beijing time.
    const runsOut = `((b.latest_judgement_at + ${String(intervalDays + 1)})::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const { rows } = (await this.db.raw(
      `SELECT code FROM (
         (SELECT b.code FROM buildings b WHERE b.risk_version IS DISTINCT FROM ? LIMIT ?)
         UNION
         (SELECT c.building_code FROM cases c JOIN buildings b ON b.code = c.building_code
           WHERE ${OPEN} AND c.due_at <= ? AND (b.risk_computed_at IS NULL OR c.due_at > b.risk_computed_at) LIMIT ?)
         UNION
         (SELECT b.code FROM buildings b
           WHERE b.latest_judgement_at IS NOT NULL AND ${runsOut} <= ? AND (b.risk_computed_at IS NULL OR ${runsOut} > b.risk_computed_at) LIMIT ?)
       ) s ORDER BY code LIMIT ?`,
      [version, limit, now, limit, now, limit, limit],
    )) as { rows: { code: string }[] };
    return rows.map((r) => r.code);
  }

  async codesAfter(after: string, limit: number): Promise<string[]> {
    const rows = (await this.db('buildings').where('code', '>', after).orderBy('code').limit(limit).select('code')) as { code: string }[];
    return rows.map((r) => r.code);
  }

  async count(): Promise<number> {
    const row = (await this.db('buildings').count({ n: '*' }).first()) as { n: string | number };
    return Number(row.n);
  }

  async history(ability: AppAbility, code: string): Promise<RiskChange[] | undefined> {
    const house = await whereAllowed(this.db('buildings as b').where('b.code', code), ability, 'read', 'Building', {
      villageCode: 'b.village_code',
    }).first('b.code');
    if (!house) return undefined;
    const rows = (await this.db('building_risk_changes').where({ building_code: code }).orderBy('id', 'desc').limit(200)) as {
      id: string | number;
      at: Date;
      from_tier: RiskTier | null;
      to_tier: RiskTier;
      reasons: RiskReason[];
      version: number;
      cause: string;
    }[];
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      fromTier: r.from_tier,
      toTier: r.to_tier,
      reasons: r.reasons,
      version: r.version,
      cause: r.cause,
    }));
  }
}
