/**
 * The bell in the app bar (desktop and phone): the signed-in user's unread notifications, refreshed
 * every half minute and whenever the centre marks some read; it opens the notification centre.
 */
import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

export const NOTIFICATIONS_PATH = '/notifications';
/** The query the centre invalidates after marking. */
export const UNREAD_KEY = ['notifications', 'unread'];
const UNREAD_MS = 30_000;

export function NotificationBell() {
  const translate = useTranslate();
  const { data: unread = 0 } = useApiQuery(UNREAD_KEY, (dataProvider, signal) => dataProvider.unreadNotifications(signal), {
    refetchInterval: UNREAD_MS,
  });
  const label = translate('resources.notifications.bell', { smart_count: unread });
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to={NOTIFICATIONS_PATH} aria-label={label}>
        <Badge badgeContent={unread} color="error" max={99} data-testid="notification-count">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
