/** Names shared by the label-batch workflow and its callers (API, command line). */
import { defineQuery } from '@temporalio/workflow';

/** The workflow type name, for starting it by name from the API and the command line. */
export const LABEL_BATCH_WORKFLOW = 'labelBatchWorkflow';

/** One workflow per batch, so starting it twice is harmless. */
export function labelBatchWorkflowId(batchId: string): string {
  return `label-batch-${batchId}`;
}

/** The workflow's argument: the batch row already written. */
export interface LabelBatchInput {
  batchId: string;
}

/** Answer of the `progress` query. */
export interface LabelBatchProgress {
  batchId: string;
  status: 'queued' | 'running' | 'merging' | 'done' | 'failed';
  /** Labels to print, and printed so far. */
  total: number;
  done: number;
  chunkCount: number;
  chunksDone: number;
}

/** What the workflow returns when done. */
export interface LabelBatchResult {
  fileKey: string;
  labels: number;
  pages: number;
}

/** Where the batch stands, answered from the workflow's own state. */
export const progressQuery = defineQuery<LabelBatchProgress>('progress');
