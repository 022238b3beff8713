/** The user-menu entry that opens the personal settings page. */
import type { Ref } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import SettingsIcon from '@mui/icons-material/ManageAccounts';
import { useNavigate, useTranslate, useUserMenu } from 'react-admin';

export function ProfileMenuItem({ ref }: { ref?: Ref<HTMLLIElement> }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      ref={ref}
      onClick={() => {
        userMenu?.onClose();
        navigate('/profile');
      }}
    >
      <ListItemIcon>
        <SettingsIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('resources.profile.name')}</ListItemText>
    </MenuItem>
  );
}
