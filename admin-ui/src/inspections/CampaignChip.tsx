/**
 * Which special inspection (专项排查) an inspection was recorded against, linking to the campaign; a
 * daily inspection shows nothing.
 */
import { Chip } from '@mui/material';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { Link, useTranslate } from 'react-admin';
import { campaignPage } from '../campaigns/types.ts';
import type { Inspection } from './types.ts';

const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

/** `link`: false inside something that is a link already (a phone list's row). */
export function CampaignChip({
  record,
  size = 'small',
  link = true,
}: {
  record: Pick<Inspection, 'campaignId' | 'campaignName'>;
  size?: 'small' | 'medium';
  link?: boolean;
}) {
  const translate = useTranslate();
  if (!record.campaignId) return null;
  const common = {
    size,
    color: 'secondary',
    variant: 'outlined',
    icon: <HomeWorkIcon />,
    'data-campaign': record.campaignId,
    label: translate('resources.work.inspection.campaign', { name: record.campaignName ?? '' }),
    sx: { maxWidth: '100%', '& .MuiChip-label': { overflow: 'hidden', textOverflow: 'ellipsis' } },
  } as const;
  if (!link) return <Chip {...common} />;
  return <Chip {...common} clickable component={Link} to={campaignPage(record.campaignId)} onClick={stop} />;
}
