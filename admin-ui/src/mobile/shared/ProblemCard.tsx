/**
 * What the scan page says when there is no house to show: a mistyped code (with the reason the
 * server gave), a code nobody registered, or a server out of reach (with a retry).
 */
import { CodeLookup } from './CodeLookup.tsx';
import { TEXT, groupedCode } from './text.ts';

type Problem = { kind: 'invalid'; message: string } | { kind: 'notFound' } | { kind: 'failed' };

export function ProblemCard({ problem, code, onRetry }: { problem: Problem; code: string; onRetry: () => void }) {
  return (
    <section className="scan-card scan-problem" role="alert" data-problem={problem.kind}>
      {problem.kind === 'invalid' && (
        <>
          <h1>{TEXT.invalidTitle}</h1>
          <p className="scan-label">{TEXT.invalidCode}</p>
          <p className="scan-code">{code || '—'}</p>
          {problem.message && <p className="scan-reason">{problem.message}</p>}
          <p>{TEXT.invalidHint}</p>
          <CodeLookup />
        </>
      )}
      {problem.kind === 'notFound' && (
        <>
          <h1>{TEXT.notFoundTitle}</h1>
          <p className="scan-label">{TEXT.invalidCode}</p>
          <p className="scan-code">{groupedCode(code)}</p>
          <p>{TEXT.notFoundText}</p>
          <p>{TEXT.notFoundHint}</p>
          <CodeLookup />
        </>
      )}
      {problem.kind === 'failed' && (
        <>
          <h1>{TEXT.failedTitle}</h1>
          <p>{TEXT.failedText}</p>
          <button type="button" className="scan-button" onClick={onRetry}>
            {TEXT.retry}
          </button>
        </>
      )}
    </section>
  );
}
