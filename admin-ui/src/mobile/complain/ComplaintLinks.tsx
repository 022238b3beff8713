/** Links between the public complaint pages: the complaint by position, and the progress lookup. */
import { Link } from 'react-router-dom';
import { COMPLAIN_TEXT } from './text.ts';

export function ComplaintLinks({ byPlace, progress }: { byPlace: boolean; progress: boolean }) {
  if (!byPlace && !progress) return null;
  return (
    <nav className="scan-links" aria-label={COMPLAIN_TEXT.title}>
      {byPlace && <Link to="/m/complain">{COMPLAIN_TEXT.byPlaceLink}</Link>}
      {progress && <Link to="/m/c">{COMPLAIN_TEXT.progressLink}</Link>}
    </nav>
  );
}
