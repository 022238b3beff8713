/** Temporal schedules of the platform, created when missing (safe to call from every process start). */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Client } from '@temporalio/client';

export const HOUSEKEEPING_SCHEDULE_ID = 'ydym-housekeeping';
export const SWEEP_SCHEDULE_ID = 'ydym-sweep';
export const AUDIT_ANCHOR_SCHEDULE_ID = 'ydym-audit-anchor';
export const RISK_SWEEP_SCHEDULE_ID = 'ydym-risk-sweep';
export const STATISTICS_COMPACTION_SCHEDULE_ID = 'ydym-stats-compact';

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
}

async function ensure(client: Client, scheduleId: string, every: string, workflowType: string, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every }] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
      action: { type: 'startWorkflow', workflowType, taskQueue, args: [], workflowExecutionTimeout: '10 minutes' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
