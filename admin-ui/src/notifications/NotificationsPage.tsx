/**
 * The notification centre (通知中心): the signed-in user's notifications, newest first, unread ones
 * marked; opening one marks it read and follows its link; all can be marked read at once.
 */
import { Box, Button, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { useAppDataProvider } from '../common/hooks/useAppDataProvider.ts';
import { UNREAD_KEY } from '../layout/NotificationBell.tsx';
import type { AppNotification } from './types.ts';

const PER_PAGE = 20;

export function NotificationsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useAppDataProvider();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const { data, isPending } = useApiQuery(['notifications', 'list', page], (dp, signal) => dp.notifications(page, PER_PAGE, signal), {
    refetchInterval: 30_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });

  const open = async (n: AppNotification) => {
    try {
      if (!n.readAt) await dataProvider.markNotificationRead(n.id);
      await refresh();
      if (n.link) navigate(n.link);
    } catch {
      notify('resources.notifications.failed', { type: 'error' });
    }
  };
  const readAll = async () => {
    try {
      await dataProvider.markAllNotificationsRead();
      await refresh();
      await queryClient.invalidateQueries({ queryKey: UNREAD_KEY });
    } catch {
      notify('resources.notifications.failed', { type: 'error' });
    }
  };

  const items = data?.data ?? [];
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PER_PAGE));
  return (
    <Box sx={{ maxWidth: 760, mx: 'auto', py: 2 }}>
      <Title title={translate('resources.notifications.title')} />
      <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 1.5 }}>
        <Typography variant="h6" component="h1">
          {translate('resources.notifications.title')}
        </Typography>
        <Button onClick={() => void readAll()} disabled={!items.some((n) => !n.readAt)}>
          {translate('resources.notifications.readAll')}
        </Button>
      </Stack>
      {!isPending && items.length === 0 && <Typography color="text.secondary">{translate('resources.notifications.empty')}</Typography>}
      <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('resources.notifications.title')}>
        {items.map((n) => (
          <Card key={n.id} component="li" variant="outlined" data-unread={n.readAt ? undefined : 'true'}>
            <CardActionArea onClick={() => void open(n)}>
              <CardContent sx={{ py: 1.5 }}>
                <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                  {!n.readAt && <Chip size="small" color="error" label={translate('resources.notifications.unread')} />}
                  <Chip size="small" variant="outlined" label={translate(`resources.notifications.kinds.${n.kind}`, { _: n.kind })} />
                  <Typography variant="body1" component="h2" sx={{ fontWeight: n.readAt ? 400 : 700 }}>
                    {n.title}
                  </Typography>
                </Stack>
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {n.body}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  <DateTimeText value={n.createdAt} />
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Stack>
      {pages > 1 && (
        <Stack direction="row" spacing={1} justifyContent="center" sx={{ mt: 2 }}>
          <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {translate('resources.notifications.newer')}
          </Button>
          <Typography sx={{ alignSelf: 'center' }}>
            {page} / {pages}
          </Typography>
          <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {translate('resources.notifications.older')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}
