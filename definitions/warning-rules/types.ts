/**
 * The shape of a warning rule definition (预警规则): each rule names a query the platform runs on a
 * schedule, the thresholds it passes that query, the level of region a warning is raised at, who gets
 * it, what it may open and how long they have to acknowledge it. Pure types, so the domain, the
 * workers and the UI can all import them.
 */

/** The named queries of the warning query store (domain/warnings/queries.ts), one per kind of condition. */
export const WARNING_QUERIES = [
  'complaintCluster',
  'tierRaisedToRed',
  'repeatedRecheckFailures',
  'townOverdueShare',
  'highRiskUninspected',
  'businessAtGradeCD',
  'townBacklogRising',
] as const;
export type WarningQueryName = (typeof WARNING_QUERIES)[number];

/** The level of region a warning is raised at: its region code is the village's, the town's or the district's. */
export type WarningLevel = 'village' | 'town' | 'district';

/** What a warning may open when it is dispatched: a special inspection of its houses, or a hazard case per house. */
export type WarningDispatch = 'inspection' | 'case';

export interface WarningRule {
  /** Stable id, kept on every warning and in its dedupe key. */
  id: string;
  /** The rule's name as users read it (Chinese). */
  name: string;
  /** What the condition means, for the warning page and the README (Chinese). */
  description: string;
  /** How often the rule's schedule runs (a Temporal interval: '15 minutes', '1 hour'). */
  every: string;
  query: WarningQueryName;
  /** Named numbers the query reads (counts, metres, days, shares in percent). Days are definition days. */
  thresholds: Readonly<Record<string, number>>;
  level: WarningLevel;
  /** Who handles the warning: this role, in the warning's region (or above it). */
  role: 'town_officer' | 'district_officer';
  /** Who an unacknowledged warning escalates to, in the region above. */
  escalateTo: 'district_officer';
  /** What the handler may open. */
  opens: readonly WarningDispatch[];
  /** Definition days to acknowledge the warning before it escalates. */
  acknowledgeDays: number;
  /**
   * For a condition that stays true (a town's overdue share): definition days after which it may raise
   * again once the previous warning is closed. Absent: it raises again only when the condition itself
   * changes (a new complaint, a new rise to red, a further failure).
   */
  repeatDays?: number;
}

/** One version of the rules. A warning records the version that raised it. */
export interface WarningRulesDefinition {
  version: number;
  name: string;
  rules: readonly WarningRule[];
}
