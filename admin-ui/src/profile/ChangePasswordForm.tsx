/**
 * Changes the user's own password. The server checks the current password and the password rule
 * and ends the user's other sessions; its field errors are shown under the fields.
 */
import { useState } from 'react';
import { Form, PasswordInput, SaveButton, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { apiErrorOf } from '../http.ts';

type Values = Record<string, unknown>;

const matchesNew = (value: string, all: Values) => (value === all.newPassword ? undefined : 'resources.profile.password.mismatch');

/** `onChanged`: called after the server accepted the new password (the first-change page moves on). */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void | Promise<void> } = {}) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  // A new key remounts the form, clearing the passwords after a successful change.
  const [formKey, setFormKey] = useState(0);

  const submit = async (values: Values) => {
    try {
      await dataProvider.changePassword(String(values.currentPassword ?? ''), String(values.newPassword ?? ''));
      notify('resources.profile.password.done', { type: 'success' });
      setFormKey((k) => k + 1);
      await onChanged?.();
      return undefined;
    } catch (error) {
      const apiError = apiErrorOf(error);
      if (apiError?.errors) return apiError.errors;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Form key={formKey} onSubmit={submit}>
      <PasswordInput
        source="currentPassword"
        label={translate('resources.profile.password.current')}
        validate={required()}
        fullWidth
        inputProps={{ autoComplete: 'current-password' }}
      />
      <PasswordInput
        source="newPassword"
        label={translate('resources.profile.password.new')}
        validate={required()}
        helperText={translate('resources.profile.password.helper')}
        fullWidth
        inputProps={{ autoComplete: 'new-password' }}
      />
      <PasswordInput
        source="confirmPassword"
        label={translate('resources.profile.password.confirm')}
        validate={[required(), matchesNew]}
        fullWidth
        inputProps={{ autoComplete: 'new-password' }}
      />
      <SaveButton label={translate('resources.profile.password.submit')} sx={{ mt: 1 }} />
    </Form>
  );
}
