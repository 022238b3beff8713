/**
 * The risk tier definitions by version, and the evaluator. Pure: the domain, the workers and the UI
 * import this barrel. A house records the version that computed its tier; a new version is applied to
 * every house by the scheduled sweep (houses whose version differs) or `npm run risk:recompute`.
 */
import type { RiskTierDefinition } from './types.ts';
import { RISK_TIERS_V1 } from './v1/definition.ts';

export type { RiskAssessment, RiskCondition, RiskInput, RiskReason, RiskRule, RiskTier, RiskTierDefinition } from './types.ts';
export { RISK_TIERS } from './types.ts';
export { assessRisk, beijingDateBefore, inspectionOverdue } from './evaluate.ts';
export { RISK_TIERS_V1 } from './v1/definition.ts';

export const RISK_TIER_DEFINITIONS: Readonly<Record<number, RiskTierDefinition>> = { 1: RISK_TIERS_V1 };

/** The version houses are assessed with now. */
export const CURRENT_RISK_VERSION = 1;

/** The definition of `version`; an unknown version is a programming or data error, so it throws. */
export function riskTierDefinition(version: number = CURRENT_RISK_VERSION): RiskTierDefinition {
  const def = RISK_TIER_DEFINITIONS[version];
  if (!def) {
    const known = Object.keys(RISK_TIER_DEFINITIONS).join(', ');
    throw new Error(`Unknown risk tier definition version ${String(version)} (known: ${known})`);
  }
  return def;
}
