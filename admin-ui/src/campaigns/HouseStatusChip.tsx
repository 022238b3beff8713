/** Where one house of a campaign stands: to inspect (outlined), inspected (green), overdue (red). */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CampaignItem } from './types.ts';

const COLOR: Record<CampaignItem['status'], 'default' | 'success' | 'error'> = { pending: 'default', done: 'success', overdue: 'error' };

export function HouseStatusChip({ state }: { state: CampaignItem['status'] }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={COLOR[state]}
      variant={state === 'pending' ? 'outlined' : 'filled'}
      label={translate(`resources.campaigns.enums.itemStatus.${state}`)}
      data-state={state}
    />
  );
}
