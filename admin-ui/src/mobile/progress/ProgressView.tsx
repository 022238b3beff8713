/**
 * A complaint's progress as its complainant reads it: the status in plain words, the dates, the
 * reply, the case number once there is a case, and every notification as a timeline (newest first).
 * The API sends nothing internal (no names, notes or codes), so there is nothing here to hide.
 */
import { formatBeijing } from '../../../../domain/time.ts';
import type { Progress } from '../complain/api.ts';
import { COMPLAIN_TEXT, PROGRESS_TEXT } from '../complain/text.ts';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function ProgressView({ progress }: { progress: Progress }) {
  const timeline = [...progress.notifications].reverse();
  return (
    <>
      <section className={`scan-card prg-status prg-${progress.status}`} aria-labelledby="prg-status-label">
        <p className="scan-label" id="prg-status-label">
          {PROGRESS_TEXT.status}
        </p>
        <p className="prg-status-value" data-status={progress.status}>
          {PROGRESS_TEXT.statuses[progress.status]}
        </p>
        <p className="prg-number">
          {COMPLAIN_TEXT.trackingNo} <span data-tracking-no={progress.trackingNo}>{progress.trackingNo}</span>
        </p>
      </section>
      {progress.reply && (
        <section className="scan-card prg-reply" aria-labelledby="prg-reply-title">
          <h2 className="insp-legend" id="prg-reply-title">
            {PROGRESS_TEXT.reply}
          </h2>
          <p>{progress.reply}</p>
        </section>
      )}
      <section className="scan-card">
        <dl className="scan-facts">
          <Fact label={PROGRESS_TEXT.category} value={COMPLAIN_TEXT.categories[progress.category] ?? progress.category} />
          <Fact label={PROGRESS_TEXT.address} value={progress.address ?? PROGRESS_TEXT.noAddress} />
          <Fact label={PROGRESS_TEXT.createdAt} value={formatBeijing(new Date(progress.createdAt))} />
          <Fact label={PROGRESS_TEXT.verifyDueAt} value={formatBeijing(new Date(progress.verifyDueAt))} />
          <Fact
            label={PROGRESS_TEXT.verifiedAt}
            value={progress.verifiedAt ? formatBeijing(new Date(progress.verifiedAt)) : PROGRESS_TEXT.notVerified}
          />
          {progress.case && <Fact label={PROGRESS_TEXT.caseNumber} value={progress.case.number} />}
          {progress.case?.closedAt && <Fact label={PROGRESS_TEXT.caseClosedAt} value={formatBeijing(new Date(progress.case.closedAt))} />}
        </dl>
      </section>
      <section className="scan-card" aria-labelledby="prg-timeline-title">
        <h2 className="insp-legend" id="prg-timeline-title">
          {PROGRESS_TEXT.timeline}
        </h2>
        <ol className="prg-timeline">
          {timeline.map((n, i) => (
            <li key={`${n.at}-${i}`} className={i === 0 ? 'prg-event prg-latest' : 'prg-event'}>
              <time dateTime={n.at}>{formatBeijing(new Date(n.at))}</time>
              <p>{n.text}</p>
            </li>
          ))}
        </ol>
        <p className="insp-hint prg-zone">{PROGRESS_TEXT.beijingTime}</p>
      </section>
    </>
  );
}
