/** A label batch as `/api/label-batches` returns it. */
import type { JobStatus } from '../common/jobs.ts';

export interface LabelBatch {
  id: string;
  status: JobStatus;
  total: number;
  doneCount: number;
  regionCode: string;
  regionName: string | null;
  /** Chosen houses rather than a whole region. */
  selection: boolean;
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}
