/**
 * Said when a form could not be sent and is kept on the phone: nothing to fill again. Without a
 * network nothing is to be done; without a session the inspector signs in again and the page sends
 * it when it opens.
 */
import { Link } from 'react-router-dom';
import { INSPECT_TEXT } from './text.ts';
import { useShownOnArrival } from '../shared/useShownOnArrival.ts';

export function QueuedPanel({ code, onSignIn }: { code: string; onSignIn: (() => void) | undefined }) {
  return (
    <section className="scan-card insp-queued" ref={useShownOnArrival()} role="status" aria-labelledby="queued-title">
      <h2 className="insp-result-title" id="queued-title">
        {INSPECT_TEXT.queuedTitle}
      </h2>
      <p>{onSignIn ? INSPECT_TEXT.queuedSignedOut : INSPECT_TEXT.queuedText}</p>
      {onSignIn ? (
        <button type="button" className="scan-button" onClick={onSignIn}>
          {INSPECT_TEXT.signInButton}
        </button>
      ) : (
        <Link className="scan-button secondary" to={`/m/b/${encodeURIComponent(code)}`}>
          {INSPECT_TEXT.backToHouse}
        </Link>
      )}
    </section>
  );
}
