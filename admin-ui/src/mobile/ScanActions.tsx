/**
 * What one can do from a scanned label: file a complaint (anyone) and, for the inspector of this
 * village signed in on this phone, start an inspection. Neither function exists yet, so the buttons
 * are shown disabled with 即将开放 rather than leading to an empty page.
 */
import { isWithinRegion } from '../../../domain/regions.ts';
import type { Viewer } from './api.ts';
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
  const inspector = viewer?.role === 'inspector' && isWithinRegion(code, viewer.regionCode);
  return (
    <section className="scan-card scan-actions">
      <SoonButton label={TEXT.complain} />
      {inspector && <SoonButton label={TEXT.inspect} secondary />}
    </section>
  );
}
