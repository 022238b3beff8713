/**
 * Forms kept on the phone until the server has them: a daily inspection is often filled where the
 * signal is weak, and an inspector must never have to fill it twice. Each form is stored whole in
 * IndexedDB (photos as Blobs) under its own id, so storing it again replaces it.
 */
import type { OutgoingInspection } from './api.ts';

/** `pending` is sent at the next chance; `failed` was refused by the server and waits for the inspector. */
export interface QueuedInspection extends OutgoingInspection {
  status: 'pending' | 'failed';
  reason: string | null;
}

const DB_NAME = 'ydym-outbox';
const STORE = 'inspections';

let opening: Promise<IDBDatabase> | null = null;
const listeners = new Set<() => void>();

/** False in the rare browser without IndexedDB; the form is then sent directly or not at all. */
export const outboxAvailable = () => typeof indexedDB !== 'undefined';

function database(): Promise<IDBDatabase> {
  if (!opening) {
    const attempt = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
    });
    opening = attempt;
    // A failed opening is not remembered: the next call tries again.
    attempt.catch(() => {
      if (opening === attempt) opening = null;
    });
  }
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function changed(): void {
  for (const listener of listeners) listener();
}

/** Every form on this phone, oldest first. */
export async function listQueued(): Promise<QueuedInspection[]> {
  const all = await run('readonly', (store) => store.getAll() as IDBRequest<QueuedInspection[]>);
  return all.sort((a, b) => a.inspectedAt.localeCompare(b.inspectedAt));
}

export async function putQueued(item: QueuedInspection): Promise<void> {
  await run('readwrite', (store) => store.put(item));
  changed();
}

export async function removeQueued(id: string): Promise<void> {
  await run('readwrite', (store) => store.delete(id));
  changed();
}

/** Called after every change made on this page; returns the unsubscribe function. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
