/**
 * One scheduling pass of 定期巡查, started by the Temporal Schedule `ydym-inspection-schedule`: writes the
 * open due item of any house without one (new houses, houses imported), then, village by village, hands
 * the houses falling due to the village's inspectors within the daily cap, most urgent first. Every
 * write is conditional in the database, so a retried activity or a pass run twice gives nothing twice;
 * a village is one transaction, so a worker killed mid-pass leaves each village wholly done or untouched.
 * The pass keeps the definition version it started with.
 */
import { proxyActivities } from '@temporalio/workflow';
import { CURRENT_SCHEDULE_VERSION } from '../../definitions/inspection-schedule/index.ts';
import type { InspectionScheduleActivities } from '../../workers/activities/inspection-schedule.ts';
import type { InspectionScheduleResult } from './messages.ts';

const { writeMissingDueItems, villagesToAssign, assignDueVillages } = proxyActivities<InspectionScheduleActivities>({
  startToCloseTimeout: '5 minutes',
  // Short, so a pass whose worker died goes on soon on another (or the restarted) worker.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});

/** Houses per statement, statements per activity call, calls per pass (300,000 houses). */
const BATCH_SIZE = 1000;
const BATCHES_PER_CALL = 10;
const MAX_CALLS = 30;
/** Villages per activity call (each its own transaction). */
const VILLAGES_PER_CALL = 40;

export async function inspectionScheduleWorkflow(): Promise<InspectionScheduleResult> {
  const version = CURRENT_SCHEDULE_VERSION;
  let created = 0;
  let after = '';
  for (let i = 0; i < MAX_CALLS; i++) {
    const r = await writeMissingDueItems({ version, after, batchSize: BATCH_SIZE, batches: BATCHES_PER_CALL });
    created += r.created;
    if (r.last === null) break;
    after = r.last;
  }
  const villages = await villagesToAssign({ version });
  let assigned = 0;
  for (let i = 0; i < villages.length; i += VILLAGES_PER_CALL)
    assigned += await assignDueVillages({ version, villageCodes: villages.slice(i, i + VILLAGES_PER_CALL) });
  return { version, created, villages: villages.length, assigned };
}
