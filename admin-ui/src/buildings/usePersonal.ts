/**
 * The owner's details in full, fetched only when the user asks (the API records each request).
 * Forgotten when the user leaves the page.
 */
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import type { BuildingPersonal } from './types.ts';

export function usePersonal(code: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const [personal, setPersonal] = useState<BuildingPersonal | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    if (!code) return;
    setBusy(true);
    try {
      setPersonal(await dataProvider.buildingPersonal(code));
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { personal, reveal, busy };
}
