/**
 * SQL fragments of the due items shared by the store's reads and writes: the tier order, the basis a
 * due moment counts from, the hand-out window and the coverage classes. One place, so the pass, the
 * inbox and the figures agree on what "falling due" and "overdue" mean.
 */
import { RISK_TIERS } from '../../definitions/risk-tiers/index.ts';
import type { CoverageClass } from './store.ts';

/** 1 for red … 4 for green, of the item's tier column `d.tier`. */
export const TIER_RANK = `array_position(ARRAY[${RISK_TIERS.map((t) => `'${t}'`).join(', ')}]::text[], d.tier)`;

/**
 * The moment house `b` was last looked at: its latest recorded inspection, or the day of its latest
 * judgement (an officer's entry or an import) when later; NULL: never.
 */
export const BASIS = `greatest(
  (SELECT max(i.inspected_at) FROM inspections i WHERE i.building_code = b.code),
  (b.latest_judgement_at::timestamp AT TIME ZONE 'Asia/Shanghai'))`;

/** The item falls due at `?` (now): its due moment less the hand-out days (`?`), in its own day length. */
export const FALLING_DUE = `d.due_at - (? * d.day_seconds) * interval '1 second' <= ?`;

/** When a house counts as due for inspection: the registry's rule (`since`, YYYY-MM-DD) and the moment (`now`, ISO 8601). */
export interface DueRule {
  /** Without a 定期巡查 item, a house never judged or last judged before this day is due. */
  since: string;
  /** The moment an item's falling due is judged at. */
  now: string;
}

/**
 * Whether house `b` is due for inspection, as the inspector's list, the map's blue ring and the house card
 * all say it: its open 定期巡查 item falls due (its tier's interval, handed out `aheadDays` early), or,
 * for a house the schedule has not reached yet, the registry's rule (never judged, or not since `since`).
 * One index lookup per house (`inspection_due_open_key`).
 */
export function houseDueSql(rule: DueRule, aheadDays: number): { sql: string; bindings: (string | number)[] } {
  return {
    sql: `coalesce((SELECT ${FALLING_DUE} FROM inspection_due d WHERE d.building_code = b.code AND d.status <> 'done'),
      b.latest_judgement_at IS NULL OR b.latest_judgement_at < ?::date)`,
    bindings: [aheadDays, rule.now, rule.since],
  };
}

/** Each coverage class as a condition on item `d`, with the one parameter `now`. */
export const COVERAGE_SQL: Record<CoverageClass, string> = {
  onTime: `(d.status = 'done' AND d.done_at <= d.due_at AND ?::timestamptz IS NOT NULL)`,
  late: `(d.status = 'done' AND d.done_at > d.due_at AND ?::timestamptz IS NOT NULL)`,
  overdue: `(d.status <> 'done' AND d.due_at < ?)`,
  pending: `(d.status <> 'done' AND d.due_at >= ?)`,
};
