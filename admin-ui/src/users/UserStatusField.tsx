/** Active, disabled, or locked after failed sign-ins: the one thing an administrator checks first. */
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { isLocked } from './types.ts';
import type { UserRecord } from './types.ts';

export function UserStatusField(_props: { label?: string }) {
  const translate = useTranslate();
  const user = useRecordContext<UserRecord>();
  if (!user) return null;
  const status = user.disabled ? 'disabled' : isLocked(user) ? 'locked' : 'active';
  const color = status === 'active' ? 'success' : status === 'locked' ? 'warning' : 'default';
  return <Chip size="small" color={color} variant="outlined" label={translate(`resources.users.status.${status}`)} />;
}
