/**
 * What the server did with a sent inspection: for each hazard, whether it opened a case or joined
 * the open case of the same house and category, with a link to the case in the admin.
 */
import { Link } from 'react-router-dom';
import type { InspectionResult } from './api.ts';
import { INSPECT_TEXT } from './text.ts';
import { QR_TEXT } from '../scan/qrText.ts';
import { ScanEntry } from '../scan/ScanEntry.tsx';
import { useShownOnArrival } from '../shared/useShownOnArrival.ts';

export function SubmittedPanel({ result, onAgain }: { result: InspectionResult; onAgain: () => void }) {
  return (
    <section className="scan-card insp-result" ref={useShownOnArrival()} aria-labelledby="result-title" data-inspection={result.id}>
      <h2 className="insp-result-title" id="result-title">
        {INSPECT_TEXT.submittedTitle}
      </h2>
      <p>{INSPECT_TEXT.submittedText(result.address)}</p>
      {result.hazards.length === 0 && <p>{INSPECT_TEXT.noHazards}</p>}
      {result.hazards.length > 0 && (
        <ul className="insp-cases">
          {result.hazards.map((h) => (
            <li key={h.category} className={h.joined ? 'insp-case joined' : 'insp-case'}>
              <p className="insp-case-head">
                <span>{INSPECT_TEXT.categories[h.category] ?? h.category}</span>
                <strong>{h.joined ? INSPECT_TEXT.joined : INSPECT_TEXT.opened}</strong>
              </p>
              {h.caseNumber && (
                <p className="insp-case-number" data-case-number={h.caseNumber}>
                  {INSPECT_TEXT.caseNumber(h.caseNumber)}
                </p>
              )}
              {h.caseId && (
                <a className="insp-case-link" href={`/cases/${encodeURIComponent(h.caseId)}/show`}>
                  {INSPECT_TEXT.openCase}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {result.flagged && <p className="insp-warning">{INSPECT_TEXT.presenceFlag}</p>}
      <div className="scan-actions">
        <Link className="scan-button" to={`/m/b/${encodeURIComponent(result.buildingCode)}`}>
          {INSPECT_TEXT.backToHouse}
        </Link>
        <button type="button" className="scan-button secondary" onClick={onAgain}>
          {INSPECT_TEXT.newInspection}
        </button>
        <ScanEntry label={QR_TEXT.entryNext} />
      </div>
    </section>
  );
}
