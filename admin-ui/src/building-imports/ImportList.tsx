/** Past imports, newest first; running ones update every two seconds until they finish. */
import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import type { GetListResult } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { POLL_MS, isActive } from '../common/jobs.ts';
import { ImportJobProgress } from './ImportJobProgress.tsx';
import type { ImportJob } from './types.ts';

const refetchInterval = (query: { state: { data?: GetListResult<ImportJob> } }) =>
  query.state.data?.data.some((job) => isActive(job.status)) ? POLL_MS : false;

export function ImportList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      actions={
        <TopToolbar>
          <CreateButton label="resources.building-imports.page.create" />
        </TopToolbar>
      }
      queryOptions={{ refetchInterval }}
    >
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
    </List>
  );
}
