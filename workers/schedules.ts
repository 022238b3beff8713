/** Temporal schedules of the platform, created when missing (safe to call from every process start). */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import { warningRulesDefinition } from '../definitions/warning-rules/index.ts';

export const HOUSEKEEPING_SCHEDULE_ID = 'ydym-housekeeping';
export const SWEEP_SCHEDULE_ID = 'ydym-sweep';
export const AUDIT_ANCHOR_SCHEDULE_ID = 'ydym-audit-anchor';
export const RISK_SWEEP_SCHEDULE_ID = 'ydym-risk-sweep';
export const STATISTICS_COMPACTION_SCHEDULE_ID = 'ydym-stats-compact';
export const INSPECTION_SCHEDULE_ID = 'ydym-inspection-schedule';
export const MONTHLY_BULLETINS_SCHEDULE_ID = 'ydym-monthly-bulletins';

/** One schedule per warning rule, so each runs at its own pace and can be paused or triggered alone. */
export function warningRuleScheduleId(ruleId: string): string {
  return `ydym-warning-${ruleId}`;
}

export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  await ensure(client, HOUSEKEEPING_SCHEDULE_ID, '1 hour', 'housekeepingWorkflow', taskQueue);
  // A row without its workflow (a crash between the two writes) waits a minute or so, not forever.
  await ensure(client, SWEEP_SCHEDULE_ID, '1 minute', 'sweepWorkflow', taskQueue);
  // The chain heads are anchored hourly: a rewrite of older events is caught against the copies kept elsewhere.
  await ensure(client, AUDIT_ANCHOR_SCHEDULE_ID, '1 hour', 'auditAnchorWorkflow', taskQueue);
  // Risk tiers that time alone moves (a case's deadline passing, an inspection running out) follow within 15 minutes.
  await ensure(client, RISK_SWEEP_SCHEDULE_ID, '15 minutes', 'riskSweepWorkflow', taskQueue);
  // The statistics level tables' deltas are folded while few, so a cockpit read stays small.
  await ensure(client, STATISTICS_COMPACTION_SCHEDULE_ID, '1 minute', 'statisticsCompactionWorkflow', taskQueue);
  // Warning rules (预警规则), each on its definition's interval; a rule run that overlaps the last is skipped.
  for (const rule of warningRulesDefinition().rules)
    await ensure(client, warningRuleScheduleId(rule.id), rule.every, 'warningRuleWorkflow', taskQueue, [{ ruleId: rule.id }]);
  // 定期巡查: houses falling due go to their village's inspectors within the day's cap, topped up every 15 minutes.
  await ensure(client, INSPECTION_SCHEDULE_ID, '15 minutes', 'inspectionScheduleWorkflow', taskQueue);
  // 月度通报: at 01:00 Beijing time on the first of each month, last month's bulletins of the district and every town.
  try {
    await client.schedule.create({
      scheduleId: MONTHLY_BULLETINS_SCHEDULE_ID,
      spec: { calendars: [{ dayOfMonth: 1, hour: 1, minute: 0 }], timezone: 'Asia/Shanghai' },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 days' },
      action: {
        type: 'startWorkflow',
        workflowType: 'monthlyBulletinsWorkflow',
        taskQueue,
        args: [{}],
        workflowExecutionTimeout: '6 hours',
      },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}

async function ensure(
  client: Client,
  scheduleId: string,
  every: string,
  workflowType: string,
  taskQueue: string,
  args: unknown[] = [],
): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every }] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
      action: { type: 'startWorkflow', workflowType, taskQueue, args, workflowExecutionTimeout: '10 minutes' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
