/**
 * The files a user is adding to a step's form: each starts uploading the moment it is picked, shows
 * its progress, and once stored contributes its id. Previews are local object URLs, released when a
 * file is removed or the form goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { newIdempotencyKey } from '../../http.ts';
import type { AppDataProvider } from '../../dataProvider/index.ts';
import { UploadError } from '../../dataProvider/upload.ts';

/** The API's limit for one file. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The types the API stores; anything else is refused before it is sent. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PDF_TYPE = 'application/pdf';

export interface Upload {
  key: string;
  name: string;
  mime: string;
  size: number;
  /** Local preview of an image, null for documents. */
  preview: string | null;
  /** 0–1 while uploading. */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  /** Translation key or server message, when failed. */
  error: string | null;
  /** The stored file's id, once done. */
  id: string | null;
}

/** Which files a field takes: photos, PDF documents, or both. */
export type Accept = 'images' | 'pdf' | 'images+pdf';

const ACCEPTED: Record<Accept, string[]> = {
  images: IMAGE_TYPES,
  pdf: [PDF_TYPE],
  'images+pdf': [...IMAGE_TYPES, PDF_TYPE],
};

/** The `accept` attribute of the file picker. */
export const ACCEPT_ATTRIBUTE: Record<Accept, string> = {
  images: 'image/*',
  pdf: PDF_TYPE,
  'images+pdf': `image/*,${PDF_TYPE}`,
};

/** Why a file cannot be sent at all, before trying. */
function refusal(file: File, accept: Accept): string | null {
  if (!ACCEPTED[accept].includes(file.type)) return 'resources.tasks.upload.wrongType';
  if (file.size > MAX_FILE_BYTES) return 'resources.tasks.upload.tooLarge';
  if (file.size === 0) return 'resources.tasks.upload.empty';
  return null;
}

export function useUploads(caseId: string, accept: Accept) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const previews = useRef(new Set<string>());

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const started: Upload[] = files.map((file) => {
        const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
        if (preview) previews.current.add(preview);
        const error = refusal(file, accept);
        return {
          key: newIdempotencyKey(),
          name: file.name,
          mime: file.type,
          size: file.size,
          preview,
          progress: 0,
          status: error ? 'failed' : 'uploading',
          error,
          id: null,
        };
      });
      setUploads((list) => [...list, ...started]);
      started.forEach((upload, i) => {
        const file = files[i];
        if (!file || upload.status === 'failed') return;
        const controller = new AbortController();
        controllers.current.set(upload.key, controller);
        dataProvider
          .uploadCaseFile(caseId, file, (progress) => patch(upload.key, { progress }), controller.signal)
          .then((stored) => patch(upload.key, { status: 'done', progress: 1, id: stored.id }))
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            patch(upload.key, { status: 'failed', error: error instanceof UploadError ? error.message : 'resources.tasks.upload.failed' });
          })
          .finally(() => controllers.current.delete(upload.key));
      });
    },
    [accept, caseId, dataProvider, patch],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setUploads((list) => {
      const gone = list.find((u) => u.key === key);
      if (gone?.preview) {
        URL.revokeObjectURL(gone.preview);
        previews.current.delete(gone.preview);
      }
      return list.filter((u) => u.key !== key);
    });
  }, []);

  useEffect(() => {
    const open = controllers.current;
    const urls = previews.current;
    return () => {
      for (const controller of open.values()) controller.abort();
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  return { uploads, add, remove };
}
