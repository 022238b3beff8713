/**
 * The shape of a risk tier definition (风险分级): rules over a house's file and its open cases, each
 * giving a tier and the reason a user reads. Pure types, so the domain, the workers and the UI can all
 * import them; the values a rule names (uses, business categories, grades) are the house file's own
 * identifiers, repeated here because definitions/ imports nothing of the project.
 */

/** Worst first: the order in which the tiers are listed everywhere. */
export const RISK_TIERS = ['red', 'orange', 'yellow', 'green'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** What a rule looks at. Each kind is evaluated by `assessRisk` (evaluate.ts). */
export type RiskCondition =
  /** The house's latest preliminary judgement is one of these. */
  | { kind: 'judgement'; judgements: readonly string[] }
  /** The house's appraisal grade is one of these. */
  | { kind: 'appraisalGrade'; grades: readonly string[] }
  /** Business use (one of `uses`) with at least `minFloors` floors above ground. */
  | { kind: 'businessFloors'; uses: readonly string[]; minFloors: number }
  /** Crowded use (人员密集: one of `uses` and one of `categories`) with no appraisal grade on file. */
  | { kind: 'crowdedWithoutAppraisal'; uses: readonly string[]; categories: readonly string[] }
  /** An open case (not closed, not cancelled) of this severity. */
  | { kind: 'openCase'; severity: 'serious' | 'general' }
  /** An open case whose deadline (due_at) has passed. */
  | { kind: 'overdueCase' }
  /** Altered (alteration other than `none`) with no approval on file. */
  | { kind: 'alterationWithoutApproval' }
  /** No preliminary judgement dated within the definition's inspection interval (or none at all). */
  | { kind: 'inspectionOverdue' };

export interface RiskRule {
  /** Stable id, kept in the reasons and the history. */
  id: string;
  tier: Exclude<RiskTier, 'green'>;
  /** The reason as users read it (Chinese). */
  text: string;
  condition: RiskCondition;
}

/** One version of the rules. A house records the version that computed its tier. */
export interface RiskTierDefinition {
  version: number;
  name: string;
  /**
   * Days a preliminary judgement counts as a current inspection: a house whose latest judgement is
   * dated before (Beijing today − this many days), or that has none, is due for inspection.
   */
  inspectionIntervalDays: number;
  rules: readonly RiskRule[];
}

/** What the rules read about one house. */
export interface RiskInput {
  use: string | null;
  businessCategory: string | null;
  floorsAbove: number | null;
  alteration: string | null;
  /** The approvals on file (宅基地批准书, 规划许可证, …); empty or null: none. */
  approvals: readonly unknown[] | null;
  latestJudgement: string | null;
  /** YYYY-MM-DD (Beijing date of the judgement). */
  latestJudgementAt: string | null;
  appraisalGrade: string | null;
  /** The house's open cases (not closed, not cancelled). */
  openCases: readonly { severity: 'serious' | 'general'; dueAt: string | null }[];
  /** The moment of the assessment (ISO 8601): overdue cases and inspections are judged against it. */
  now: string;
}

export interface RiskReason {
  rule: string;
  tier: Exclude<RiskTier, 'green'>;
  text: string;
}

export interface RiskAssessment {
  tier: RiskTier;
  /** Every matching rule, worst tier first, in the definition's order within a tier; empty when green. */
  reasons: RiskReason[];
}
