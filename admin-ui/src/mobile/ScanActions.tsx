/**
 * What one can do from a scanned label: start a daily inspection (the inspector of this village or
 * an officer above it, signed in on this phone) and file a complaint (anyone). Complaints do not
 * exist yet, so that button is shown disabled with 即将开放 rather than leading to an empty page.
 */
import { Link } from 'react-router-dom';
import type { Viewer } from './api.ts';
import { canInspect } from './canInspect.ts';
import { TEXT } from './text.ts';

function SoonButton({ label, secondary }: { label: string; secondary?: boolean }) {
  const id = `soon-${label}`;
  return (
    <div>
      <button type="button" className={secondary ? 'scan-button secondary' : 'scan-button'} disabled aria-describedby={id}>
        {label}
      </button>
      <span className="scan-soon" id={id}>
        {TEXT.comingSoon}
      </span>
    </div>
  );
}

export function ScanActions({ code, viewer }: { code: string; viewer: Viewer | null }) {
  return (
    <section className="scan-card scan-actions">
      {canInspect(viewer, code) && (
        <Link className="scan-button" to={`/m/b/${encodeURIComponent(code)}/inspect`}>
          {TEXT.inspect}
        </Link>
      )}
      <SoonButton label={TEXT.complain} />
    </section>
  );
}
