/**
 * 数据完整性 (`/completeness`, issue 20 §3): per village of the region, the houses whose record misses
 * coordinates, an owner, approvals, a business licence or appraisal, an appraisal after a dangerous
 * judgement, or that look like duplicates; towns and the region summed. Every count opens the registry
 * list with the same filter (its total is the count). A gap's list is exported (XLSX/CSV) for the
 * region shown; picking a village narrows the page (and the export) to it. The region lives in the address.
 */
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Fragment, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { Gap } from '../../../domain/completeness/gaps.ts';
import type { CompletenessRow } from '../../../domain/completeness/report.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { useDownload } from '../common/useDownload.ts';
import { FigureLink } from '../stats/FigureLink.tsx';
import { RegionPicker } from '../stats/RegionPicker.tsx';

function Row({ row, gaps, strong, onPick }: { row: CompletenessRow; gaps: Gap[]; strong?: boolean; onPick?: () => void }) {
  return (
    <TableRow hover data-row={row.code} sx={strong ? { '& td': { fontWeight: 700, bgcolor: 'action.hover' } } : undefined}>
      <TableCell sx={{ whiteSpace: 'nowrap', position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 }}>
        {onPick ? (
          <Button size="small" onClick={onPick} sx={{ p: 0, minWidth: 0, fontWeight: 'inherit', justifyContent: 'flex-start' }}>
            {row.name}
          </Button>
        ) : (
          row.name
        )}
      </TableCell>
      <TableCell align="right">
        <FigureLink figure={row.houses} name={`${row.code}.houses`} />
      </TableCell>
      {gaps.map((g) => (
        <TableCell key={g} align="right" sx={row.gaps[g].value > 0 ? { color: 'error.main' } : { color: 'text.disabled' }}>
          <FigureLink figure={row.gaps[g]} name={`${row.code}.${g}`} />
        </TableCell>
      ))}
    </TableRow>
  );
}

export function CompletenessPage() {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.completeness.${key}`);
  const [search, setSearch] = useSearchParams();
  const region = search.get('region') ?? undefined;
  const setRegion = (code: string | undefined) => setSearch(code ? { region: code } : {});
  const report = useApiQuery(['completeness', region ?? ''], (dp, signal) => dp.completeness(region, signal));
  const r = report.data;
  const gapKeys = r?.gaps.map((g) => g.key) ?? [];
  const [gap, setGap] = useState<Gap>('no_coordinates');
  const { download, busy } = useDownload();
  const exportAs = (format: 'xlsx' | 'csv') => {
    if (!r) return;
    const q = new URLSearchParams({ regionCode: r.region.code, gap });
    void download(`/completeness/houses.${format}?${q.toString()}`, `数据缺项-${r.region.name}.${format}`);
  };
  const single = r && r.villages.length === 1;
  return (
    <Stack spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2, minWidth: 0 }} data-page="completeness">
      <Title title={t('title')} />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {r ? `${r.region.name} · ` : ''}
                {t('intro')}
              </Typography>
            </Box>
            <RegionPicker value={region} onChange={setRegion} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }} sx={{ mt: 2 }}>
            <TextField
              select
              size="small"
              label={t('exportGap')}
              value={gap}
              onChange={(e) => setGap(e.target.value as Gap)}
              sx={{ minWidth: 220 }}
              inputProps={{ 'data-export-gap': true }}
            >
              {(r?.gaps ?? []).map((g) => (
                <MenuItem key={g.key} value={g.key}>
                  {translate(`resources.buildings.enums.gap.${g.key}`)}
                </MenuItem>
              ))}
            </TextField>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              disabled={!r || busy}
              onClick={() => exportAs('xlsx')}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {t('xlsx')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              disabled={!r || busy}
              onClick={() => exportAs('csv')}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {t('csv')}
            </Button>
            <Box sx={{ flex: 1 }} />
            {r && (
              <Typography variant="caption" color="text.secondary" data-computed-at>
                {t('computedAt')} <DateTimeText value={r.computedAt} />
              </Typography>
            )}
          </Stack>
        </CardContent>
      </Card>
      {report.error && (
        <Alert severity="error">{report.error instanceof Error ? report.error.message : translate('ra.notification.http_error')}</Alert>
      )}
      <Card>
        {!r ? (
          <Skeleton variant="rectangular" height={240} />
        ) : r.villages.length === 0 ? (
          <CardContent>{t('empty')}</CardContent>
        ) : (
          <TableContainer sx={{ maxHeight: { md: '70vh' } }}>
            <Table size="small" stickyHeader data-completeness-table sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ position: 'sticky', left: 0, zIndex: 3 }}>{t('region')}</TableCell>
                  <TableCell align="right">{t('houses')}</TableCell>
                  {gapKeys.map((g) => (
                    <TableCell key={g} align="right" sx={{ minWidth: 88 }}>
                      {translate(`resources.buildings.enums.gap.${g}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {!single && <Row row={{ ...r.total, name: `${r.total.name}（${t('total')}）` }} gaps={gapKeys} strong />}
                {r.towns.map((town) => (
                  <Fragment key={town.code}>
                    {r.towns.length > 1 && <Row row={town} gaps={gapKeys} strong onPick={() => setRegion(town.code)} />}
                    {r.villages
                      .filter((v) => v.townCode === town.code)
                      .map((v) => (
                        <Row key={v.code} row={v} gaps={gapKeys} onPick={single ? undefined : () => setRegion(v.code)} />
                      ))}
                  </Fragment>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Card>
    </Stack>
  );
}
