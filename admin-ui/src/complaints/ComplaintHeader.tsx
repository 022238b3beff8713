/**
 * The top of a complaint: its tracking number, category and village, where it stands, the channel it
 * came through, when it was filed, by when it must be verified (red once overdue) and when it was.
 */
import { Alert, Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { Fact, Facts } from '../inspections/Fact.tsx';
import { ComplaintStatusChip } from './ComplaintStatusChip.tsx';
import type { Complaint } from './types.ts';

export function ComplaintHeader({ record }: { record: Complaint }) {
  const translate = useTranslate();
  const label = (field: string) => translate(`resources.complaints.fields.${field}`);
  const verifying = record.status === 'verifying';
  return (
    <Card>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="overline" color="text.secondary" component="p" sx={{ lineHeight: 1.5 }}>
          {translate('resources.complaints.name')} · {label('trackingNo')}
        </Typography>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
          {record.trackingNo}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {[translate(`resources.cases.enums.category.${record.category}`, { _: record.category }), record.villageName]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 1.5 }}>
          <ComplaintStatusChip record={record} size="medium" />
          <Chip variant="outlined" label={translate(`resources.complaints.enums.channel.${record.channel}`, { _: record.channel })} />
        </Box>
        <Box sx={{ mt: 2 }}>
          <Facts>
            <Fact label={label('createdAt')}>
              <DateTimeText value={record.createdAt} />
            </Fact>
            <Fact label={label('verifyDueAt')}>
              {verifying ? (
                <DueDate dueAt={record.verifyDueAt} startAt={record.createdAt} overdue={record.overdue} inline />
              ) : (
                <DateTimeText value={record.verifyDueAt} />
              )}
            </Fact>
            {record.verifiedAt && (
              <Fact label={label('verifiedAt')}>
                <DateTimeText value={record.verifiedAt} />
              </Fact>
            )}
          </Facts>
        </Box>
        {verifying && record.overdue && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('resources.complaints.header.overdue')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
