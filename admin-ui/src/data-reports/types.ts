/** An upward report as `/api/data-reports` returns it. */
import type { JobStatus } from '../common/jobs.ts';

export interface DataReportFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  url: string;
}

export interface DataReport {
  id: string;
  regionCode: string;
  regionName: string | null;
  kind: 'full' | 'changes';
  baseReportId: string | null;
  layoutVersion: number;
  status: JobStatus;
  counts: { total: number; rows: number; added: number; changed: number; removed: number; unchanged: number } | null;
  files: DataReportFile[] | null;
  digest: string | null;
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}
