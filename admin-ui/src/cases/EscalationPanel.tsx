/**
 * The case's exchanges with the government supervision system (政务监督信息化系统): each escalation
 * with its state and receipt, and what the system sent back (受理, 指示, 结果). When the platform
 * talks to the bundled simulator instead of the real system, the panel says so.
 */
import { Box, Card, CardContent, Chip, Divider, Link, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import type { CaseDetail, EscalationStatus } from './types.ts';

const STATUS_COLOR: Record<EscalationStatus, 'default' | 'info' | 'success' | 'error'> = {
  sending: 'info',
  accepted: 'success',
  refused: 'error',
  handled: 'default',
};

export function EscalationPanel({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  const simulator = record.supervision.simulator ? translate('resources.cases.escalations.simulator') : '';
  return (
    <Card component="section" aria-labelledby="case-escalations">
      <CardContent>
        <Typography id="case-escalations" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('resources.cases.sections.escalations')}
          {simulator}
        </Typography>
        {record.supervision.url && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ overflowWrap: 'anywhere' }}>
            {translate('resources.cases.escalations.system')}
            {simulator}{' '}
            <Link href={record.supervision.url} target="_blank" rel="noopener">
              {record.supervision.url}
            </Link>
          </Typography>
        )}
        {record.escalations.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('resources.cases.escalations.none')}
          </Typography>
        ) : (
          <Stack divider={<Divider flexItem />} spacing={1.5} sx={{ mt: 1.5 }}>
            {record.escalations.map((e) => {
              const callbacks = record.callbacks.filter((c) => e.receiptId !== null && c.receiptId === e.receiptId);
              return (
                <Box key={e.no} data-escalation={e.no}>
                  <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {translate('resources.cases.escalations.no', { no: e.no })}
                    </Typography>
                    <Chip
                      size="small"
                      color={STATUS_COLOR[e.status]}
                      label={translate(`resources.cases.enums.escalationStatus.${e.status}`)}
                    />
                  </Stack>
                  <Typography variant="body2" sx={{ mt: 0.5 }}>
                    {e.reasonText}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="p">
                    {translate('resources.cases.escalations.requestedAt')} <DateTimeText value={e.requestedAt} />
                    {e.answeredAt && (
                      <>
                        {' · '}
                        {translate('resources.cases.escalations.answeredAt')} <DateTimeText value={e.answeredAt} />
                      </>
                    )}
                  </Typography>
                  {e.receiptId && (
                    <Typography variant="caption" color="text.secondary" component="p" sx={{ overflowWrap: 'anywhere' }}>
                      {translate('resources.cases.escalations.receipt')}{' '}
                      <Box component="span" sx={{ fontFamily: 'monospace' }}>
                        {e.receiptId}
                      </Box>
                    </Typography>
                  )}
                  {e.error && (
                    <Typography variant="caption" color="error" component="p">
                      {e.error}
                    </Typography>
                  )}
                  {callbacks.length > 0 && (
                    <Box component="ul" sx={{ m: 0, mt: 1, pl: 2 }}>
                      {callbacks.map((c) => (
                        <Box component="li" key={c.id} sx={{ mb: 0.5 }}>
                          <Typography variant="body2">
                            <strong>{translate(`resources.cases.enums.callbackKind.${c.kind}`)}</strong>：{c.text}
                          </Typography>
                          <Typography variant="caption" color="text.secondary">
                            <DateTimeText value={c.sentAt} />
                          </Typography>
                        </Box>
                      ))}
                    </Box>
                  )}
                </Box>
              );
            })}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
