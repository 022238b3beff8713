/**
 * The inspector's own 定期巡查 coverage on the phone map (覆盖率 is a first-class figure on the phone,
 * not only in the cockpit): of the houses handed to them and due in the last 30 days, how many were
 * inspected on time, late, or are overdue. Each figure opens the list behind it (same window, same
 * inspector, same total). The API scopes the figures to the reader's area; asking for the reader's
 * own id narrows them to their own houses.
 */
import { useEffect, useState } from 'react';
import type { CoverageCounts } from '../../../../domain/inspection-schedule/store.ts';
import { isAbort } from '../../httpCore.ts';
import { dueListLink } from '../../inspection-schedule/links.ts';
import { loadOwnCoverage } from './mapApi.ts';
import { MAP_TEXT } from './text.ts';

const FIGURES = ['due', 'onTime', 'late', 'overdue'] as const;

type State = { kind: 'loading' } | { kind: 'ready'; from: string; to: string; total: CoverageCounts } | { kind: 'failed' };

export function OwnCoverage({ userId }: { userId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    loadOwnCoverage(abort.signal, userId)
      .then((answer) => setState(answer.kind === 'ok' ? { kind: 'ready', ...answer.value } : { kind: 'failed' }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'failed' });
      });
    return () => abort.abort();
  }, [userId]);
  return (
    <section className="scan-card" aria-labelledby="coverage-title" data-own-coverage={state.kind}>
      <h2 className="phone-map-due" id="coverage-title">
        {MAP_TEXT.coverageTitle}
      </h2>
      <p className="phone-map-order">{MAP_TEXT.coverageWindow}</p>
      {state.kind === 'loading' && <p className="phone-map-hint">{MAP_TEXT.coverageLoading}</p>}
      {state.kind === 'failed' && (
        <p className="phone-map-hint" role="alert">
          {MAP_TEXT.coverageFailed}
        </p>
      )}
      {state.kind === 'ready' && (
        <div className="phone-coverage">
          {FIGURES.map((figure) => (
            // The list is a page of the staff app (outside the phone pages): a plain link.
            <a
              key={figure}
              className={`phone-coverage-figure${figure === 'overdue' && state.total.overdue > 0 ? ' alert' : ''}`}
              href={dueListLink({
                from: state.from,
                to: state.to,
                assigneeId: userId,
                ...(figure === 'due' ? {} : { coverage: figure }),
              })}
              data-coverage={figure}
            >
              <span className="phone-coverage-value">{state.total[figure]}</span>
              <span className="phone-coverage-label">{MAP_TEXT.coverage[figure]}</span>
            </a>
          ))}
        </div>
      )}
    </section>
  );
}
