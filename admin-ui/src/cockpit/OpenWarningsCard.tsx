/**
 * The cockpit's live list of warnings still waiting (open, acknowledged or escalated) in the region
 * shown, newest first, refreshed every half minute; each opens its warning page.
 */
import { Card, CardContent, List, ListItemButton, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { warningPage } from '../warnings/types.ts';
import { WarningStatusChip } from '../warnings/WarningStatusChip.tsx';

const SHOWN = 8;

export function OpenWarningsCard({ region }: { region: string | undefined }) {
  const translate = useTranslate();
  const list = useApiQuery(
    ['warnings', 'cockpit', region ?? ''],
    (dp, signal) => dp.warnings({ active: true, ...(region ? { regionCode: region } : {}), page: 1, perPage: SHOWN }, signal),
    { refetchInterval: 30_000 },
  );
  return (
    <Card data-card="warnings">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('resources.warnings.cockpit.title')}
          {list.data ? ` (${String(list.data.total)})` : ''}
        </Typography>
        {list.isPending ? (
          <Skeleton variant="rectangular" height={120} />
        ) : !list.data || list.data.total === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('resources.warnings.cockpit.empty')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {list.data.data.map((w) => (
              <ListItemButton key={w.id} component={Link} to={warningPage(w.id)} divider data-warning-row={w.id}>
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} alignItems="center">
                      <span>{w.ruleName}</span>
                      <WarningStatusChip status={w.status} />
                    </Stack>
                  }
                  secondary={
                    <>
                      {w.regionName ?? w.regionCode} · <DateTimeText value={w.raisedAt} />
                    </>
                  }
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
