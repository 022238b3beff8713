/**
 * The case's text messages (短信记录): rectification notices and deadline reminders to the owner, and
 * reminders to staff, with their delivery status from the provider's receipts. Phones and names come
 * masked from the API.
 */
import { Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import type { CaseMessage } from '../notifications/types.ts';

const STATUS_COLOR: Record<CaseMessage['status'], 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  held: 'warning',
  queued: 'info',
  sent: 'info',
  delivered: 'success',
  failed: 'error',
};

export function CaseMessages({ caseId, refetchInterval }: { caseId: string; refetchInterval: number | false }) {
  const translate = useTranslate();
  const { data = [] } = useApiQuery(['cases', caseId, 'messages'], (dp, signal) => dp.caseMessages(caseId, signal), { refetchInterval });
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.notifications.messages.${key}`, options);
  return (
    <Card component="section" aria-labelledby="case-messages">
      <CardContent>
        <Typography id="case-messages" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('title')}
        </Typography>
        {data.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('none')}
          </Typography>
        ) : (
          <Stack divider={<Divider flexItem />} spacing={1.5} sx={{ mt: 1.5 }}>
            {data.map((m) => (
              <Box key={m.id} data-message-kind={m.kind}>
                <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {t(`kinds.${m.kind}`, { _: m.kind })}
                  </Typography>
                  <Chip size="small" color={STATUS_COLOR[m.status]} label={t(`status.${m.status}`)} />
                </Stack>
                <Typography variant="caption" color="text.secondary" component="p">
                  {t(`audience.${m.audience}`)} {m.recipientName ?? ''} {m.phone ?? ''}
                </Typography>
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {m.text}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="p">
                  {m.status === 'held' ? (
                    <>
                      {t('heldUntil')} <DateTimeText value={m.sendAfter} />
                    </>
                  ) : (
                    <>
                      {t('createdAt')} <DateTimeText value={m.createdAt} />
                      {m.deliveredAt && (
                        <>
                          {' · '}
                          {t('deliveredAt')} <DateTimeText value={m.deliveredAt} />
                        </>
                      )}
                      {m.attempts > 1 && ` · ${t('attempts', { count: m.attempts })}`}
                    </>
                  )}
                </Typography>
                {m.error && (
                  <Typography variant="caption" color="error" component="p">
                    {m.error}
                  </Typography>
                )}
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
