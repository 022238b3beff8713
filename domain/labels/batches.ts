/**
 * Starting a label batch's workflow (the use case that makes a batch is `api/services/label-batches.ts`;
 * the sweeper starts the batches a crash left behind). The workflow id derives from the batch row.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { labelBatchWorkflow } from '../../workflows/label-batch/workflow.ts';
import { LABEL_BATCH_WORKFLOW, labelBatchWorkflowId } from '../../workflows/label-batch/messages.ts';

/** Starts the batch's workflow; "already started" counts as success. */
export async function startLabelBatchWorkflow(deps: { temporal: Client; taskQueue: string }, batchId: string): Promise<void> {
  try {
    await deps.temporal.workflow.start<typeof labelBatchWorkflow>(LABEL_BATCH_WORKFLOW, {
      taskQueue: deps.taskQueue,
      workflowId: labelBatchWorkflowId(batchId),
      args: [{ batchId }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
