/** The API's, the CLI's and the sweeper's side of the building import workflow: starting it after the job row is written. */
import type { Client } from '@temporalio/client';
import { BUILDING_IMPORT_WORKFLOW, importWorkflowId } from '../../workflows/building-import/messages.ts';
import type { BuildingImportInput } from '../../workflows/building-import/messages.ts';
import { startOnce } from '../workflow-start.ts';

/**
 * Starts the import's workflow; "already started" counts as success. A job still queued after an
 * earlier run closed is run again (the id may be reused), as it always was.
 */
export async function startImportWorkflow(deps: { temporal: Client; taskQueue: string }, jobId: string): Promise<void> {
  const input: BuildingImportInput = { jobId };
  await startOnce(deps.temporal, BUILDING_IMPORT_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId: importWorkflowId(jobId),
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
}
