/** An import job's progress bar with "已处理 n / m 行" (or "等待开始…" while queued). */
import { useRecordContext, useTranslate } from 'react-admin';
import { JobProgress } from '../common/JobProgress.tsx';
import type { ImportJob } from './types.ts';

export function ImportJobProgress({ minWidth }: { label?: string; minWidth?: number }) {
  const translate = useTranslate();
  const job = useRecordContext<ImportJob>();
  if (!job) return null;
  const caption =
    job.status === 'queued' || job.totalRows === null
      ? translate('resources.building-imports.waiting')
      : translate('resources.building-imports.progress', { processed: job.processedRows, total: job.totalRows });
  return <JobProgress status={job.status} done={job.processedRows} total={job.totalRows} caption={caption} minWidth={minWidth} />;
}
