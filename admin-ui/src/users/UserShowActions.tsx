/** What an administrator can do to one account; each button hides itself when not allowed. */
import { EditButton, TopToolbar } from 'react-admin';
import { ResetPasswordButton } from './ResetPasswordButton.tsx';
import { ToggleDisabledButton } from './ToggleDisabledButton.tsx';
import { UnlockButton } from './UnlockButton.tsx';

export function UserShowActions() {
  return (
    <TopToolbar>
      <EditButton />
      <ToggleDisabledButton />
      <UnlockButton />
      <ResetPasswordButton />
    </TopToolbar>
  );
}
