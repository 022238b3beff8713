/** Past imports, newest first; running ones update every two seconds until they finish. */
import { DataTable } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { JobList } from '../common/JobList.tsx';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { ImportJobProgress } from './ImportJobProgress.tsx';
import type { ImportJob } from './types.ts';

export function ImportList() {
  return (
    <JobList createLabel="resources.building-imports.page.create">
      <DataTable<ImportJob> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="fileName" disableSort />
        <DataTable.Col source="status" disableSort render={(job) => <JobStatusChip status={job.status} />} />
        <DataTable.Col source="progress" disableSort field={ImportJobProgress} />
        <DataTable.NumberCol source="inserted" disableSort />
        <DataTable.NumberCol source="updated" disableSort />
        <DataTable.NumberCol source="unchanged" disableSort />
        <DataTable.NumberCol source="failedRows" disableSort />
        <DataTable.Col source="finishedAt" disableSort field={DateTimeField} />
      </DataTable>
    </JobList>
  );
}
