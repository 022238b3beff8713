/**
 * One inspection: the header with the house, judgement, inspector and times; the hazards with the
 * cases they opened or joined; notes and photos; and beside them the position check.
 */
import { Box, Skeleton } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import { InspectionHazards } from './InspectionHazards.tsx';
import { InspectionHeader } from './InspectionHeader.tsx';
import { InspectionPhotos } from './InspectionPhotos.tsx';
import { InspectionPosition } from './InspectionPosition.tsx';
import type { Inspection } from './types.ts';

function InspectionPage() {
  const record = useRecordContext<Inspection>();
  if (!record) return <Skeleton variant="rounded" height={240} />;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 360px' }, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <InspectionHeader record={record} />
        <InspectionHazards hazards={record.hazards} />
        <InspectionPhotos notes={record.notes} files={record.files ?? []} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <InspectionPosition record={record} />
      </Box>
    </Box>
  );
}

export function InspectionShow() {
  return (
    <Show actions={false} component="div" sx={{ mb: 2 }}>
      <InspectionPage />
    </Show>
  );
}
