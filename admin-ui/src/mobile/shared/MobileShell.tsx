/**
 * The frame of the public mobile pages: the platform's name on top, a note on privacy below (what
 * the page shows, or, on a page that asks for personal data, how it is kept).
 */
import type { ReactNode } from 'react';
import { SCAN_CSS } from './styles.ts';
import { TEXT } from './text.ts';

export function MobileShell({ children, note = TEXT.footer }: { children: ReactNode; note?: string }) {
  return (
    <div className="scan">
      <style>{SCAN_CSS}</style>
      <header className="scan-header">
        <p className="scan-brand">
          {TEXT.brand} · <span>{TEXT.brandSub}</span>
        </p>
      </header>
      <main className="scan-main">{children}</main>
      <footer className="scan-footer">
        <div>{note}</div>
        <div>{TEXT.footerBrand}</div>
      </footer>
    </div>
  );
}
