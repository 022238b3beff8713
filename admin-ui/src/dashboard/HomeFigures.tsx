/**
 * The home page's own figures (`GET /api/stats/home`): the reader's work (their pending, claimable and
 * overdue tasks, complaints to verify, campaign houses due) and their region's key figures (houses,
 * red-tier houses, open hazards, overdue cases, 整改率), each opening the list behind it; and the way
 * to the cockpit.
 */
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { FigureTile, TileRow } from '../cockpit/FigureTile.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { TIER_COLOURS } from '../stats/colours.ts';
import { percent } from '../stats/params.ts';

const REFRESH_MS = 60_000;

/** `regionOnly`: the region's figures alone (the phone home lists the work itself). */
export function HomeFigures({ regionOnly = false }: { regionOnly?: boolean }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.stats.home.${key}`);
  const home = useApiQuery(['stats', 'home'], (dp, signal) => dp.statsHome(signal), { refetchInterval: REFRESH_MS });
  if (home.error)
    return <Alert severity="warning">{home.error instanceof Error ? home.error.message : translate('ra.notification.http_error')}</Alert>;
  const h = home.data;
  if (!h) return null;
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: regionOnly ? '1fr' : 'minmax(0, 1fr) minmax(0, 1fr)' } }}
      data-home-figures
    >
      {!regionOnly && (
        <Card component="section" aria-labelledby="home-work">
          <CardContent>
            <Typography id="home-work" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
              {t('work')}
            </Typography>
            <TileRow min={96}>
              <FigureTile name="home.pending" label={t('pending')} figure={h.tasks.pending} size="large" />
              <FigureTile name="home.claimable" label={t('claimable')} figure={h.tasks.claimable} />
              <FigureTile
                name="home.overdue"
                label={t('overdue')}
                figure={h.tasks.overdue}
                colour={h.tasks.overdue.value > 0 ? '#d32f2f' : undefined}
              />
              <FigureTile name="home.verify" label={t('verify')} figure={h.complaintsToVerify} />
              <FigureTile name="home.campaigns" label={t('campaigns')} figure={h.campaignHousesDue} />
            </TileRow>
          </CardContent>
        </Card>
      )}
      <Card component="section" aria-labelledby="home-region" variant={regionOnly ? 'outlined' : 'elevation'}>
        <CardContent>
          <Stack direction="row" alignItems="center" sx={{ mb: 1.5 }}>
            <Typography id="home-region" variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
              {translate('resources.stats.home.region', { name: h.meta.region.name })}
            </Typography>
            <Button component={Link} to="/cockpit" size="small" startIcon={<InsightsIcon />}>
              {translate('resources.stats.cockpit.menu')}
            </Button>
          </Stack>
          <TileRow min={96}>
            <FigureTile name="home.houses" label={t('houses')} figure={h.region.houses} size="large" />
            <FigureTile name="home.red" label={t('red')} figure={h.region.red} colour={TIER_COLOURS.red} />
            <FigureTile name="home.openHazards" label={t('openHazards')} figure={h.region.openHazards} />
            <FigureTile name="home.regionOverdue" label={t('regionOverdue')} figure={h.region.overdue} />
            <FigureTile name="home.rectificationRate" label={t('rectificationRate')} text={percent(h.region.rectificationRate)} />
          </TileRow>
        </CardContent>
      </Card>
    </Box>
  );
}
