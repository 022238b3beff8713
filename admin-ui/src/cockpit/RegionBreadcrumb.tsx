/**
 * Where the cockpit stands: 区 → 镇/街道 → 村/社区, from the reader's own region down to the one shown;
 * each level above the current one goes back up.
 */
import { Breadcrumbs, Link as MuiLink, Typography } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { regionAncestry } from '../../../domain/regions.ts';
import type { StatsRegion } from '../../../domain/statistics/api.ts';

function RegionName({ code }: { code: string }) {
  const { data } = useGetOne<{ id: string; name: string }>('regions', { id: code }, { staleTime: 5 * 60_000 });
  return <>{data?.name ?? code}</>;
}

export function RegionBreadcrumb({ region, home, onGo }: { region: StatsRegion; home: string | undefined; onGo: (code: string) => void }) {
  const translate = useTranslate();
  const above = regionAncestry(region.code).filter((code) => code !== region.code && home !== undefined && code.startsWith(home));
  return (
    <Breadcrumbs aria-label={translate('resources.stats.breadcrumb')} data-breadcrumb sx={{ '& ol': { flexWrap: 'wrap' } }}>
      {above.map((code) => (
        <MuiLink key={code} component="button" type="button" underline="hover" onClick={() => onGo(code)} sx={{ typography: 'body1' }}>
          <RegionName code={code} />
        </MuiLink>
      ))}
      <Typography color="text.primary" sx={{ fontWeight: 600 }} aria-current="page">
        {region.name}
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {translate(`app.regionLevels.${region.level}`, { _: region.level })}
        </Typography>
      </Typography>
    </Breadcrumbs>
  );
}
