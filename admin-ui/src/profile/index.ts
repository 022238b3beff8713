/** Personal settings (everyone): the account's facts and a password change. Loaded on demand. */
import { lazy } from 'react';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';

const page = lazy(() => import('./ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));

export default { page, icon: ManageAccountsIcon };
