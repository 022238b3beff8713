/**
 * The top of a campaign: its name and area, where it stands, who inspects, the deadline (with the
 * time left while running), when the late were reminded, who started it and which houses it took,
 * in words. A withdrawn campaign says why; one past its deadline says its late houses are overdue.
 */
import { Alert, Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { CampaignStatusChip } from './CampaignStatusChip.tsx';
import type { Campaign } from './types.ts';
import { useFilterWords } from './useFilterWords.ts';

export function CampaignHeader({ record }: { record: Campaign }) {
  const translate = useTranslate();
  const label = (field: string) => translate(`resources.campaigns.fields.${field}`);
  const filterWords = useFilterWords(record.filters);
  const running = record.status === 'running';
  return (
    <Card>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="overline" color="text.secondary" component="p" sx={{ lineHeight: 1.5 }}>
          {translate('resources.campaigns.name')}
        </Typography>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {record.name}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {record.regionName ?? record.regionCode}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 1.5 }}>
          <CampaignStatusChip status={record.status} size="medium" />
          <Chip variant="outlined" label={translate(`resources.campaigns.enums.assigneeRole.${record.assigneeRole}`)} />
        </Box>
        <Box sx={{ mt: 2 }}>
          <Facts>
            <Fact label={label('filters')}>{filterWords}</Fact>
            <Fact label={label('dueAt')}>
              {running ? <DueDate dueAt={record.dueAt} startAt={record.createdAt} inline /> : <DateTimeText value={record.dueAt} />}
            </Fact>
            <Fact label={label('remindedAt')}>
              {record.remindedAt ? <DateTimeText value={record.remindedAt} /> : translate('resources.campaigns.header.notReminded')}
            </Fact>
            <Fact label={label('createdByName')}>
              {record.createdByName} · <DateTimeText value={record.createdAt} />
            </Fact>
            {record.closedAt && (
              <Fact label={label('closedAt')}>
                <DateTimeText value={record.closedAt} />
              </Fact>
            )}
          </Facts>
        </Box>
        {record.status === 'cancelled' && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('resources.campaigns.header.cancelled', { reason: record.cancelReason ?? '' })}
          </Alert>
        )}
        {record.status === 'closed' && record.progress.overdue > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('resources.campaigns.header.closed')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
