/**
 * The Idempotency-Key of one user action. Sending the same thing again (a double tap, a retry after
 * a timeout) reuses the key, so the API applies it once and replays its answer; anything different
 * is a new action with a fresh key. After an answer (success or refusal) the next send is new, so a
 * refusal is never replayed to a corrected retry.
 */
import { useMemo, useRef } from 'react';
import { newIdempotencyKey } from '../../http.ts';

export interface ActionKey {
  /** The key for sending `payload` now. */
  keyFor(payload: unknown): string;
  /** The server answered: the next send is a new action. */
  answered(): void;
}

export function useActionKey(): ActionKey {
  const current = useRef<{ payload: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(payload: unknown) {
        const text = JSON.stringify(payload ?? null);
        if (current.current?.payload !== text) current.current = { payload: text, key: newIdempotencyKey() };
        return current.current.key;
      },
      answered() {
        current.current = null;
      },
    }),
    [],
  );
}
