/**
 * Ends an account's sign-in locks, from every address (shown only while one runs). The user keeps
 * their password; the unlock is audited.
 */
import { useState } from 'react';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { apiErrorOf } from '../http.ts';
import { isLocked } from './types.ts';
import type { UserRecord } from './types.ts';

export function UnlockButton() {
  const user = useRecordContext<UserRecord>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'unlock', record: user });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!user || !canAccess || !isLocked(user)) return null;

  const unlock = async () => {
    setBusy(true);
    try {
      await dataProvider.unlockUser(user.id);
      notify('resources.users.notifications.unlocked', { type: 'success' });
      refresh();
    } catch (error) {
      notify(apiErrorOf(error)?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="resources.users.actions.unlock" onClick={unlock} disabled={busy}>
      <LockOpenIcon />
    </Button>
  );
}
