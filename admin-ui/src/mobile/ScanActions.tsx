/**
 * What one can do from a scanned label: start a daily inspection (the inspector of this village or
 * an officer above it, signed in on this phone) and file a complaint (anyone, no account), or follow
 * one filed before.
 */
import { Link } from 'react-router-dom';
import type { Viewer } from './api.ts';
import { canInspect } from './canInspect.ts';
import { COMPLAIN_TEXT } from './complainText.ts';
import { TEXT } from './text.ts';

export function ScanActions({ code, viewer }: { code: string; viewer: Viewer | null }) {
  const inspector = canInspect(viewer, code);
  const house = `/m/b/${encodeURIComponent(code)}`;
  return (
    <section className="scan-card scan-actions">
      {inspector && (
        <Link className="scan-button" to={`${house}/inspect`}>
          {TEXT.inspect}
        </Link>
      )}
      <Link className={inspector ? 'scan-button secondary' : 'scan-button'} to={`${house}/complain`}>
        {TEXT.complain}
      </Link>
      <Link className="scan-link" to="/m/c">
        {COMPLAIN_TEXT.progressLink}
      </Link>
    </section>
  );
}
