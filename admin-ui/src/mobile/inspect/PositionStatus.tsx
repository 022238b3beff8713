/** Where the phone is, as the form will send it: located with its accuracy, still locating, or not located. */
import type { PositionState } from '../shared/usePosition.ts';
import { FieldError } from '../shared/FieldError.tsx';
import { INSPECT_TEXT } from './text.ts';

export function PositionStatus({ state, error, onRetry }: { state: PositionState; error: string | undefined; onRetry: () => void }) {
  return (
    <section className="scan-card" id="field-position" aria-labelledby="position-title">
      <h2 className="insp-legend" id="position-title">
        {INSPECT_TEXT.position}
      </h2>
      <p className={`insp-position insp-position-${state.status}`} role="status" data-status={state.status}>
        {state.status === 'locating' && INSPECT_TEXT.locating}
        {state.status === 'located' && INSPECT_TEXT.located(state.position.accuracy)}
        {state.status === 'failed' && INSPECT_TEXT.notLocated}
      </p>
      {state.status === 'failed' && (
        <>
          <p className="insp-hint">{INSPECT_TEXT.notLocatedHint}</p>
          <button type="button" className="scan-button secondary" onClick={onRetry}>
            {INSPECT_TEXT.locateAgain}
          </button>
        </>
      )}
      <FieldError id="error-position" message={error} />
    </section>
  );
}
