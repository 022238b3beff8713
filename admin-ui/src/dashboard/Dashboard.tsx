/**
 * The home page: who is signed in, where they work, their own work and their region's key figures
 * (`HomeFigures`, each a link to its list), and the pages their role may open. On a phone, a
 * field worker (one who inspects houses or works case steps) gets their work instead (`WorkHome`):
 * what waits for them and 扫码, not the office's shortcuts.
 */
import { Box, Card, CardContent, Stack, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { Title, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import auditLog from '../audit-log/index.ts';
import buildingImports from '../building-imports/index.ts';
import buildings from '../buildings/index.ts';
import labelBatches from '../label-batches/index.ts';
import type { AppIdentity } from '../authProvider.ts';
import profile from '../profile/index.ts';
import regions from '../regions/index.ts';
import users from '../users/index.ts';
import { useScans } from '../layout/ScanAction.tsx';
import { hasInbox } from '../tasks/index.ts';
import InsightsIcon from '@mui/icons-material/Insights';
import TableChartIcon from '@mui/icons-material/TableChart';
import { Fact } from './Fact.tsx';
import { HomeFigures } from './HomeFigures.tsx';
import { ShortcutCard } from './ShortcutCard.tsx';
import type { Shortcut } from './ShortcutCard.tsx';
import { WorkHome } from './WorkHome.tsx';

export function Dashboard() {
  const { identity } = useGetIdentity();
  const me = identity as AppIdentity | undefined;
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const scans = useScans();
  if (isPhone && (scans || hasInbox(me?.role))) return <WorkHome me={me} scans={scans} />;
  return <OfficeHome me={me} />;
}

function OfficeHome({ me }: { me: AppIdentity | undefined }) {
  const translate = useTranslate();
  const canUsers = useCanAccess({ resource: 'users', action: 'list' }).canAccess === true;
  const canAudit = useCanAccess({ resource: 'audit-log', action: 'list' }).canAccess === true;
  const canBuildings = useCanAccess({ resource: 'buildings', action: 'list' }).canAccess === true;
  const canImport = useCanAccess({ resource: 'building-imports', action: 'create' }).canAccess === true;
  const canLabels = useCanAccess({ resource: 'label-batches', action: 'create' }).canAccess === true;

  const shortcuts: Shortcut[] = [
    ...(canBuildings
      ? [
          { to: '/cockpit', title: 'resources.stats.cockpit.menu', hint: 'resources.stats.cockpit.hint', icon: InsightsIcon },
          { to: '/pivot', title: 'resources.stats.pivot.menu', hint: 'resources.stats.pivot.hint', icon: TableChartIcon },
        ]
      : []),
    ...(canBuildings
      ? [{ to: '/buildings', title: 'resources.buildings.menu', hint: 'app.dashboard.buildings', icon: buildings.icon }]
      : []),
    ...(canImport
      ? [
          {
            to: '/building-imports/create',
            title: 'resources.building-imports.menu',
            hint: 'app.dashboard.imports',
            icon: buildingImports.icon,
          },
        ]
      : []),
    ...(canLabels
      ? [{ to: '/label-batches', title: 'resources.label-batches.menu', hint: 'app.dashboard.labels', icon: labelBatches.icon }]
      : []),
    { to: '/regions', title: 'resources.regions.menu', hint: 'app.dashboard.regions', icon: regions.icon },
    ...(canUsers ? [{ to: '/users', title: 'resources.users.menu', hint: 'app.dashboard.users', icon: users.icon }] : []),
    ...(canAudit ? [{ to: '/audit-log', title: 'resources.audit-log.menu', hint: 'app.dashboard.auditLog', icon: auditLog.icon }] : []),
    { to: '/profile', title: 'resources.profile.name', hint: 'app.dashboard.profile', icon: profile.icon },
  ];

  return (
    <Stack spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }}>
      <Title title={translate('app.dashboard.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {me ? translate('app.dashboard.welcome', { name: me.name }) : '\u00a0'}
          </Typography>
          {me && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 1, sm: 4 }}>
              <Fact label={translate('app.dashboard.role')} value={translate(`app.roles.${me.role}`)} />
              <Fact label={translate('app.dashboard.region')} value={me.regionName ?? me.regionCode} />
            </Stack>
          )}
        </CardContent>
      </Card>
      <HomeFigures />
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {translate('app.dashboard.shortcuts')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {shortcuts.map((s) => (
          <ShortcutCard key={s.to} shortcut={s} />
        ))}
      </Box>
    </Stack>
  );
}
