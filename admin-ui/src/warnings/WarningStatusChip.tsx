/** A warning's status as a coloured chip: red while escalated, amber while waiting, grey once closed. */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { WarningStatus } from './types.ts';

const COLOR: Record<WarningStatus, 'error' | 'warning' | 'info' | 'success' | 'default'> = {
  open: 'warning',
  escalated: 'error',
  acknowledged: 'info',
  dispatched: 'success',
  dismissed: 'default',
};

export function WarningStatusChip({ status }: { status: WarningStatus }) {
  const translate = useTranslate();
  return (
    <Chip size="small" color={COLOR[status]} label={translate(`resources.warnings.enums.status.${status}`)} data-warning-status={status} />
  );
}
