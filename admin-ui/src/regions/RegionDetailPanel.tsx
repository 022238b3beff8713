/**
 * The details of one region: where it sits (breadcrumbs; regions above the user's scope are named
 * but not linked), its code and level, and its children. A region outside the scope answers 404,
 * shown as "does not exist or you may not view it", never telling which.
 */
import { useEffect } from 'react';
import { Alert, Box, Breadcrumbs, Button, Card, CardContent, Chip, LinearProgress, Typography } from '@mui/material';
import { Link, useGetOne, useNavigate, usePermissions, useTranslate } from 'react-admin';
import type { AppAbility } from '../../../domain/abilities.ts';
import { canAccessResource } from '../access.ts';
import { apiErrorOf } from '../http.ts';
import type { RegionDetail } from './types.ts';

interface RegionDetailPanelProps {
  code: string;
  onLoaded: (detail: RegionDetail) => void;
}

export function RegionDetailPanel({ code, onLoaded }: RegionDetailPanelProps) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { permissions } = usePermissions<AppAbility>();
  const { data, isPending, error } = useGetOne<RegionDetail>('regions', { id: code });

  useEffect(() => {
    if (data) onLoaded(data);
  }, [data, onLoaded]);

  if (isPending) return <LinearProgress />;
  if (error || !data) {
    const status = apiErrorOf(error)?.status;
    return (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={() => navigate('/regions')}>
            {translate('resources.regions.detail.backToMine')}
          </Button>
        }
      >
        {status === 404 || status === 400 ? translate('resources.regions.detail.notFound') : (error?.message ?? '')}
      </Alert>
    );
  }

  const linkable = (c: string) => permissions !== undefined && canAccessResource(permissions, 'regions', 'read', { code: c });

  return (
    <Card>
      <CardContent>
        <Breadcrumbs sx={{ mb: 1 }} maxItems={6} itemsBeforeCollapse={1} aria-label={translate('resources.regions.fields.path')}>
          {data.path.map((p) =>
            p.code !== data.code && linkable(p.code) ? (
              <Link key={p.code} to={`/regions/${p.code}`}>
                {p.name}
              </Link>
            ) : (
              <Typography key={p.code} color={p.code === data.code ? 'text.primary' : 'text.secondary'}>
                {p.name}
              </Typography>
            ),
          )}
        </Breadcrumbs>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h2">
            {data.name}
          </Typography>
          <Chip size="small" color="primary" variant="outlined" label={translate(`app.regionLevels.${data.level}`)} />
        </Box>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, my: 2 }}>
          <Typography component="dt" color="text.secondary">
            {translate('resources.regions.fields.code')}
          </Typography>
          <Typography component="dd" sx={{ m: 0, fontFamily: 'monospace' }}>
            {data.code}
          </Typography>
          <Typography component="dt" color="text.secondary">
            {translate('resources.regions.fields.level')}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {translate(`app.regionLevels.${data.level}`)}
          </Typography>
          <Typography component="dt" color="text.secondary">
            {translate('resources.regions.fields.childCount')}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {data.childCount}
          </Typography>
        </Box>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('resources.regions.detail.children')}
        </Typography>
        {data.children.length === 0 ? (
          <Typography color="text.secondary">{translate('resources.regions.detail.noChildren')}</Typography>
        ) : (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
            {data.children.map((c) => (
              <Chip
                key={c.code}
                label={c.name}
                title={c.code}
                variant="outlined"
                clickable
                onClick={() => navigate(`/regions/${c.code}`)}
              />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
