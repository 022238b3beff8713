/**
 * Downloads a file from the API with the session (labels, templates, error reports) and saves it
 * under the name the server suggests. A refusal is shown as the server's message, never saved as a
 * file.
 */
import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import type { HttpMethod } from '../http.ts';
import { saveFile } from './saveFile.ts';

export function useDownload() {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async (path: string, fallbackName: string, options: { method?: HttpMethod; body?: unknown } = {}) => {
    setBusy(true);
    try {
      const file = await dataProvider.download(path, options);
      saveFile(file.blob, file.fileName ?? fallbackName);
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { download, busy };
}
