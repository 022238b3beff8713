/**
 * At a village, the cockpit's last level: its houses, each opening its house file, and the whole
 * registry filtered by the village.
 */
import { Button, List, ListItemButton, ListItemText } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Overview } from '../../../domain/statistics/api.ts';
import type { BuildingRecord } from '../buildings/types.ts';
import { linkHref } from '../stats/links.ts';
import { StatCard } from './StatCard.tsx';

const SHOWN = 10;

export function VillageHousesCard({ overview }: { overview: Overview }) {
  const translate = useTranslate();
  const code = overview.meta.region.code;
  const { data } = useGetList<BuildingRecord>('buildings', {
    filter: { regionCode: code },
    sort: { field: 'code', order: 'ASC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  const registry = overview.houses.total.link
    ? linkHref(overview.houses.total.link)
    : linkHref({ resource: 'buildings', filter: { regionCode: code } });
  return (
    <StatCard
      id="village-houses"
      title={translate('resources.stats.cards.villageHouses', { name: overview.meta.region.name })}
      action={
        <Button component={Link} to={registry} size="small" variant="outlined" data-registry-link>
          {translate('resources.stats.village.registry', { count: overview.houses.total.value })}
        </Button>
      }
    >
      <List dense disablePadding>
        {(data ?? []).map((b) => (
          <ListItemButton key={b.id} component={Link} to={`/buildings/${encodeURIComponent(String(b.id))}/show`} divider>
            <ListItemText primary={b.address} secondary={b.code} />
          </ListItemButton>
        ))}
      </List>
    </StatCard>
  );
}
