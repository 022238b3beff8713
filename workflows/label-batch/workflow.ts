/**
 * A label batch: the labels of a region (tens of thousands for a town) rendered chunk by chunk, each
 * chunk a PDF in the file store recorded in the database, then merged into one document. A crash or
 * restart resumes after the last finished chunk: completed activities are in the history, and a
 * chunk recorded by an attempt whose result was lost is skipped by the activity itself.
 */
import { CancellationScope, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { LabelActivities } from '../../workers/activities/labels.ts';
import { FAILURE } from '../shared/messages.ts';
import { progressQuery } from './messages.ts';
import type { LabelBatchInput, LabelBatchProgress, LabelBatchResult } from './messages.ts';

const retry = { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 };

const { startLabelBatch } = proxyActivities<LabelActivities>({
  startToCloseTimeout: '1 minute',
  retry: { ...retry, nonRetryableErrorTypes: [FAILURE.labelBatchMissing] },
});

// A chunk (about 500 labels) takes a few seconds; the heartbeat notices a dead worker long before
// the overall timeout would.
const { renderLabelChunk } = proxyActivities<LabelActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { ...retry, nonRetryableErrorTypes: [FAILURE.labelBatchMissing] },
});

const { mergeLabelBatch } = proxyActivities<LabelActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { ...retry, nonRetryableErrorTypes: [FAILURE.labelBatchMissing] },
});

const { failLabelBatch } = proxyActivities<LabelActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** The root cause's message: an activity failure wraps the error the activity threw. */
function innermostMessage(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** Prints one batch; returns its merged PDF's key and size. */
export async function labelBatchWorkflow({ batchId }: LabelBatchInput): Promise<LabelBatchResult> {
  const progress: LabelBatchProgress = { batchId, status: 'queued', total: 0, done: 0, chunkCount: 0, chunksDone: 0 };
  setHandler(progressQuery, () => progress);
  try {
    const plan = await startLabelBatch(batchId);
    Object.assign(progress, { status: 'running', total: plan.total, chunkCount: plan.chunkCount });
    for (let chunkNo = 1; chunkNo <= plan.chunkCount; chunkNo++) {
      const chunk = await renderLabelChunk({ batchId, chunkNo });
      progress.done += chunk.labelCount;
      progress.chunksDone = chunkNo;
    }
    progress.status = 'merging';
    const merged = await mergeLabelBatch(batchId);
    progress.status = 'done';
    return { fileKey: merged.fileKey, labels: progress.done, pages: merged.pages };
  } catch (error) {
    progress.status = 'failed';
    const reason = isCancellation(error) ? '已取消' : `生成标签失败：${innermostMessage(error)}`;
    // Recorded even when the workflow itself was cancelled, so the batch never stays "running".
    await CancellationScope.nonCancellable(() => failLabelBatch({ batchId, error: reason }));
    throw error;
  }
}
