/**
 * Disables or re-enables an account after a confirmation. Disabling ends the user's sessions on the
 * server, so it is never optimistic. Administrators cannot disable themselves.
 */
import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutline';
import { Button, Confirm, useCanAccess, useGetIdentity, useNotify, useRecordContext, useUpdate } from 'react-admin';
import type { UserRecord } from './types.ts';

export function ToggleDisabledButton() {
  const user = useRecordContext<UserRecord>();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'disable', record: user });
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate<UserRecord>();
  const notify = useNotify();
  if (!user || !canAccess || identity?.id === user.id) return null;
  const next = user.disabled ? 'enable' : 'disable';
  const done = user.disabled ? 'enabled' : 'disabled';

  const confirm = () =>
    update(
      'users',
      { id: user.id, data: { disabled: !user.disabled }, previousData: user },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify(`resources.users.notifications.${done}`, { type: 'success' });
        },
        onError: (error) => {
          setOpen(false);
          notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
        },
      },
    );

  return (
    <>
      <Button label={`resources.users.actions.${next}`} onClick={() => setOpen(true)} color={user.disabled ? 'primary' : 'error'}>
        {user.disabled ? <CheckCircleIcon /> : <BlockIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`resources.users.${next}.title`}
        content={`resources.users.${next}.content`}
        translateOptions={{ name: user.name }}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
