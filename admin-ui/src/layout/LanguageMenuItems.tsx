/**
 * Language choices inside the user menu, shown on phones only: there the app bar is too narrow for
 * the language button, and inspectors work on phones.
 */
import { Divider, ListItemIcon, ListItemText, MenuItem, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { useLocaleState, useLocales, useUserMenu } from 'react-admin';

export function LanguageMenuItems() {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const userMenu = useUserMenu();
  if (!isPhone) return null;
  return (
    <>
      <Divider />
      {locales.map((l) => (
        <MenuItem
          key={l.locale}
          selected={l.locale === locale}
          onClick={() => {
            setLocale(l.locale);
            userMenu?.onClose();
          }}
        >
          <ListItemIcon>{l.locale === locale ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
          <ListItemText>{l.name}</ListItemText>
        </MenuItem>
      ))}
      <Divider />
    </>
  );
}
