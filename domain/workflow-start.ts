/** The second half of the platform's dual writes: start a row's workflow; one already there counts as started. */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Client, WorkflowStartOptions } from '@temporalio/client';

export async function startOnce(temporal: Client, workflowType: string, options: WorkflowStartOptions): Promise<void> {
  try {
    await temporal.workflow.start(workflowType, { workflowIdReusePolicy: 'REJECT_DUPLICATE', ...options });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
