/**
 * 大屏 (`/wall`): the cockpit for a wall screen at 1920×1080, outside the app's layout (no menu, no
 * app bar), dark, with large numbers, a clock and the moment the figures were computed; it refreshes
 * every minute. The same region and period as the cockpit (`?region=&from=&to=`). On a tablet the
 * panels stack.
 */
import { useMemo } from 'react';
import { Box, CssBaseline, IconButton, Stack, ThemeProvider, Tooltip, Typography, createTheme } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useNavigate, useTranslate } from 'react-admin';
import type { ChildRow, Figure, Overview } from '../../../domain/statistics/api.ts';
import { RISK_TIER } from '../../../domain/statistics/dimensions.ts';
import { useNow } from '../common/hooks/useNow.ts';
import { BEIJING_DATE_TIME } from '../common/DateTimeText.tsx';
import { TIER_COLOURS } from '../stats/colours.ts';
import { EChart } from '../stats/EChart.tsx';
import { childrenOption, trendOption } from '../stats/chartOptions.ts';
import { FigureLink } from '../stats/FigureLink.tsx';
import { percent } from '../stats/params.ts';
import { useStatsParams } from '../stats/useStatsParams.ts';
import { useCockpit } from './useCockpit.ts';

const REFRESH_MS = 60_000;

const dark = createTheme({
  palette: { mode: 'dark', background: { default: '#07111f', paper: '#0e1c30' }, primary: { main: '#4fc3f7' } },
  typography: { fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif' },
});

const clockFormat: Intl.DateTimeFormatOptions = { ...BEIJING_DATE_TIME, second: '2-digit' };

/** 2026-12-07 09:15:02 周一, Beijing time. */
function clockText(now: number): string {
  const date = new Date(now);
  return `${date.toLocaleString('sv-SE', clockFormat)} ${date.toLocaleDateString('zh-CN', { weekday: 'short', timeZone: 'Asia/Shanghai' })}`;
}

function Panel({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Box
      component="section"
      aria-labelledby={`wall-${id}`}
      sx={{
        bgcolor: 'background.paper',
        border: '1px solid rgba(79,195,247,.25)',
        borderRadius: 2,
        p: 2,
        minWidth: 0,
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <Typography
        id={`wall-${id}`}
        component="h2"
        sx={{ fontSize: { xs: '1.125rem', xl: '1.375rem' }, fontWeight: 700, color: '#81d4fa', mb: 1 }}
      >
        {title}
      </Typography>
      <Box sx={{ flex: 1, minHeight: 0 }}>{children}</Box>
    </Box>
  );
}

function BigNumber({
  name,
  label,
  figure,
  text,
  colour,
}: {
  name: string;
  label: string;
  figure?: Figure;
  text?: string;
  colour?: string;
}) {
  return (
    <Box sx={{ bgcolor: 'background.paper', border: '1px solid rgba(79,195,247,.25)', borderRadius: 2, px: 2, py: 1.5, minWidth: 0 }}>
      <Typography sx={{ color: 'grey.400', fontSize: { xs: '1rem', xl: '1.25rem' } }}>{label}</Typography>
      <Typography
        component="div"
        sx={{
          fontSize: { xs: '2.25rem', xl: '3.5rem' },
          fontWeight: 800,
          lineHeight: 1.1,
          color: colour ?? '#e1f5fe',
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {text !== undefined ? <span data-figure={name}>{text}</span> : <FigureLink figure={figure} name={name} label={label} />}
      </Typography>
    </Box>
  );
}

function openHazardsTotal(o: Overview): number {
  return o.openHazards.reduce((sum, h) => sum + h.count.value, 0);
}

function Ranking({ rows }: { rows: ChildRow[] }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.stats.ranking.${key}`);
  const sorted = [...rows].sort((a, b) => (b.rectificationRate ?? -1) - (a.rectificationRate ?? -1)).slice(0, 10);
  const cell = { py: 0.75, px: 1, fontSize: { xs: '0.95rem', xl: '1.15rem' }, borderBottom: '1px solid rgba(255,255,255,.08)' } as const;
  return (
    <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          {(['region', 'rectificationRate', 'overdue', 'coverageRate'] as const).map((k) => (
            <Box component="th" key={k} sx={{ ...cell, color: 'grey.400', fontWeight: 600, textAlign: k === 'region' ? 'left' : 'right' }}>
              {t(k)}
            </Box>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.region.code}>
            <Box component="td" sx={cell}>
              {r.region.name}
            </Box>
            <Box component="td" sx={{ ...cell, textAlign: 'right', fontWeight: 700 }}>
              {percent(r.rectificationRate)}
            </Box>
            <Box component="td" sx={{ ...cell, textAlign: 'right', color: r.overdue.value > 0 ? '#ef5350' : undefined }}>
              {r.overdue.value}
            </Box>
            <Box component="td" sx={{ ...cell, textAlign: 'right' }}>
              {percent(r.coverageRate)}
            </Box>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

/** A row of the wall: a wide chart panel and a narrower one beside it (stacked on a tablet). */
function PanelRow({ children }: { children: React.ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: { xs: 1.5, xl: 2 },
        gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
        minHeight: 0,
      }}
    >
      {children}
    </Box>
  );
}

export function WallPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.stats.${key}`, options);
  const now = useNow(1000);
  const { region, from, to } = useStatsParams();
  const { overview, children, trends } = useCockpit({ region, from, to, interval: 'month' }, REFRESH_MS);
  const o = overview.data;
  const trendLabels = {
    found: t('figures.found'),
    closed: t('figures.closed'),
    backlog: t('figures.backlog'),
    complaints: t('figures.received'),
  };
  const childLabels = { red: t('ranking.red'), openHazards: t('ranking.openHazards'), overdue: t('ranking.overdue') };
  const labelKey = JSON.stringify([trendLabels, childLabels]);
  const trendChart = useMemo(
    () => trendOption(trends.data?.points ?? [], 'month', (JSON.parse(labelKey) as [typeof trendLabels])[0], true),
    [trends.data, labelKey],
  );
  const childChart = useMemo(
    () => childrenOption(children.data?.rows ?? [], (JSON.parse(labelKey) as [unknown, typeof childLabels])[1], true),
    [children.data, labelKey],
  );
  const cockpit = `/cockpit?${new URLSearchParams(Object.entries({ region: region ?? '', from, to }).filter(([, v]) => v !== '')).toString()}`;
  return (
    <ThemeProvider theme={dark}>
      <CssBaseline />
      <Box
        data-page="wall"
        sx={{
          minHeight: '100vh',
          height: { lg: '100vh' },
          bgcolor: 'background.default',
          color: 'text.primary',
          p: { xs: 1.5, xl: 3 },
          display: 'grid',
          gap: { xs: 1.5, xl: 2 },
          gridTemplateRows: { lg: 'auto auto minmax(0, 1fr) minmax(0, 1fr)' },
          overflow: { lg: 'hidden' },
        }}
      >
        <Stack component="header" direction={{ xs: 'column', sm: 'row' }} alignItems={{ sm: 'center' }} spacing={1}>
          <Tooltip title={t('wall.back')}>
            <IconButton onClick={() => navigate(cockpit)} aria-label={t('wall.back')} size="small" sx={{ color: 'grey.600' }}>
              <ArrowBackIcon />
            </IconButton>
          </Tooltip>
          <Typography
            component="h1"
            sx={{ flex: 1, fontSize: { xs: '1.5rem', xl: '2.25rem' }, fontWeight: 800, letterSpacing: 2, color: '#e1f5fe' }}
          >
            {t('wall.title', { region: o?.meta.region.name ?? '' })}
          </Typography>
          <Box sx={{ textAlign: { sm: 'right' } }}>
            <Typography data-clock sx={{ fontSize: { xs: '1.25rem', xl: '1.75rem' }, fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
              {clockText(now)}
            </Typography>
            <Typography data-computed-at sx={{ color: 'grey.500', fontSize: { xs: '0.85rem', xl: '1rem' } }}>
              {t('wall.period', { from, to })} ·{' '}
              {o
                ? t('wall.computedAt', { time: new Date(o.meta.computedAt).toLocaleTimeString('sv-SE', { timeZone: 'Asia/Shanghai' }) })
                : ''}
            </Typography>
          </Box>
        </Stack>
        {overview.error && <Typography color="error">{overview.error instanceof Error ? overview.error.message : ''}</Typography>}
        <Box
          sx={{
            display: 'grid',
            gap: { xs: 1.5, xl: 2 },
            gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))', lg: 'repeat(8, minmax(0, 1fr))' },
          }}
        >
          {o && (
            <>
              <BigNumber name="houses.total" label={t('figures.housesTotal')} figure={o.houses.total} />
              <BigNumber name="tiers.red" label={RISK_TIER.labels.red} figure={o.tiers.red} colour={TIER_COLOURS.red} />
              <BigNumber name="tiers.orange" label={RISK_TIER.labels.orange} figure={o.tiers.orange} colour={TIER_COLOURS.orange} />
              <BigNumber name="openHazards" label={t('figures.openHazards')} text={String(openHazardsTotal(o))} colour="#ffb74d" />
              <BigNumber name="overdue" label={t('figures.overdue')} figure={o.overdue} colour="#ef5350" />
              <BigNumber
                name="rectification.rate"
                label={t('figures.rectificationRate')}
                text={percent(o.rectification.rate)}
                colour="#66bb6a"
              />
              <BigNumber name="coverage.rate" label={t('figures.coverageRate')} text={percent(o.coverage.rate)} />
              <BigNumber name="complaints.received" label={t('figures.received')} figure={o.complaints.received} />
            </>
          )}
        </Box>
        <PanelRow>
          <Panel id="trends" title={t('cards.trends')}>
            <EChart option={trendChart} label={t('cards.trends')} dark height="100%" sx={{ minHeight: 260 }} />
          </Panel>
          <Panel id="tiers" title={t('cards.tiers')}>
            {o && (
              <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 1.5 }}>
                {RISK_TIER.values.map((tier) => (
                  <Box key={tier} sx={{ borderLeft: `6px solid ${TIER_COLOURS[tier]}`, pl: 1.5 }}>
                    <Typography sx={{ color: 'grey.400', fontSize: { xs: '1rem', xl: '1.25rem' } }}>{RISK_TIER.labels[tier]}</Typography>
                    <Typography component="div" sx={{ fontSize: { xs: '2rem', xl: '3rem' }, fontWeight: 800, color: TIER_COLOURS[tier] }}>
                      <FigureLink figure={o.tiers[tier]} name={`tiers.${tier}`} />
                    </Typography>
                  </Box>
                ))}
              </Box>
            )}
          </Panel>
        </PanelRow>
        <PanelRow>
          <Panel id="children" title={t('cards.children')}>
            <EChart option={childChart} label={t('cards.children')} dark height="100%" sx={{ minHeight: 260 }} />
          </Panel>
          <Panel id="ranking" title={t('wall.ranking')}>
            <Box sx={{ overflow: 'auto', height: '100%' }}>{children.data && <Ranking rows={children.data.rows} />}</Box>
          </Panel>
        </PanelRow>
      </Box>
    </ThemeProvider>
  );
}
