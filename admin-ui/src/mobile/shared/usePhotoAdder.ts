/**
 * Adds the photos picked in a file input, each shrunk for upload and given its own key (also its
 * upload's Idempotency-Key). `keepAtMost`: photos past it are dropped (else the form's own rule says so). Shared by the inspection and complaint forms and
 * the verification dialog.
 */
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { newIdempotencyKey as newId } from '../../httpCore.ts';
import { shrinkPhoto } from './shrinkPhoto.ts';

export function usePhotoAdder<P extends { key: string; blob: Blob; name: string }>(
  onChange: (update: (photos: P[]) => P[]) => void,
  keepAtMost = Infinity,
): { busy: boolean; add: (event: ChangeEvent<HTMLInputElement>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // The same photo may be picked again after removing it.
    event.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    const added = await Promise.all(files.map(async (f) => ({ key: newId(), ...(await shrinkPhoto(f)) }) as P));
    onChange((current) => [...current, ...added].slice(0, keepAtMost));
    setBusy(false);
  };
  return { busy, add };
}
