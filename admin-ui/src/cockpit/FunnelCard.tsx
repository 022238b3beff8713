/**
 * The case funnel: per step of the hazard case definition, the cases open there now (and overdue),
 * the tasks completed in the period with their median and p90 days and the late share; and the same
 * on the process diagram, each step filled by its median days (green quick, red slow).
 */
import { Suspense, useMemo } from 'react';
import { Box, Skeleton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Funnel } from '../../../domain/statistics/api.ts';
import { BpmnDiagram } from '../bpmn/index.ts';
import { useBpmnXml } from '../definitions/useBpmnXml.ts';
import { FigureLink } from '../stats/FigureLink.tsx';
import { funnelHeat } from '../stats/funnelHeat.ts';
import { days, heatColour, percent } from '../stats/params.ts';
import { StatCard } from './StatCard.tsx';

const placeholder = <Skeleton variant="rectangular" sx={{ width: '100%', aspectRatio: '16 / 10', maxHeight: 560 }} />;

export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.stats.${key}`, options);
  const xml = useBpmnXml(funnel.definitionVersion);
  const { fills, badges, max } = useMemo(
    () => funnelHeat(funnel.steps, (s) => translate('resources.stats.funnel.badge', { open: s.open.value, median: days(s.medianDays) })),
    [funnel.steps, translate],
  );
  const columns = ['step', 'open', 'overdueOpen', 'completed', 'median', 'p90', 'lateShare'] as const;
  return (
    <StatCard id="funnel" title={t('cards.funnel')}>
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('cards.funnel')} data-funnel>
          <TableHead>
            <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              {columns.map((c) => (
                <TableCell key={c} align={c === 'step' ? 'left' : 'right'}>
                  {t(`funnel.${c}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {funnel.steps.map((s) => (
              <TableRow key={s.step} data-step={s.step}>
                <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                  <Stack direction="row" spacing={1} alignItems="center">
                    <Box
                      component="span"
                      sx={{
                        width: 12,
                        height: 12,
                        borderRadius: 0.5,
                        border: 1,
                        borderColor: 'divider',
                        bgcolor: heatColour(s.medianDays, max) ?? 'transparent',
                      }}
                    />
                    <span>{translate(`resources.tasks.enums.step.${s.step}`, { _: s.label })}</span>
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  <FigureLink figure={s.open} name={`funnel.${s.step}.open`} />
                </TableCell>
                <TableCell align="right" sx={{ color: s.overdueOpen.value > 0 ? 'error.main' : undefined }}>
                  <FigureLink figure={s.overdueOpen} name={`funnel.${s.step}.overdue`} />
                </TableCell>
                <TableCell align="right">{s.completed}</TableCell>
                <TableCell align="right">{days(s.medianDays)}</TableCell>
                <TableCell align="right">{days(s.p90Days)}</TableCell>
                <TableCell align="right">{percent(s.lateShare)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1, mb: 1 }}>
        {t('funnel.heatHelp')}
      </Typography>
      {xml.data ? (
        <Suspense fallback={placeholder}>
          <BpmnDiagram xml={xml.data} fills={fills} badges={badges} label={t('funnel.diagram')} />
        </Suspense>
      ) : (
        placeholder
      )}
    </StatCard>
  );
}
