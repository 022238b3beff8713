/**
 * Housekeeping, run by a Temporal schedule: deletes dead sessions, old idempotency records and photos
 * no inspection or complaint took, so those tables stay small. Durable so a crash mid-way simply resumes.
 */
import { patched, proxyActivities } from '@temporalio/workflow';
import type { HousekeepingActivities } from '../../workers/activities/housekeeping.ts';

const { purgeSessions, purgeIdempotencyKeys, purgeOrphanUploads } = proxyActivities<HousekeepingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumAttempts: 5 },
});

export interface HousekeepingResult {
  sessionsDeleted: number;
  idempotencyKeysDeleted: number;
  orphanUploadsDeleted?: number;
}

export async function housekeepingWorkflow(): Promise<HousekeepingResult> {
  const sessionsDeleted = await purgeSessions();
  const idempotencyKeysDeleted = await purgeIdempotencyKeys();
  // Added after runs were recorded: a run started before it replays without the step.
  if (!patched('purge-orphan-uploads')) return { sessionsDeleted, idempotencyKeysDeleted };
  const orphanUploadsDeleted = await purgeOrphanUploads();
  return { sessionsDeleted, idempotencyKeysDeleted, orphanUploadsDeleted };
}
