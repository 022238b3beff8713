/**
 * Monthly bulletins (通报, issue 20 §4). `bulletinWorkflow` makes one bulletin whose row the API wrote;
 * `monthlyBulletinsWorkflow`, started by its Temporal Schedule on the first of each month (Beijing
 * time), records the previous month's bulletin of every district and town and makes each. The work is
 * one activity per bulletin that skips a bulletin already done and writes its files under fixed keys,
 * so a crash or a retry resumes without making two.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { BulletinActivities } from '../../workers/activities/bulletins.ts';
import { FAILURE } from '../shared/messages.ts';
import type { BulletinInput, MonthlyBulletinsInput, MonthlyBulletinsResult } from './messages.ts';

const retry = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 };

const { generateBulletin, planMonthlyBulletins } = proxyActivities<BulletinActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { ...retry, nonRetryableErrorTypes: [FAILURE.bulletinMissing] },
});

const { failBulletin } = proxyActivities<BulletinActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** The root cause's message: an activity failure wraps the error the activity threw. */
function innermostMessage(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** Makes one bulletin; a failure after the retries is recorded on the row, then fails the workflow. */
export async function bulletinWorkflow({ bulletinId }: BulletinInput): Promise<void> {
  try {
    await generateBulletin({ bulletinId });
  } catch (error) {
    await failBulletin({ bulletinId, message: innermostMessage(error) });
    throw error;
  }
}

/** Records and makes the month's bulletins, one after another (one that fails does not stop the others). */
export async function monthlyBulletinsWorkflow(input: MonthlyBulletinsInput = {}): Promise<MonthlyBulletinsResult> {
  const { month, bulletinIds } = await planMonthlyBulletins(input);
  let done = 0;
  let failed = 0;
  for (const bulletinId of bulletinIds) {
    try {
      await generateBulletin({ bulletinId });
      done++;
    } catch (error) {
      await failBulletin({ bulletinId, message: innermostMessage(error) });
      failed++;
    }
  }
  return { month, done, failed };
}
