/**
 * The user menu: personal settings for everyone, the language switch on phones (the app bar has no
 * room for it there), and sign-out.
 */
import { Logout, UserMenu } from 'react-admin';
import { LanguageMenuItems } from './LanguageMenuItems.tsx';
import { ProfileMenuItem } from './ProfileMenuItem.tsx';

export function AppUserMenu() {
  return (
    <UserMenu>
      <ProfileMenuItem />
      <LanguageMenuItems />
      <Logout />
    </UserMenu>
  );
}
