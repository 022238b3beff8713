/** The way into the in-app scanner (`/m/scan`) from the other phone pages. */
import { Link } from 'react-router-dom';
import { QR_TEXT } from './qrText.ts';

/** A scan frame: four corners and a line across, as phones draw their scan buttons. */
function ScanIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      aria-hidden="true"
    >
      <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M4 12h16" />
    </svg>
  );
}

export function ScanEntry({ label = QR_TEXT.entry, className = 'scan-link scan-entry' }: { label?: string; className?: string }) {
  return (
    <Link className={className} to="/m/scan">
      <ScanIcon />
      {label}
    </Link>
  );
}
