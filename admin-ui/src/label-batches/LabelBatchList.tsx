/**
 * Label batches, newest first: the region, how far each has come (refreshed every two seconds while
 * one runs), and the PDF once it is done.
 */
import { DataTable, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { JobList } from '../common/JobList.tsx';
import { JobProgress } from '../common/JobProgress.tsx';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { LabelBatchDownload } from './LabelBatchDownload.tsx';
import type { LabelBatch } from './types.ts';

function BatchProgress(_props: { label?: string }) {
  const translate = useTranslate();
  const batch = useRecordContext<LabelBatch>();
  if (!batch) return null;
  const caption = translate('resources.label-batches.progress', { done: batch.doneCount, total: batch.total });
  return <JobProgress status={batch.status} done={batch.doneCount} total={batch.total} caption={caption} />;
}

export function LabelBatchList() {
  const translate = useTranslate();
  return (
    <JobList createLabel="resources.label-batches.page.create">
      <DataTable<LabelBatch> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col
          source="regionCode"
          render={(batch) => (batch.selection ? translate('resources.label-batches.selection') : (batch.regionName ?? batch.regionCode))}
        />
        <DataTable.Col source="createdByName" disableSort render={(batch) => batch.createdByName ?? '—'} />
        <DataTable.NumberCol source="total" />
        <DataTable.Col source="status" render={(batch) => <JobStatusChip status={batch.status} />} />
        <DataTable.Col source="progress" disableSort field={BatchProgress} />
        <DataTable.Col source="finishedAt" disableSort field={DateTimeField} />
        <DataTable.Col source="error" disableSort render={(batch) => batch.error ?? ''} />
        <DataTable.Col label="" disableSort field={LabelBatchDownload} />
      </DataTable>
    </JobList>
  );
}
