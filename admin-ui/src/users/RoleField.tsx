/** A user's role in words (the API sends the code). */
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { UserRecord } from './types.ts';

export function RoleField(_props: { label?: string; source?: string }) {
  const translate = useTranslate();
  const user = useRecordContext<UserRecord>();
  if (!user) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`app.roles.${user.role}`, { _: user.role })}
    </Typography>
  );
}
