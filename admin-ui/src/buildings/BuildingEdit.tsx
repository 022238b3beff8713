/**
 * Edits a house file. Only the changed fields go to the API, with the version that was read: when
 * someone else saved in between, the API refuses (409 STALE_VERSION) and the page says to reload
 * rather than overwrite their changes. The server's field errors land on the inputs.
 */
import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import { Edit, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorOf } from '../http.ts';
import { BuildingForm } from './BuildingForm.tsx';

export function BuildingEdit() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [stale, setStale] = useState(false);

  const onError = (error: unknown) => {
    const apiError = apiErrorOf(error);
    if (apiError?.code === 'STALE_VERSION') {
      setStale(true);
      notify('resources.buildings.notifications.stale', { type: 'error', multiLine: true });
      return;
    }
    // Field errors are shown on the inputs (and summarised by react-admin); anything else here.
    if (apiError?.errors) return;
    notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
  };

  const reload = () => {
    setStale(false);
    refresh();
  };

  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
      {stale && (
        <Alert
          severity="warning"
          role="alert"
          sx={{ m: 2, mb: 0 }}
          action={
            <Button color="inherit" size="small" onClick={reload}>
              {translate('resources.buildings.actions.reload')}
            </Button>
          }
        >
          {translate('resources.buildings.notifications.stale')}
        </Alert>
      )}
      <BuildingForm mode="edit" />
    </Edit>
  );
}
