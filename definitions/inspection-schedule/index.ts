/**
 * The inspection schedule definitions by version, and the pure arithmetic of due days. A due item
 * records the version that computed it; a new version applies from the next change of the house (an
 * inspection, a tier change) or the next scheduling pass.
 */
import type { RiskTier } from '../risk-tiers/types.ts';
import type { InspectionScheduleDefinition } from './types.ts';
import { INSPECTION_SCHEDULE_V1 } from './v1/definition.ts';

export type { InspectionScheduleDefinition } from './types.ts';
export { INSPECTION_SCHEDULE_V1 } from './v1/definition.ts';

export const INSPECTION_SCHEDULE_DEFINITIONS: Readonly<Record<number, InspectionScheduleDefinition>> = { 1: INSPECTION_SCHEDULE_V1 };

/** The version due days are computed with now. */
export const CURRENT_SCHEDULE_VERSION = 1;

/** The definition of `version`; an unknown version is a programming or data error, so it throws. */
export function inspectionScheduleDefinition(version: number = CURRENT_SCHEDULE_VERSION): InspectionScheduleDefinition {
  const def = INSPECTION_SCHEDULE_DEFINITIONS[version];
  if (!def) {
    const known = Object.keys(INSPECTION_SCHEDULE_DEFINITIONS).join(', ');
    throw new Error(`Unknown inspection schedule version ${String(version)} (known: ${known})`);
  }
  return def;
}

/**
 * The due moment of a house of `tier` last inspected at `basisMs` (epoch ms); `daySeconds` is the
 * length of a day (CASE_DAY_SECONDS: tests compress days to seconds).
 */
export function dueAtMs(def: InspectionScheduleDefinition, tier: RiskTier, basisMs: number, daySeconds: number): number {
  return basisMs + def.intervalDays[tier] * daySeconds * 1000;
}

/** Beijing is UTC+8 all year: its days start at 16:00 UTC. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The start (epoch ms) of the scheduling day holding `nowMs`: a Beijing calendar day when a day is
 * 86,400 s, else a slice of `daySeconds` (tests). The daily cap counts the houses given per such day.
 */
export function scheduleDayStart(nowMs: number, daySeconds: number): number {
  const len = daySeconds * 1000;
  return Math.floor((nowMs + BEIJING_OFFSET_MS) / len) * len - BEIJING_OFFSET_MS;
}

/** Intervals in days by tier, worst first, as SQL reads them (one JSON parameter). */
export function intervalsByTier(def: InspectionScheduleDefinition): { tier: RiskTier; days: number }[] {
  return (Object.entries(def.intervalDays) as [RiskTier, number][]).map(([tier, days]) => ({ tier, days }));
}
