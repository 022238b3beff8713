/** The API's and the sweeper's side of the label batch workflow: starting it after the batch row is written. */
import type { Client } from '@temporalio/client';
import { LABEL_BATCH_WORKFLOW, labelBatchWorkflowId } from '../../workflows/label-batch/messages.ts';
import type { LabelBatchInput } from '../../workflows/label-batch/messages.ts';
import { startOnce } from '../workflow-start.ts';

/**
 * Starts the batch's workflow; "already started" counts as success. A batch still queued after an
 * earlier run closed is run again (the id may be reused), as it always was.
 */
export async function startLabelBatchWorkflow(deps: { temporal: Client; taskQueue: string }, batchId: string): Promise<void> {
  const input: LabelBatchInput = { batchId };
  await startOnce(deps.temporal, LABEL_BATCH_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId: labelBatchWorkflowId(batchId),
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
}
