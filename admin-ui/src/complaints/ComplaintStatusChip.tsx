/**
 * Where a complaint stands, as a chip: to verify blue, past the verification deadline in the warning
 * colour (the town must act), confirmed with a case, unfounded grey.
 */
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { complaintState } from './types.ts';
import type { Complaint, ComplaintState } from './types.ts';

const COLOR: Record<ComplaintState, 'info' | 'warning' | 'primary' | 'default'> = {
  verifying: 'info',
  overdue: 'warning',
  confirmed: 'primary',
  unfounded: 'default',
};

export function ComplaintStatusChip({
  record,
  size = 'small',
}: {
  record: Pick<Complaint, 'status' | 'overdue'>;
  size?: 'small' | 'medium';
}) {
  const translate = useTranslate();
  const state = complaintState(record);
  return (
    <Chip
      size={size}
      color={COLOR[state]}
      variant={state === 'verifying' || state === 'unfounded' ? 'outlined' : 'filled'}
      label={translate(`resources.complaints.enums.state.${state}`)}
      data-state={state}
    />
  );
}
