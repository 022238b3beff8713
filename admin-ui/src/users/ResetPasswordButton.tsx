/**
 * Sets a new password for a user (which also unlocks the account and ends their sessions). The
 * server judges the password; its reason is shown under the field.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { apiErrorOf } from '../http.ts';
import type { UserRecord } from './types.ts';

export function ResetPasswordButton() {
  const user = useRecordContext<UserRecord>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'resetPassword', record: user });
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user || !canAccess) return null;

  const close = () => {
    setOpen(false);
    setPassword('');
    setFieldError(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(null);
    try {
      await dataProvider.resetPassword(user.id, password);
      close();
      notify('resources.users.notifications.passwordReset', { type: 'success' });
      refresh();
    } catch (error) {
      const apiError = apiErrorOf(error);
      const message = apiError?.message ?? (error instanceof Error ? error.message : 'ra.notification.http_error');
      if (apiError?.details.some((d) => d.field === 'body.newPassword')) setFieldError(message);
      else notify(message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="resources.users.actions.resetPassword" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="xs">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{translate('resources.users.resetPassword.title', { name: user.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>{translate('resources.users.resetPassword.content')}</DialogContentText>
            <TextField
              name="newPassword"
              type="password"
              label={translate('resources.users.resetPassword.newPassword')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError !== null}
              helperText={fieldError ?? translate('resources.users.helpers.password')}
              autoComplete="new-password"
              autoFocus
              required
              fullWidth
              margin="dense"
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy || password === ''}>
              {translate('resources.users.resetPassword.submit')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
