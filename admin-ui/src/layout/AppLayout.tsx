/** react-admin's layout with this app's app bar and ability-driven menu. */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { Layout, useGetIdentity, useSidebarState } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from '../authProvider.ts';
import type { AppIdentity } from '../authProvider.ts';
import { AppAppBar } from './AppAppBar.tsx';
import { AppMenu } from './AppMenu.tsx';

export function AppLayout({ children }: { children: ReactNode }) {
  // Known on the first render (noSsr), before anything is drawn.
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const startedOnPhone = useRef(isPhone);
  const [, setSidebarOpen] = useSidebarState();
  // The open/closed state is remembered across reloads; on a phone a remembered open drawer would
  // cover the page the user just opened, so a phone always starts with the drawer closed. Only at the
  // start: a window narrow for a moment later (Chromium's full-page screenshot shrinks it to 1×1 px)
  // must not close a desktop user's menu for good.
  useEffect(() => {
    if (startedOnPhone.current) setSidebarOpen(false);
  }, [setSidebarOpen]);
  // A password an administrator set must be changed before any page (the API refuses them anyway).
  const { identity } = useGetIdentity();
  if ((identity as AppIdentity | undefined)?.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return (
    // The content column may shrink below its widest table (minWidth 0): a wide table then scrolls in
    // its own card instead of pushing the whole page sideways past the app bar.
    <Layout appBar={AppAppBar} menu={AppMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
      {children}
    </Layout>
  );
}
