/** Import job shapes as `/api/building-imports…` returns them. */
import type { JobStatus } from '../common/jobs.ts';

export interface ImportJob {
  id: string;
  fileName: string;
  regionCode: string;
  actorName: string;
  status: JobStatus;
  totalRows: number | null;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failedRows: number;
  /** Why the whole file was refused (unreadable, wrong headings …). */
  error: string | null;
  /** The CSV of refused rows can be downloaded. */
  hasErrorReport: boolean;
  createdAt: string;
  finishedAt: string | null;
}

/** One problem of one row: the spreadsheet line and column, the value found, and why it was refused. */
export interface ImportProblem {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}
