/**
 * A building import as a durable workflow: plan the file, apply it chunk by chunk (each chunk exactly
 * once, in its own transaction), then write the error report. A worker restart resumes at the chunk
 * that was running; a chunk applied before the restart is recognised and not applied again.
 */
import { ActivityFailure, ApplicationFailure, CancellationScope, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ImportActivities } from '../../workers/activities/imports.ts';
import { FAILURE } from '../shared/messages.ts';
import { importProgressQuery } from './messages.ts';
import type { BuildingImportInput, ImportProgress } from './messages.ts';

const retry = {
  initialInterval: '2 seconds',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  nonRetryableErrorTypes: [FAILURE.importStopped],
};

const { prepareBuildingImport } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { ...retry, maximumAttempts: 5 },
});

const { importBuildingChunk } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { ...retry, maximumAttempts: 10 },
});

const { finishBuildingImport, failBuildingImport } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { ...retry, maximumAttempts: 20 },
});

function reason(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type === FAILURE.importStopped) return cause.message;
  return `导入中断：${cause instanceof Error ? cause.message : String(cause)}`;
}

/** Imports one job's file; a failure marks the job failed (rows already committed stay) and ends the run. */
export async function buildingImportWorkflow(input: BuildingImportInput): Promise<ImportProgress> {
  const progress: ImportProgress = {
    status: 'running',
    totalRows: 0,
    processedRows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    failedRows: 0,
    chunksDone: 0,
    chunksTotal: 0,
    error: null,
  };
  setHandler(importProgressQuery, () => progress);
  try {
    const plan = await prepareBuildingImport(input.jobId);
    progress.totalRows = plan.totalRows;
    progress.chunksTotal = plan.chunks.length;
    if (plan.error) progress.error = plan.error;
    const queue = [...plan.chunks];
    let failure: unknown;
    const lane = async () => {
      for (let chunk = queue.shift(); chunk && failure === undefined; chunk = queue.shift()) {
        try {
          const counts = await importBuildingChunk({ jobId: input.jobId, chunk });
          progress.processedRows += counts.rows;
          progress.inserted += counts.inserted;
          progress.updated += counts.updated;
          progress.unchanged += counts.unchanged;
          progress.failedRows += counts.failed;
          progress.chunksDone++;
        } catch (error) {
          failure ??= error;
        }
      }
    };
    // Every lane settles before the job is closed, so no chunk commits after the report is written.
    await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 2) }, lane));
    if (failure !== undefined) throw failure;
    const job = await finishBuildingImport(input.jobId);
    progress.status = job.status === 'done' ? 'done' : 'failed';
  } catch (error) {
    const cancelled = isCancellation(error);
    progress.error = cancelled ? '导入已取消' : reason(error);
    progress.status = 'failed';
    const message = progress.error;
    // Runs even when the workflow itself was cancelled, so the job never stays "running".
    await CancellationScope.nonCancellable(() => failBuildingImport({ jobId: input.jobId, message }));
    if (cancelled) throw error;
  }
  return progress;
}
