/**
 * The inbox's 预警处置 tab: the warnings waiting for the user's role in their area (and those escalated
 * to it), soonest acknowledgement deadline first. Each row opens the warning page, where its evidence
 * is read and it is acknowledged, dispatched or dismissed.
 */
import { Button, Card, CardActions, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Link, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import type { Warning } from '../warnings/types.ts';
import { warningPage } from '../warnings/types.ts';
import { WarningStatusChip } from '../warnings/WarningStatusChip.tsx';
import { InboxSection } from './InboxSection.tsx';

function WarningCard({ warning }: { warning: Warning }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-warning-task={warning.id} sx={{ borderColor: warning.status === 'escalated' ? 'error.main' : undefined }}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
          <WarningStatusChip status={warning.status} />
        </Stack>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {warning.ruleName}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {[warning.regionName, translate('resources.warnings.inbox.houses', { smart_count: warning.buildingCodes.length })]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        <DueDate
          dueAt={warning.acknowledgeDueAt}
          startAt={warning.raisedAt}
          overdue={warning.status === 'escalated'}
          finished={warning.status === 'acknowledged'}
          inline
        />
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button
          component={Link}
          to={warningPage(warning.id)}
          variant="contained"
          size="large"
          fullWidth
          startIcon={<NotificationsActiveIcon />}
        >
          {translate('resources.warnings.actions.open')}
        </Button>
      </CardActions>
    </Card>
  );
}

function WarningTable({ warnings }: { warnings: Warning[] }) {
  const translate = useTranslate();
  const field = (key: string) => translate(`resources.warnings.fields.${key}`);
  return (
    <Table sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{field('acknowledgeDueAt')}</TableCell>
          <TableCell>{field('ruleName')}</TableCell>
          <TableCell>{field('regionName')}</TableCell>
          <TableCell>{field('status')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {warnings.map((w) => (
          <TableRow key={w.id} hover data-warning-task={w.id}>
            <TableCell>
              <DueDate
                dueAt={w.acknowledgeDueAt}
                startAt={w.raisedAt}
                overdue={w.status === 'escalated'}
                finished={w.status === 'acknowledged'}
              />
            </TableCell>
            <TableCell>
              <Link to={warningPage(w.id)} variant="body2">
                {w.ruleName}
              </Link>
              <Typography variant="caption" color="text.secondary" component="p">
                {translate('resources.warnings.inbox.houses', { smart_count: w.buildingCodes.length })}
              </Typography>
            </TableCell>
            <TableCell>{w.regionName ?? w.regionCode}</TableCell>
            <TableCell>
              <WarningStatusChip status={w.status} />
            </TableCell>
            <TableCell align="right">
              <Button component={Link} to={warningPage(w.id)} variant="contained" size="small" startIcon={<NotificationsActiveIcon />}>
                {translate('resources.warnings.actions.open')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function WarningTasks() {
  const translate = useTranslate();
  return (
    <InboxSection<Warning>
      queryKey={['warnings', 'tasks', 'list']}
      load={(dataProvider, page, signal) => dataProvider.warningTasks(page, signal)}
      empty={{ icon: <NotificationsActiveIcon />, text: translate('resources.warnings.inbox.empty') }}
      cardHeight={180}
      cards={(items) => items.map((w) => <WarningCard key={w.id} warning={w} />)}
      table={(items) => <WarningTable warnings={items} />}
    />
  );
}
