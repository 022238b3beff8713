/**
 * A list of background jobs (imports, label batches), newest first, with a button to start one; while
 * any job on the page is queued or running, the list asks again every two seconds.
 */
import type { ReactNode } from 'react';
import { CreateButton, List, TopToolbar } from 'react-admin';
import type { GetListResult } from 'react-admin';
import { POLL_MS, isActive } from './jobs.ts';
import type { JobStatus } from './jobs.ts';

const refetchInterval = (query: { state: { data?: GetListResult<{ id: string; status: JobStatus }> } }) =>
  query.state.data?.data.some((job) => isActive(job.status)) ? POLL_MS : false;

export function JobList({ createLabel, children }: { createLabel: string; children: ReactNode }) {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      empty={false}
      actions={
        <TopToolbar>
          <CreateButton label={createLabel} />
        </TopToolbar>
      }
      queryOptions={{ refetchInterval }}
    >
      {children}
    </List>
  );
}
