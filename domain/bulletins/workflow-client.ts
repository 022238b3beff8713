/** The API's side of the bulletin workflow: starting it after the bulletin row is written. */
import type { Client } from '@temporalio/client';
import { BULLETIN_WORKFLOW, bulletinWorkflowId } from '../../workflows/bulletin/messages.ts';
import type { BulletinInput } from '../../workflows/bulletin/messages.ts';
import { startOnce } from '../workflow-start.ts';

/** Starts the bulletin's workflow; one running counts as started, a closed one may run again (after a failure). */
export async function startBulletinWorkflow(deps: { temporal: Client; taskQueue: string }, bulletinId: string): Promise<void> {
  const input: BulletinInput = { bulletinId };
  await startOnce(deps.temporal, BULLETIN_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId: bulletinWorkflowId(bulletinId),
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
}
