/** A bulletin as `GET /api/bulletins` answers it. */
import type { JobStatus } from '../common/jobs.ts';

export interface Bulletin {
  id: string;
  regionCode: string;
  regionName: string | null;
  month: string;
  status: JobStatus;
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  pdfUrl: string | null;
  pdfSha256: string | null;
  xlsxUrl: string | null;
  xlsxSha256: string | null;
  error: string | null;
}
