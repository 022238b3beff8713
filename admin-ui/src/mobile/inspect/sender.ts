/**
 * Sending inspections, now or later. A form is stored on the phone before it is sent and removed
 * only once the server has it, so a lost signal, a closed tab or a dead battery loses nothing. A form
 * is never sent twice at once from this page, and the server records a re-sent id only once, so a
 * double tap or a retry never makes two inspections.
 */
import { SendError, deliver } from './api.ts';
import type { InspectionResult, OutgoingInspection } from './api.ts';
import type { FieldProblem } from '../shared/api.ts';
import { refusalReason } from './draft.ts';
import { INSPECT_TEXT } from './text.ts';
import { listQueued, outboxAvailable, putQueued, removeQueued } from './outbox.ts';

export type Delivery =
  | { kind: 'sent'; result: InspectionResult }
  /** Kept on the phone, to be sent when the network is back (or, if it could not be kept, to be sent again by hand). */
  | { kind: 'queued'; kept: boolean }
  | { kind: 'signedOut'; kept: boolean }
  | { kind: 'refused'; message: string; problems: FieldProblem[] }
  | { kind: 'busy' };

/** Ids being sent from this page right now: the open form and the outbox never send one twice at once. */
const inFlight = new Set<string>();
const deliveredListeners = new Set<(result: InspectionResult) => void>();

const keep = (form: OutgoingInspection, reason: string | null = null) => putQueued({ ...form, status: 'pending', reason });

function delivered(result: InspectionResult): void {
  for (const listener of deliveredListeners) listener(result);
}

/** Called for every form the outbox delivers in the background; returns the unsubscribe function. */
export function onDelivered(listener: (result: InspectionResult) => void): () => void {
  deliveredListeners.add(listener);
  return () => deliveredListeners.delete(listener);
}

/** Sends the form the inspector just filled. A refusal is returned for the form to show, not kept. */
export async function submitInspection(form: OutgoingInspection): Promise<Delivery> {
  if (inFlight.has(form.id)) return { kind: 'busy' };
  inFlight.add(form.id);
  try {
    const kept =
      outboxAvailable() &&
      (await keep(form).then(
        () => true,
        () => false,
      ));
    try {
      const result = await deliver(form, async (f) => {
        if (kept) await keep(f);
      });
      if (kept) await removeQueued(form.id);
      return { kind: 'sent', result };
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      const failure = error.failure;
      if (failure.kind === 'retry') return { kind: 'queued', kept };
      if (failure.kind === 'signedOut') {
        if (kept) await keep(form, INSPECT_TEXT.signInAgain);
        return { kind: 'signedOut', kept };
      }
      if (kept) await removeQueued(form.id);
      return failure;
    }
  } finally {
    inFlight.delete(form.id);
  }
}

let flushing: Promise<void> | null = null;
let again = false;

async function flushOnce(): Promise<void> {
  const queue = (await listQueued()).filter((q) => q.status === 'pending' && !inFlight.has(q.id));
  for (const item of queue) {
    inFlight.add(item.id);
    try {
      const result = await deliver(item, (f) => keep(f, item.reason));
      await removeQueued(item.id);
      delivered(result);
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      const failure = error.failure;
      // Still no network, or no session: the others would fail the same way.
      if (failure.kind === 'retry') return;
      if (failure.kind === 'signedOut') {
        await keep(item, INSPECT_TEXT.signInAgain);
        return;
      }
      await putQueued({ ...item, status: 'failed', reason: refusalReason(failure.message, failure.problems, item.hazards) });
    } finally {
      inFlight.delete(item.id);
    }
  }
}

/**
 * Sends every pending form on the phone, oldest first. Calls made while a flush runs are folded into
 * one more pass after it, so a form stored meanwhile is not left behind.
 */
export function flushOutbox(): Promise<void> {
  if (!outboxAvailable()) return Promise.resolve();
  if (flushing) {
    again = true;
    return flushing;
  }
  const run = async () => {
    try {
      do {
        again = false;
        await flushOnce();
      } while (again);
    } finally {
      flushing = null;
    }
  };
  flushing = run();
  return flushing;
}
