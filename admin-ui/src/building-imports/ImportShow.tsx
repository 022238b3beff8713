/** One import job: its report, refreshed every two seconds until it has finished. */
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Link, ListButton, Show, TopToolbar } from 'react-admin';
import type { Query } from '@tanstack/react-query';
import { POLL_MS, isActive } from '../common/jobs.ts';
import { ImportReport } from './ImportReport.tsx';
import type { ImportJob } from './types.ts';

const refetchInterval = (query: Query<ImportJob>) => (isActive(query.state.data?.status) ? POLL_MS : false);

function ImportShowActions() {
  return (
    <TopToolbar>
      <ListButton />
      <Button component={Link} to="/building-imports/create" label="resources.building-imports.upload.again">
        <UploadFileIcon />
      </Button>
    </TopToolbar>
  );
}

export function ImportShow() {
  return (
    <Show actions={<ImportShowActions />} component="div" queryOptions={{ refetchInterval }}>
      <ImportReport />
    </Show>
  );
}
