/**
 * The inbox's tabs beyond the case tasks, and which tab it opens on: the first that has work, so a
 * user whose own list is empty while tasks wait to be claimed (or complaints to be verified) sees
 * them at once instead of an empty page. Warnings come before complaints: they escalate within a day.
 */
import type { TaskView } from './types.ts';

/** The campaign houses (专项排查) waiting for the user. */
export const CAMPAIGNS = 'campaigns';
/** The complaints waiting for an on-site verification (待核实). */
export const VERIFY = 'verify';
/** The warnings waiting for the user's role (预警处置). */
export const WARNINGS = 'warnings';
/** The houses due by risk tier handed to the inspector (定期巡查). */
export const SCHEDULE = 'schedule';
export type InboxView = TaskView | typeof CAMPAIGNS | typeof VERIFY | typeof WARNINGS | typeof SCHEDULE;

/** How many items wait in each tab that can hold work to do now. */
export interface WorkCounts {
  mine: number;
  claimable: number;
  verify: number;
  campaigns: number;
  warnings: number;
  schedule: number;
}

/** The tabs in the order they are offered when nothing was asked for. */
const OPENING_ORDER = ['mine', 'claimable', WARNINGS, VERIFY, CAMPAIGNS, SCHEDULE] as const;

/** The tab to open on: the first with work to do now, else 我的待办. */
export function openingView(counts: WorkCounts): InboxView {
  return OPENING_ORDER.find((view) => counts[view] > 0) ?? 'mine';
}
