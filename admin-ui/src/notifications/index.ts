/** The notification centre (everyone): loaded on demand. */
import { lazy } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';

const page = lazy(() => import('./NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));

export default { page, icon: NotificationsIcon };
