/**
 * The campaign's progress per town: one card each, its villages in a table (houses, inspected,
 * hazards found, overdue, still to inspect, a bar). Clicking a village selects it, and its houses
 * are listed below.
 */
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CampaignProgress } from './CampaignProgress.tsx';
import type { Counts, VillageProgress } from './types.ts';

interface Town {
  code: string;
  name: string | null;
  villages: VillageProgress[];
}

function byTown(villages: VillageProgress[]): Town[] {
  const towns = new Map<string, Town>();
  for (const v of villages) {
    const town = towns.get(v.townCode) ?? { code: v.townCode, name: v.townName, villages: [] };
    town.villages.push(v);
    towns.set(v.townCode, town);
  }
  return [...towns.values()];
}

const sum = (villages: VillageProgress[]): Counts =>
  villages.reduce(
    (acc, v) => ({
      total: acc.total + v.total,
      done: acc.done + v.done,
      withHazards: acc.withHazards + v.withHazards,
      overdue: acc.overdue + v.overdue,
      pending: acc.pending + v.pending,
    }),
    { total: 0, done: 0, withHazards: 0, overdue: 0, pending: 0 },
  );

const COLUMNS = ['total', 'done', 'withHazards', 'overdue', 'pending'] as const;

interface TownProgressProps {
  villages: VillageProgress[];
  selected: string | null;
  onSelect(villageCode: string): void;
}

export function TownProgress({ villages, selected, onSelect }: TownProgressProps) {
  const translate = useTranslate();
  if (villages.length === 0) {
    return (
      <Card>
        <CardContent>
          <Typography color="text.secondary">{translate('resources.campaigns.villages.empty')}</Typography>
        </CardContent>
      </Card>
    );
  }
  return (
    <>
      {byTown(villages).map((town) => (
        <Card key={town.code} component="section" aria-labelledby={`town-${town.code}`} data-town={town.code}>
          <CardContent sx={{ '&:last-child': { pb: 1 } }}>
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, flexWrap: 'wrap', mb: 1 }}>
              <Typography id={`town-${town.code}`} variant="h6" component="h2">
                {town.name ?? town.code}
              </Typography>
              <Box sx={{ flex: 1, minWidth: 200, maxWidth: 360 }}>
                <CampaignProgress counts={sum(town.villages)} />
              </Box>
            </Box>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.campaigns.villages.village')}</TableCell>
                    {COLUMNS.map((c) => (
                      <TableCell key={c} align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {translate(`resources.campaigns.totals.${c}`)}
                      </TableCell>
                    ))}
                    <TableCell>{translate('resources.campaigns.villages.progress')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {town.villages.map((v) => (
                    <TableRow
                      key={v.villageCode}
                      hover
                      selected={selected === v.villageCode}
                      onClick={() => onSelect(v.villageCode)}
                      data-village={v.villageCode}
                      sx={{ cursor: 'pointer' }}
                    >
                      <TableCell sx={{ fontWeight: 500 }}>{v.villageName ?? v.villageCode}</TableCell>
                      {COLUMNS.map((c) => (
                        <TableCell
                          key={c}
                          align="right"
                          data-count={c}
                          sx={{
                            color:
                              c === 'overdue' && v.overdue > 0
                                ? 'error.main'
                                : c === 'withHazards' && v.withHazards > 0
                                  ? 'warning.dark'
                                  : undefined,
                            fontWeight: c === 'overdue' && v.overdue > 0 ? 600 : undefined,
                          }}
                        >
                          {v[c]}
                        </TableCell>
                      ))}
                      <TableCell sx={{ width: 220 }}>
                        <CampaignProgress counts={v} minWidth={160} brief />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </CardContent>
        </Card>
      ))}
      <Typography variant="body2" color="text.secondary">
        {translate('resources.campaigns.villages.hint')}
      </Typography>
    </>
  );
}
