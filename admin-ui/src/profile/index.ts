/** Personal settings (everyone): the account's facts and a password change. Loaded on demand. */
import { lazy } from 'react';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';

const page = lazy(() => import('./ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));

/** The page a user whose password an administrator set must pass first (outside the layout). */
const firstChange = lazy(() => import('./FirstPasswordChangePage.tsx').then((m) => ({ default: m.FirstPasswordChangePage })));

export default { page, firstChange, icon: ManageAccountsIcon };
