/**
 * The house file (房屋档案): a header with the warnings that matter, the five field groups and the
 * change history, with the safety timeline (安全) before the history; beside them the QR code with its label, and the house's inspections, complaints
 * and cases. On a phone the side column follows the main one.
 */
import { Box } from '@mui/material';
import { Show } from 'react-admin';
import { BuildingHistory } from './BuildingHistory.tsx';
import { BuildingSections } from './BuildingSections.tsx';
import { BuildingShowActions } from './BuildingShowActions.tsx';
import { HouseFileHeader } from './HouseFileHeader.tsx';
import { HouseAppraisals } from './HouseAppraisals.tsx';
import { HouseRisk } from './HouseRisk.tsx';
import { HouseTimeline } from './HouseTimeline.tsx';
import { QrCard } from './QrCard.tsx';
import { RelatedRecords } from './RelatedRecords.tsx';

export function BuildingShow() {
  return (
    <Show actions={<BuildingShowActions />} component="div" sx={{ mb: 2 }}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 260px' }, alignItems: 'start' }}>
        <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
          <HouseFileHeader />
          <HouseRisk />
          <BuildingSections />
          <HouseAppraisals />
          <HouseTimeline />
          <BuildingHistory />
        </Box>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <QrCard />
          <RelatedRecords />
        </Box>
      </Box>
    </Show>
  );
}
