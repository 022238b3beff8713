/** react-admin's layout with this app's app bar and ability-driven menu. */
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { Layout, useSidebarState } from 'react-admin';
import { AppAppBar } from './AppAppBar.tsx';
import { AppMenu } from './AppMenu.tsx';

export function AppLayout({ children }: { children: ReactNode }) {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [, setSidebarOpen] = useSidebarState();
  // The open/closed state is remembered across reloads; on a phone a remembered open drawer would
  // cover the page the user just opened, so a phone always starts with the drawer closed.
  useEffect(() => {
    if (isPhone) setSidebarOpen(false);
  }, [isPhone, setSidebarOpen]);
  return (
    <Layout appBar={AppAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
}
