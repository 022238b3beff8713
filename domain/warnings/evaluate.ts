/**
 * From what a rule's query found to the warnings it raises: the dedupe key (rule and subject), the
 * occurrence (the query's, or for a standing condition the rule's repeat period), the region cut to
 * the rule's level, and the acknowledgement deadline in definition days. Pure, so it is tested alone.
 */
import type { WarningLevel, WarningRule } from '../../definitions/warning-rules/index.ts';
import type { NewWarning, QueryContext, WarningCandidate } from './store.ts';

const LEVEL_DIGITS: Record<WarningLevel, number> = { village: 12, town: 9, district: 6 };

/** The region at `level` containing `code` (a code already coarser is kept as it is). */
export function regionAt(code: string, level: WarningLevel): string {
  return code.slice(0, LEVEL_DIGITS[level]);
}

export function toNewWarnings(rule: WarningRule, version: number, found: WarningCandidate[], ctx: QueryContext): NewWarning[] {
  const day = ctx.daySeconds * 1000;
  const period = rule.repeatDays ? `period-${String(Math.floor(ctx.now.getTime() / (rule.repeatDays * day)))}` : 'once';
  return found.map((c) => ({
    ruleId: rule.id,
    ruleVersion: version,
    dedupeKey: `${rule.id}:${c.subject}`,
    occurrence: c.occurrence || period,
    regionCode: regionAt(c.regionCode, rule.level),
    assigneeRole: rule.role,
    escalateToRole: rule.escalateTo,
    buildingCodes: c.buildingCodes,
    caseIds: c.caseIds,
    evidence: c.evidence,
    acknowledgeDueAt: new Date(ctx.now.getTime() + rule.acknowledgeDays * day).toISOString(),
  }));
}
