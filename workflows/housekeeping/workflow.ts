/**
 * Housekeeping, run by a Temporal schedule: deletes dead sessions and old idempotency records so
 * those tables stay small. Durable so a crash mid-way simply resumes.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { HousekeepingActivities } from '../../workers/activities/housekeeping.ts';

const { purgeSessions, purgeIdempotencyKeys } = proxyActivities<HousekeepingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumAttempts: 5 },
});

export interface HousekeepingResult {
  sessionsDeleted: number;
  idempotencyKeysDeleted: number;
}

export async function housekeepingWorkflow(): Promise<HousekeepingResult> {
  const sessionsDeleted = await purgeSessions();
  const idempotencyKeysDeleted = await purgeIdempotencyKeys();
  return { sessionsDeleted, idempotencyKeysDeleted };
}
