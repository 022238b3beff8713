/** What an administrator can do to one account; each button hides itself when not allowed. */
import { EditButton, TopToolbar } from 'react-admin';
import { ResetPasswordButton } from './ResetPasswordButton.tsx';
import { ToggleDisabledButton } from './ToggleDisabledButton.tsx';

export function UserShowActions() {
  return (
    <TopToolbar>
      <EditButton />
      <ToggleDisabledButton />
      <ResetPasswordButton />
    </TopToolbar>
  );
}
