/**
 * The complainant in full, fetched only when the user asks (the API records each request in the
 * audit log). Forgotten when the user leaves the page. A 401 signs the user out as everywhere.
 */
import { useState } from 'react';
import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { useAppDataProvider } from '../common/hooks/useAppDataProvider.ts';
import type { ComplaintContact } from './types.ts';

export function useComplaintContact(id: string | undefined) {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [contact, setContact] = useState<ComplaintContact | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    if (!id) return;
    setBusy(true);
    try {
      setContact(await dataProvider.complaintContact(id));
    } catch (error) {
      if (!(await logoutIfAccessDenied(error)))
        notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { contact, reveal, busy };
}
