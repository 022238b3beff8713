/**
 * The risk tier of one house under one definition: every rule that matches is a reason, and the tier
 * is the worst of theirs (green when none matches). Pure and deterministic: `now` comes in the input.
 */
import { RISK_TIERS } from './types.ts';
import type { RiskAssessment, RiskCondition, RiskInput, RiskTier, RiskTierDefinition } from './types.ts';

const DAY_MS = 86_400_000;

/** The Beijing calendar date (YYYY-MM-DD) `days` days before the instant `iso`. */
export function beijingDateBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000 - days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a house judged on `latestJudgementAt` (or never) is due for inspection at `now`. */
export function inspectionOverdue(def: RiskTierDefinition, latestJudgementAt: string | null, now: string): boolean {
  return latestJudgementAt === null || latestJudgementAt < beijingDateBefore(now, def.inspectionIntervalDays);
}

function matches(def: RiskTierDefinition, c: RiskCondition, h: RiskInput): boolean {
  switch (c.kind) {
    case 'judgement':
      return h.latestJudgement !== null && c.judgements.includes(h.latestJudgement);
    case 'appraisalGrade':
      return h.appraisalGrade !== null && c.grades.includes(h.appraisalGrade);
    case 'businessFloors':
      return h.use !== null && c.uses.includes(h.use) && (h.floorsAbove ?? 0) >= c.minFloors;
    case 'crowdedWithoutAppraisal':
      return (
        h.use !== null &&
        c.uses.includes(h.use) &&
        h.businessCategory !== null &&
        c.categories.includes(h.businessCategory) &&
        h.appraisalGrade === null
      );
    case 'openCase':
      return h.openCases.some((k) => k.severity === c.severity);
    case 'overdueCase': {
      const now = Date.parse(h.now);
      return h.openCases.some((k) => k.dueAt !== null && Date.parse(k.dueAt) < now);
    }
    case 'alterationWithoutApproval':
      return h.alteration !== null && h.alteration !== 'none' && (h.approvals ?? []).length === 0;
    case 'inspectionOverdue':
      return inspectionOverdue(def, h.latestJudgementAt, h.now);
  }
}

const rank = (t: RiskTier) => RISK_TIERS.indexOf(t);

/** The tier and every reason for it; rules listed worst tier first, then in the definition's order. */
export function assessRisk(def: RiskTierDefinition, input: RiskInput): RiskAssessment {
  const reasons = def.rules
    .filter((r) => matches(def, r.condition, input))
    .map((r) => ({ rule: r.id, tier: r.tier, text: r.text }))
    .sort((a, b) => rank(a.tier) - rank(b.tier));
  const tier = reasons.reduce<RiskTier>((worst, r) => (rank(r.tier) < rank(worst) ? r.tier : worst), 'green');
  return { tier, reasons };
}
