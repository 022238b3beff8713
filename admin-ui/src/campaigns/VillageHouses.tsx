/**
 * The houses of one village in a campaign, a page at a time, narrowed by where they stand: each with
 * its address (linking to the house file), its state, the hazards its inspection found, when it was
 * inspected and a link to that inspection.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { PagePicker } from '../common/PagePicker.tsx';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { HouseCell } from '../inspections/HouseCell.tsx';
import { HouseStatusChip } from './HouseStatusChip.tsx';
import { houseState } from './types.ts';
import type { CampaignHouse, CampaignItem } from './types.ts';

const PER_PAGE = 25;
type Filter = CampaignItem['status'] | 'all';
const FILTERS: readonly Filter[] = ['all', 'pending', 'done', 'overdue'];

const inspectionPage = (id: string) => `/inspections/${encodeURIComponent(id)}/show`;

function Hazards({ house }: { house: CampaignHouse }) {
  const translate = useTranslate();
  if (house.status !== 'done' || house.hazardsFound === null) return <>{translate('app.none')}</>;
  if (house.hazardsFound === 0) return <>{translate('resources.campaigns.houses.noHazards')}</>;
  return (
    <Box component="span" sx={{ color: 'warning.dark', fontWeight: 600 }}>
      {translate('resources.campaigns.houses.hazardsFound', { n: house.hazardsFound })}
    </Box>
  );
}

interface VillageHousesProps {
  campaignId: string;
  villageCode: string;
  villageName: string;
}

export function VillageHouses({ campaignId, villageCode, villageName }: VillageHousesProps) {
  const translate = useTranslate();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(0);
  const status = filter === 'all' ? undefined : filter;
  const houses = useApiQuery(['campaigns', campaignId, 'items', villageCode, filter, page], (dataProvider, signal) =>
    dataProvider.campaignHouses(
      campaignId,
      { regionCode: villageCode, ...(status ? { status } : {}), page: page + 1, perPage: PER_PAGE },
      signal,
    ),
  );
  const label = (key: string) => translate(`resources.campaigns.houses.${key}`);
  return (
    <Card component="section" aria-labelledby="village-houses" data-testid="village-houses">
      <CardContent sx={{ '&:last-child': { pb: 1 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
          <Typography id="village-houses" variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('resources.campaigns.houses.title', { village: villageName })}
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={filter}
            onChange={(_event, next: Filter | null) => {
              if (next) {
                setFilter(next);
                setPage(0);
              }
            }}
          >
            {FILTERS.map((f) => (
              <ToggleButton key={f} value={f} sx={{ px: 1.5 }}>
                {f === 'all' ? label('all') : translate(`resources.campaigns.enums.itemStatus.${f}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
        {houses.isError && <Alert severity="error">{houses.error instanceof Error ? houses.error.message : String(houses.error)}</Alert>}
        {houses.isPending && <Skeleton variant="rounded" height={120} />}
        {houses.data && houses.data.total === 0 && (
          <Typography color="text.secondary" sx={{ py: 2 }}>
            {label('empty')}
          </Typography>
        )}
        {houses.data && houses.data.total > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{label('house')}</TableCell>
                  <TableCell>{label('status')}</TableCell>
                  <TableCell>{label('hazards')}</TableCell>
                  <TableCell>{label('doneAt')}</TableCell>
                  <TableCell>{label('inspection')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {houses.data.data.map((house) => (
                  <TableRow key={house.buildingCode} data-house={house.buildingCode} sx={{ '& td': { verticalAlign: 'top' } }}>
                    <TableCell>
                      <HouseCell record={house} />
                    </TableCell>
                    <TableCell>
                      <HouseStatusChip state={houseState(house)} />
                    </TableCell>
                    <TableCell>
                      <Hazards house={house} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <DateTimeText value={house.doneAt} />
                    </TableCell>
                    <TableCell>
                      {house.inspectionId ? (
                        <Link to={inspectionPage(house.inspectionId)} variant="body2">
                          {label('open')}
                        </Link>
                      ) : (
                        translate('app.none')
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <PagePicker total={houses.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
