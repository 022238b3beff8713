/**
 * One campaign: the header (state, deadline, reminder, who started it, which houses), the totals,
 * the progress of each town's villages, and the houses of the village picked (kept in the address as
 * `?village=`, so a reload or a shared link shows the same). Withdrawing is in the toolbar.
 */
import { useEffect, useRef } from 'react';
import { Box, Skeleton } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { CampaignHeader } from './CampaignHeader.tsx';
import { CampaignTotals } from './CampaignTotals.tsx';
import { CancelCampaignButton } from './CancelCampaignButton.tsx';
import { TownProgress } from './TownProgress.tsx';
import type { CampaignDetail } from './types.ts';
import { VillageHouses } from './VillageHouses.tsx';

/** Progress changes as inspections arrive from the field: a page left open catches up. */
const REFRESH_MS = 30_000;

function CampaignShowActions() {
  const record = useRecordContext<CampaignDetail>();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <ListButton />
      {record && <CancelCampaignButton record={record} />}
    </TopToolbar>
  );
}

function CampaignPage() {
  const record = useRecordContext<CampaignDetail>();
  const [params, setParams] = useSearchParams();
  const selected = params.get('village');
  const houses = useRef<HTMLDivElement>(null);
  const villages = record?.villages;
  const village = villages?.find((v) => v.villageCode === selected);
  const shown = village?.villageCode;
  useEffect(() => {
    if (shown) houses.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [shown]);
  if (!record) return <Skeleton variant="rounded" height={240} />;
  return (
    <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
      <CampaignHeader record={record} />
      <CampaignTotals counts={record.progress} />
      {villages ? (
        <TownProgress villages={villages} selected={selected} onSelect={(code) => setParams({ village: code }, { replace: true })} />
      ) : (
        <Skeleton variant="rounded" height={160} />
      )}
      {village && (
        <Box ref={houses} sx={{ scrollMarginTop: 72 }}>
          <VillageHouses
            key={village.villageCode}
            campaignId={record.id}
            villageCode={village.villageCode}
            villageName={village.villageName ?? village.villageCode}
          />
        </Box>
      )}
    </Box>
  );
}

export function CampaignShow() {
  return (
    <Show actions={<CampaignShowActions />} component="div" queryOptions={{ refetchInterval: REFRESH_MS }} sx={{ mb: 2 }}>
      <CampaignPage />
    </Show>
  );
}
