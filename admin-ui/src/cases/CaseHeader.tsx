/**
 * The top of a case: its number, the house (linked to its house file), severity, status, category,
 * the time left to the due date, and the steps waiting now with what the viewer may do about them.
 */
import { Alert, Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { CaseStatusChip } from './CaseStatusChip.tsx';
import { DueDate } from '../common/DueDate.tsx';
import { OpenTasks } from './OpenTasks.tsx';
import { SeverityChip } from './SeverityChip.tsx';
import type { CaseDetail } from './types.ts';
import { isFinished } from './types.ts';

interface CaseHeaderProps {
  record: CaseDetail;
  /** The task page shows the case without its open tasks and due date: the task below has them. */
  compact?: boolean;
  /** Link the number to the case page (from the task page). */
  linkNumber?: boolean;
}

export function CaseHeader({ record, compact = false, linkNumber = false }: CaseHeaderProps) {
  const translate = useTranslate();
  const finished = isFinished(record.status);
  const number = (
    <Box component="span" sx={{ fontFamily: 'monospace' }}>
      {record.number}
    </Box>
  );
  return (
    <Card>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="overline" color="text.secondary" component="p" sx={{ lineHeight: 1.5 }}>
          {translate('resources.cases.fields.number')}{' '}
          {linkNumber ? <Link to={`/cases/${encodeURIComponent(record.id)}/show`}>{number}</Link> : number}
        </Typography>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {record.address ?? record.buildingCode}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          <Link to={`/buildings/${encodeURIComponent(record.buildingCode)}/show`} sx={{ fontFamily: 'monospace' }}>
            {record.buildingCode}
          </Link>
          {' · '}
          {[record.townName, record.villageName].filter(Boolean).join(' ')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 1.5 }}>
          <SeverityChip severity={record.severity} size="medium" />
          <CaseStatusChip status={record.status} size="medium" />
          <Chip variant="outlined" label={translate(`resources.cases.enums.category.${record.category}`, { _: record.category })} />
          {record.recheckFailures > 0 && (
            <Chip
              variant="outlined"
              color="warning"
              label={translate('resources.cases.header.recheckFailures', { count: record.recheckFailures })}
            />
          )}
        </Box>
        {!compact && !finished && record.dueAt && (
          <Box sx={{ mt: 1.5 }}>
            <Typography variant="caption" color="text.secondary" component="p">
              {translate('resources.cases.fields.dueAt')}
            </Typography>
            <DueDate dueAt={record.dueAt} startAt={record.dueFrom} overdue={record.overdue} inline />
          </Box>
        )}
        {record.status === 'cancelled' && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('resources.cases.header.cancelled', { reason: record.cancelReason ?? '' })}
          </Alert>
        )}
        {record.status === 'closed' && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {translate('resources.cases.header.closed')}
          </Alert>
        )}
        {!compact && record.openTasks.length > 0 && (
          <Box sx={{ mt: 2 }}>
            <OpenTasks tasks={record.openTasks} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
