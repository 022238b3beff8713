/**
 * The house file's 投诉举报: its latest complaints, newest first, each with time, category, where it
 * stands and the complainant masked, opening the complaint. The house file's own list of complaints
 * carries no contact, so they come from the complaint list filtered to this house (scoped by the API
 * like every list); the full list is one link away.
 */
import { Box, ListItemButton, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { HouseSection } from './HouseSection.tsx';
import { ComplaintStatusChip } from '../complaints/ComplaintStatusChip.tsx';
import { MaskedContact } from '../complaints/MaskedContact.tsx';
import { complaintPage } from '../complaints/types.ts';
import type { Complaint } from '../complaints/types.ts';

/** The house file shows this many; the rest are in the complaint list. */
const SHOWN = 5;

const listOfHouse = (code: string) =>
  `/complaints?${new URLSearchParams({
    filter: JSON.stringify({ buildingCode: code }),
    displayedFilters: JSON.stringify({ buildingCode: true }),
  }).toString()}`;

function ComplaintItem({ complaint }: { complaint: Complaint }) {
  const translate = useTranslate();
  return (
    <ListItemButton
      component={RouterLink}
      to={complaintPage(complaint.id)}
      data-complaint={complaint.id}
      sx={{ display: 'grid', gap: 0.75, px: 1, py: 1, borderRadius: 1, alignItems: 'start' }}
    >
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        <DateTimeText value={complaint.createdAt} /> ·{' '}
        {translate(`resources.cases.enums.category.${complaint.category}`, { _: complaint.category })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <ComplaintStatusChip record={complaint} />
        <MaskedContact contact={complaint.contact} />
      </Box>
    </ListItemButton>
  );
}

export function HouseComplaints({ code }: { code: string | undefined }) {
  const translate = useTranslate();
  const { data, total } = useGetList<Complaint>(
    'complaints',
    { filter: { buildingCode: code }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: SHOWN } },
    { enabled: code !== undefined },
  );
  const complaints = data ?? [];
  return (
    <HouseSection
      id="related-complaints"
      title={translate('resources.buildings.related.complaints')}
      empty={translate('resources.complaints.houseFile.empty')}
      more={
        code && complaints.length > 0
          ? { to: listOfHouse(code), text: translate('resources.complaints.houseFile.all', { count: total ?? complaints.length }) }
          : null
      }
    >
      {complaints.map((c) => (
        <ComplaintItem key={c.id} complaint={c} />
      ))}
    </HouseSection>
  );
}
