/**
 * Monthly bulletins (通报) the reader may see, newest first: region, who asked (or the monthly
 * schedule), status (refreshed while one is being made) and the two files once done. On a phone only
 * the month, region, status and files, so the row fits the screen.
 */
import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { JobList } from '../common/JobList.tsx';
import { JobStatusChip } from '../common/JobStatusChip.tsx';
import { BulletinDownloads } from './BulletinDownloads.tsx';
import type { Bulletin } from './types.ts';

export function BulletinList() {
  const translate = useTranslate();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <JobList createLabel="resources.bulletins.page.create">
      <DataTable<Bulletin> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="month" />
        <DataTable.Col source="regionCode" render={(b) => b.regionName ?? b.regionCode} />
        <DataTable.Col source="status" disableSort render={(b) => <JobStatusChip status={b.status} />} />
        {!isPhone && (
          <DataTable.Col source="createdByName" disableSort render={(b) => b.createdByName ?? translate('resources.bulletins.schedule')} />
        )}
        {!isPhone && <DataTable.Col source="createdAt" field={DateTimeField} />}
        {!isPhone && <DataTable.Col source="finishedAt" disableSort field={DateTimeField} />}
        {!isPhone && <DataTable.Col source="pdfSha256" disableSort render={(b) => (b.pdfSha256 ? `${b.pdfSha256.slice(0, 12)}…` : '')} />}
        {!isPhone && <DataTable.Col source="error" disableSort render={(b) => b.error ?? ''} />}
        <DataTable.Col label="" disableSort field={BulletinDownloads} />
      </DataTable>
    </JobList>
  );
}
