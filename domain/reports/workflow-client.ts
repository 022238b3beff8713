/** The API's side of the data-report workflow: starting it after the report row is written. */
import type { Client } from '@temporalio/client';
import { DATA_REPORT_WORKFLOW, dataReportWorkflowId } from '../../workflows/data-report/messages.ts';
import type { DataReportInput } from '../../workflows/data-report/messages.ts';
import { startOnce } from '../workflow-start.ts';

/** Starts the report's workflow; "already started" counts as success. */
export async function startDataReportWorkflow(deps: { temporal: Client; taskQueue: string }, reportId: string): Promise<void> {
  const input: DataReportInput = { reportId };
  await startOnce(deps.temporal, DATA_REPORT_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId: dataReportWorkflowId(reportId),
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
}
