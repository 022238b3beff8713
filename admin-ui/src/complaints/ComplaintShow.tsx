/**
 * One complaint: the header with its tracking number, status, channel and dates; where it is about;
 * what the citizen wrote, with photos; what they were told. Beside them the complainant (masked,
 * in full on request for the roles that verify) and the verification with the case it led to.
 */
import { Box, Skeleton } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Complainant } from './Complainant.tsx';
import { ComplaintContent } from './ComplaintContent.tsx';
import { ComplaintHeader } from './ComplaintHeader.tsx';
import { ComplaintNotices } from './ComplaintNotices.tsx';
import { ComplaintPlace } from './ComplaintPlace.tsx';
import { ComplaintVerification } from './ComplaintVerification.tsx';
import type { Complaint } from './types.ts';
import { VerifyButton } from './VerifyButton.tsx';

function ComplaintShowActions() {
  const record = useRecordContext<Complaint>();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <ListButton />
      {record && <VerifyButton record={record} />}
    </TopToolbar>
  );
}

function ComplaintPage() {
  const record = useRecordContext<Complaint>();
  if (!record) return <Skeleton variant="rounded" height={240} />;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 360px' }, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <ComplaintHeader record={record} />
        <ComplaintPlace record={record} />
        <ComplaintContent description={record.description} files={record.files ?? []} />
        <ComplaintNotices notices={record.notifications ?? []} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <ComplaintVerification record={record} />
        {/* Keyed: a complainant shown in full is forgotten when another complaint opens in the same page. */}
        <Complainant key={record.id} record={record} />
      </Box>
    </Box>
  );
}

export function ComplaintShow() {
  return (
    <Show actions={<ComplaintShowActions />} component="div" sx={{ mb: 2 }}>
      <ComplaintPage />
    </Show>
  );
}
