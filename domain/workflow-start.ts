/**
 * The second half of the platform's dual writes: start a row's workflow; one already there counts as
 * started. Every start of a row's workflow (API, sweeper, activities) goes through here, so the rule
 * is written once.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Client, WorkflowStartOptions } from '@temporalio/client';

/** Awaits a start (plain or with an update); a workflow already there under its id counts as started. */
export async function asStarted(start: Promise<unknown>): Promise<void> {
  try {
    await start;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/**
 * Starts a workflow whose id derives from its row; "already started" counts as success. The id is
 * not reused once the workflow closed, unless `options` says otherwise.
 */
export async function startOnce(temporal: Client, workflowType: string, options: WorkflowStartOptions): Promise<void> {
  await asStarted(temporal.workflow.start(workflowType, { workflowIdReusePolicy: 'REJECT_DUPLICATE', ...options }));
}
