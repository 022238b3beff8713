/**
 * Starting an import's workflow (the use case that submits an import is `api/services/imports.ts`; the
 * sweeper starts the jobs a crash left behind). The workflow id derives from the job row, so it can
 * never run twice for one job.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { BuildingImportInput, ImportProgress } from '../../workflows/building-import/messages.ts';
import { BUILDING_IMPORT_WORKFLOW, importWorkflowId } from '../../workflows/building-import/messages.ts';

/** Starts the import's workflow; "already started" counts as success (the sweeper calls this too). */
export async function startImportWorkflow(deps: { temporal: Client; taskQueue: string }, jobId: string): Promise<void> {
  try {
    await deps.temporal.workflow.start<(input: BuildingImportInput) => Promise<ImportProgress>>(BUILDING_IMPORT_WORKFLOW, {
      taskQueue: deps.taskQueue,
      workflowId: importWorkflowId(jobId),
      args: [{ jobId }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
