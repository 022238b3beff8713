/** Where the case stands, as a chip: working states blue, closed green, cancelled grey. */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseStatus } from './types.ts';

const COLOR: Record<CaseStatus, 'default' | 'primary' | 'info' | 'success' | 'warning'> = {
  registered: 'default',
  assigning: 'info',
  controlling: 'warning',
  rectifying: 'primary',
  rechecking: 'info',
  closing: 'info',
  closed: 'success',
  cancelled: 'default',
};

export function CaseStatusChip({ status, size = 'small' }: { status: CaseStatus; size?: 'small' | 'medium' }) {
  const translate = useTranslate();
  return (
    <Chip
      size={size}
      color={COLOR[status]}
      variant={status === 'cancelled' ? 'outlined' : 'filled'}
      label={translate(`resources.cases.enums.status.${status}`, { _: status })}
    />
  );
}
