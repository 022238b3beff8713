/**
 * Where a campaign stands, as a chip: running blue, completed green, past its deadline (with houses
 * left overdue) in the warning colour, withdrawn grey.
 */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CampaignStatus } from './types.ts';

const COLOR: Record<CampaignStatus, 'info' | 'success' | 'warning' | 'default'> = {
  running: 'info',
  completed: 'success',
  closed: 'warning',
  cancelled: 'default',
};

export function CampaignStatusChip({ status, size = 'small' }: { status: CampaignStatus; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={COLOR[status]}
      variant={status === 'running' || status === 'cancelled' ? 'outlined' : 'filled'}
      label={translate(`resources.campaigns.enums.status.${status}`)}
      data-status={status}
    />
  );
}
