/**
 * Upward reports, newest first: the region, full or changes, who asked, the counts (what was added,
 * changed, removed since the previous report), the digest, and the files once done.
 */
import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { JobList } from '../common/JobList.tsx';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { DataReportCards } from './DataReportCards.tsx';
import { DataReportFiles } from './DataReportFiles.tsx';
import type { DataReport } from './types.ts';

export function DataReportList() {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (phone)
    return (
      <JobList createLabel="resources.data-reports.page.create">
        <DataReportCards />
      </JobList>
    );
  return (
    <JobList createLabel="resources.data-reports.page.create">
      <DataTable<DataReport> bulkActionButtons={false} rowClick={false} sx={{ '& thead th': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="regionCode" render={(r) => r.regionName ?? r.regionCode} />
        <DataTable.Col source="kind" render={(r) => translate(`resources.data-reports.kind.${r.kind}`)} />
        <DataTable.Col source="createdByName" disableSort render={(r) => r.createdByName ?? '—'} />
        <DataTable.Col source="status" render={(r) => <JobStatusChip status={r.status} />} />
        <DataTable.Col source="total" disableSort render={(r) => r.counts?.total ?? ''} />
        <DataTable.Col
          source="changes"
          disableSort
          render={(r) => (r.counts && r.baseReportId ? translate('resources.data-reports.changes', r.counts) : '')}
        />
        <DataTable.Col source="digest" disableSort render={(r) => (r.digest ? r.digest.slice(0, 12) : (r.error ?? ''))} />
        <DataTable.Col label="resources.data-reports.fields.files" disableSort field={DataReportFiles} />
      </DataTable>
    </JobList>
  );
}
