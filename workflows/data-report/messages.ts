/** Names shared by the data-report workflow and its callers (API, tests). */

/** The workflow type name, for starting it by name. */
export const DATA_REPORT_WORKFLOW = 'dataReportWorkflow';

/** One workflow per report, so starting it twice is harmless. */
export function dataReportWorkflowId(reportId: string): string {
  return `data-report-${reportId}`;
}

/** The workflow's argument: the report row already written. */
export interface DataReportInput {
  reportId: string;
}
