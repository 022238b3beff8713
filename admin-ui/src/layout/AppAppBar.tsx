/**
 * The top bar: the app's name (hidden on phones, where the page title needs the room), the page
 * title (on two smaller lines on a phone), the language switch, 扫码 on phones for those who
 * inspect, the notification bell (everyone, every screen size), and the user menu.
 */
import { Box, Typography } from '@mui/material';
import { AppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, useTranslate } from 'react-admin';
import { AppUserMenu } from './AppUserMenu.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { ScanAction } from './ScanAction.tsx';

export function AppAppBar() {
  const translate = useTranslate();
  return (
    <AppBar
      userMenu={<AppUserMenu />}
      toolbar={
        <>
          <Box sx={{ display: { xs: 'none', sm: 'block' } }}>
            <LocalesMenuButton />
          </Box>
          <LoadingIndicator />
          <ScanAction />
          <NotificationBell />
        </>
      }
    >
      <Typography
        variant="h6"
        component="span"
        noWrap
        sx={{ display: { xs: 'none', md: 'block' }, fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}
      >
        {translate('app.name')}
      </Typography>
      <TitlePortal
        sx={{
          // A phone has room for about twenty characters on one line: a case's title (隐患案件 and its
          // 16-character number) and a house's address get two smaller lines instead of an ellipsis.
          fontSize: { xs: '1rem', sm: undefined },
          lineHeight: { xs: 1.3, sm: undefined },
          whiteSpace: { xs: 'normal', sm: 'nowrap' },
          display: { xs: '-webkit-box', sm: 'block' },
          WebkitLineClamp: { xs: 2 },
          WebkitBoxOrient: 'vertical',
          overflowWrap: 'anywhere',
        }}
      />
    </AppBar>
  );
}
