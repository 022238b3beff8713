/** The frame of the public mobile pages: the platform's name on top, a note on privacy below. */
import type { ReactNode } from 'react';
import { SCAN_CSS } from './styles.ts';
import { TEXT } from './text.ts';

export function MobileShell({ children }: { children: ReactNode }) {
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
        <div>{TEXT.footer}</div>
        <div>{TEXT.footerBrand}</div>
      </footer>
    </div>
  );
}
