/**
 * Inspection schedule, version 1 (issue 19 §1, DOMAIN.md 覆盖率): red monthly, orange quarterly, yellow
 * half-yearly, green yearly; handed out a week ahead, at most 20 houses a day per inspector (a village
 * inspector's day of visits on foot).
 */
import type { InspectionScheduleDefinition } from '../types.ts';

export const INSPECTION_SCHEDULE_V1: InspectionScheduleDefinition = {
  version: 1,
  name: '定期巡查周期（第 1 版）',
  intervalDays: { red: 30, orange: 90, yellow: 182, green: 365 },
  assignAheadDays: 7,
  dailyCap: 20,
};
