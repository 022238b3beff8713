/**
 * The complaints of the user's region, newest first, opening on those still to verify: when and
 * where, the category, where each stands and by when it must be verified (red once overdue), who
 * complained (masked) and the case a confirmed one led to. Overdue rows are tinted. A table on wide
 * screens, compact cards on phones.
 */
import { Box, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { DataTable, FilterButton, List, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { CaseLink } from './CaseLink.tsx';
import { ComplaintStatusChip } from './ComplaintStatusChip.tsx';
import { ComplaintTabs } from './ComplaintTabs.tsx';
import { MaskedContact } from './MaskedContact.tsx';
import { PlaceCell } from './PlaceCell.tsx';
import type { Complaint } from './types.ts';
import { useComplaintFilters } from './useComplaintFilters.tsx';

function ComplaintListActions() {
  return (
    <TopToolbar>
      <FilterButton />
    </TopToolbar>
  );
}

/** The theme's warning orange (#ed6c02) at 8 %: visible behind the row, still readable. */
const OVERDUE_BG = 'rgba(237, 108, 2, 0.08)';
const overdueRow = (record: Complaint) => (record.overdue ? { bgcolor: OVERDUE_BG } : {});

function CategoryText({ record }: { record: Pick<Complaint, 'category'> }) {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {translate(`resources.cases.enums.category.${record.category}`, { _: record.category })}
    </Typography>
  );
}

function ComplaintTable() {
  return (
    <DataTable<Complaint>
      rowClick="show"
      bulkActionButtons={false}
      rowSx={overdueRow}
      sx={{
        '& .MuiTableCell-head': { whiteSpace: 'nowrap' },
        '& td': { verticalAlign: 'top' },
        // Nine columns: a little less padding keeps them all on a laptop screen beside the menu.
        '& .MuiTableCell-root': { px: 1.25 },
      }}
    >
      <DataTable.Col<Complaint> source="createdAt" field={DateTimeField} />
      <DataTable.Col<Complaint>
        source="trackingNo"
        disableSort
        render={(r) => (
          // Breakable only after the date (TS20261206 | K7QM3XP2): the random part made the column too wide.
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {r.trackingNo.slice(0, 10)}
            <wbr />
            {r.trackingNo.slice(10)}
          </Box>
        )}
      />
      <DataTable.Col<Complaint> source="place" disableSort render={(r) => <PlaceCell record={r} />} />
      <DataTable.Col<Complaint> source="villageName" disableSort />
      <DataTable.Col<Complaint> source="category" disableSort render={(r) => <CategoryText record={r} />} />
      <DataTable.Col<Complaint> source="status" disableSort render={(r) => <ComplaintStatusChip record={r} />} />
      <DataTable.Col<Complaint>
        source="verifyDueAt"
        render={(r) => <DueDate dueAt={r.verifyDueAt} startAt={r.createdAt} overdue={r.overdue} finished={r.status !== 'verifying'} />}
      />
      <DataTable.Col<Complaint> source="contact" disableSort render={(r) => <MaskedContact contact={r.contact} stacked />} />
      <DataTable.Col<Complaint> source="caseNumber" disableSort render={(r) => <CaseLink record={r} />} />
    </DataTable>
  );
}

function ComplaintCards() {
  const translate = useTranslate();
  return (
    <SimpleList<Complaint>
      primaryText={(r) => r.address ?? translate('resources.complaints.values.mapPosition')}
      secondaryText={(r) => (
        <>
          <DateTimeText value={r.createdAt} /> · {translate(`resources.cases.enums.category.${r.category}`, { _: r.category })}
        </>
      )}
      tertiaryText={(r) => <ComplaintStatusChip record={r} />}
      linkType="show"
      rowSx={overdueRow}
      sx={{ '& .RaSimpleList-tertiary': { opacity: 1 } }}
    />
  );
}

export function ComplaintList() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const filters = useComplaintFilters();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'verifying' }}
      actions={<ComplaintListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      perPage={25}
      empty={false}
    >
      <ComplaintTabs />
      {isPhone ? <ComplaintCards /> : <ComplaintTable />}
    </List>
  );
}
