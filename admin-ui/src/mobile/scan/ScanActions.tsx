/**
 * What one can do from a scanned label: start a daily inspection (the inspector of this village or
 * an officer above it, signed in on this phone) and file a complaint (anyone, no account), or follow
 * one filed before. Staff not signed in on this phone are offered the sign-in, which brings them back
 * to this house with their actions; signed-in staff get a way back to their work.
 */
import { Link } from 'react-router-dom';
import { signInReturningTo } from '../../login/returnPath.ts';
import type { Viewer } from '../shared/buildingApi.ts';
import { canInspect } from '../inspect/canInspect.ts';
import { COMPLAIN_TEXT } from '../complain/text.ts';
import { TEXT } from '../shared/text.ts';

/** `viewer`: undefined while the phone is asked who is signed in, null for a citizen or a signed-out phone. */
export function ScanActions({ code, viewer }: { code: string; viewer: Viewer | null | undefined }) {
  const inspector = canInspect(viewer ?? null, code);
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
      {viewer === null && (
        <a className="scan-link scan-staff" href={signInReturningTo(house)}>
          {TEXT.staffSignIn}
        </a>
      )}
      {viewer && (
        <a className="scan-link scan-staff" href="/">
          {TEXT.myWork}
        </a>
      )}
    </section>
  );
}
