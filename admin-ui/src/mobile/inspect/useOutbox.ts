/**
 * The forms waiting on this phone, kept up to date, and the moments they are sent: when the page
 * opens, when the browser says it is online again, and every half minute while some are pending
 * (a server that was down comes back without the phone noticing any change of network).
 */
import { useCallback, useEffect, useState } from 'react';
import { onOutboxChange, listQueued, outboxAvailable, removeQueued } from './outbox.ts';
import type { QueuedInspection } from './outbox.ts';
import { flushOutbox } from './sender.ts';

const RETRY_MS = 30_000;

export interface Outbox {
  items: QueuedInspection[];
  /** True while the inspector's 立即发送 runs, so the button can say so. */
  sending: boolean;
  sendNow: () => void;
  discard: (id: string) => void;
}

const flush = () => void flushOutbox().catch(() => undefined);

/** `enabled` is false on a phone nobody signed in on: a passer-by's phone never opens the outbox. */
export function useOutbox(enabled: boolean): Outbox {
  const [items, setItems] = useState<QueuedInspection[]>([]);
  const [sending, setSending] = useState(false);
  const active = enabled && outboxAvailable();

  useEffect(() => {
    if (!active) return;
    let live = true;
    const refresh = () =>
      listQueued().then(
        (all) => live && setItems(all),
        () => undefined,
      );
    const unsubscribe = onOutboxChange(refresh);
    void refresh();
    flush();
    window.addEventListener('online', flush);
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('online', flush);
    };
  }, [active]);

  const pending = items.some((i) => i.status === 'pending');
  useEffect(() => {
    if (!active || !pending) return;
    const timer = window.setInterval(() => navigator.onLine && flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [active, pending]);

  const sendNow = useCallback(() => {
    setSending(true);
    void flushOutbox()
      .catch(() => undefined)
      .finally(() => setSending(false));
  }, []);
  const discard = useCallback((id: string) => void removeQueued(id).catch(() => undefined), []);
  return { items, sending, sendNow, discard };
}
