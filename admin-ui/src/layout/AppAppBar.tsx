/**
 * The top bar: the app's name (hidden on phones, where the page title needs the room), the page
 * title, the language switch and the user menu.
 */
import { Box, Typography } from '@mui/material';
import { AppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, useTranslate } from 'react-admin';
import { AppUserMenu } from './AppUserMenu.tsx';

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
      <TitlePortal />
    </AppBar>
  );
}
