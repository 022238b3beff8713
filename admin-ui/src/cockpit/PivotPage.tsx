/**
 * 统计分析 (`/pivot`, 差异化监管): pick a measure, the dimension of the rows and of the columns (case
 * dimensions only for the hazard measures), the region, the period and filters; the table has row
 * and column totals. A cell's number opens its list; its menu offers 查看清单 and, for houses,
 * 发起专项排查 (the campaign form filled with the cell's house filters). 导出 XLSX / CSV downloads
 * the same table from the API. Everything lives in the page address.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  LinearProgress,
  Link as MuiLink,
  Menu,
  MenuItem,
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
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import { Title, useCanAccess, useNavigate, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { PivotCell } from '../../../domain/statistics/api.ts';
import type { Dimension } from '../../../domain/statistics/dimensions.ts';
import { NONE } from '../../../domain/statistics/dimensions.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { useDownload } from '../common/useDownload.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { campaignHref, linkHref } from '../stats/links.ts';
import { statsQuery } from '../stats/params.ts';
import { PeriodPicker } from '../stats/PeriodPicker.tsx';
import {
  DIMENSION_CHOICES,
  FILTER_DIMENSIONS,
  FILTER_VALUES,
  MEASURE_CHOICES,
  cellText,
  dimensionApplies,
  dimensionLabel,
  pivotSettings,
} from '../stats/pivotModel.ts';
import { RegionPicker } from '../stats/RegionPicker.tsx';
import { useStatsParams } from '../stats/useStatsParams.ts';

const ANY = '';

function Cell({
  cell,
  measure,
  name,
  onMenu,
  total = false,
}: {
  cell: PivotCell;
  measure: string;
  name: string;
  onMenu: (anchor: HTMLElement, cell: PivotCell) => void;
  total?: boolean;
}) {
  const translate = useTranslate();
  const text = cellText(cell.value, measure as never);
  return (
    <TableCell
      align="right"
      sx={{ whiteSpace: 'nowrap', fontWeight: total ? 700 : 400, bgcolor: total ? 'action.hover' : undefined, pr: 0.5 }}
      data-cell={name}
    >
      {cell.link ? (
        <MuiLink component={Link} to={linkHref(cell.link)} underline="hover" color="inherit" data-value={cell.value ?? ''}>
          {text}
        </MuiLink>
      ) : (
        <span data-value={cell.value ?? ''}>{text}</span>
      )}
      <IconButton
        size="small"
        aria-label={translate('resources.stats.pivot.cellMenu')}
        disabled={!cell.link}
        onClick={(event) => onMenu(event.currentTarget, cell)}
        sx={{ ml: 0.25, p: 0.25, opacity: 0.5, '&:hover, &:focus-visible': { opacity: 1 } }}
      >
        <ArrowDropDownIcon fontSize="small" />
      </IconButton>
    </TableCell>
  );
}

export function PivotPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.stats.${key}`, options);
  const { region, from, to, search, update } = useStatsParams();
  const settings = pivotSettings(search);
  const { measure, rows, cols, filters } = settings;
  const query = statsQuery({ region, from, to, measure, rows, cols, filters });
  const pivot = useApiQuery(['stats', 'pivot', query], (dp, signal) => dp.statsPivot(query, signal));
  const { download, busy } = useDownload();
  const canCampaign = useCanAccess({ resource: 'campaigns', action: 'create' }).canAccess === true;
  const [menu, setMenu] = useState<{ anchor: HTMLElement; cell: PivotCell } | null>(null);
  const p = pivot.data;
  const exportFile = (ext: 'xlsx' | 'csv') =>
    void download(`/stats/pivot.${ext}?${new URLSearchParams(query).toString()}`, `统计分析.${ext}`);

  const select = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: { id: string; name: string; disabled?: boolean }[],
    key: string,
  ) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-control': key } }}
      sx={{ width: { xs: '100%', sm: 170 } }}
    >
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id} disabled={o.disabled ?? false}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
  const dimensionOptions = (exclude: Dimension | null) =>
    DIMENSION_CHOICES.map((d) => ({ ...d, disabled: !dimensionApplies(d.id as Dimension, measure) || d.id === exclude }));

  return (
    <Stack
      spacing={2}
      sx={{ mt: { xs: 1, sm: 2 }, mb: 2, minWidth: 0, contain: 'inline-size', '& > *': { flexShrink: 0 } }}
      data-page="pivot"
    >
      <Title title={t('pivot.title')} />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 2 }}>
            {t('pivot.title')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {select(t('pivot.measure'), measure, (v) => update({ measure: v }), MEASURE_CHOICES, 'measure')}
            {select(t('pivot.rows'), rows, (v) => update({ rows: v }), dimensionOptions(cols), 'rows')}
            {select(
              t('pivot.cols'),
              cols ?? NONE,
              (v) => update({ cols: v }),
              [{ id: NONE, name: t('pivot.noCols') }, ...dimensionOptions(rows)],
              'cols',
            )}
            <RegionPicker value={region} onChange={(code) => update({ region: code })} />
            <PeriodPicker from={from} to={to} onChange={(period) => update(period)} />
          </Stack>
          <Typography variant="subtitle2" component="h2" sx={{ mt: 2, mb: 1 }}>
            {t('pivot.filters')}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gap: 1.5,
              gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', sm: 'repeat(auto-fill, 170px)' },
              '& .MuiTextField-root': { width: '100%' },
            }}
          >
            {FILTER_DIMENSIONS.filter((d) => dimensionApplies(d, measure)).map((dimension) => (
              <Box key={dimension}>
                {select(
                  dimensionLabel(dimension),
                  filters[dimension] ?? ANY,
                  (v) => update({ [dimension]: v }),
                  [{ id: ANY, name: t('pivot.any') }, ...(FILTER_VALUES[dimension] ?? [])],
                  `filter-${dimension}`,
                )}
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>
      {pivot.error && (
        <Alert severity="error">{pivot.error instanceof Error ? pivot.error.message : translate('ra.notification.http_error')}</Alert>
      )}
      <Card>
        {pivot.isFetching && <LinearProgress />}
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'center' }} sx={{ mb: 1 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
              {p ? `${p.meta.region.name} · ${MEASURE_CHOICES.find((m) => m.id === measure)?.name ?? measure}` : '\u00a0'}
            </Typography>
            <Button startIcon={<DownloadIcon />} variant="outlined" size="small" disabled={busy} onClick={() => exportFile('xlsx')}>
              {t('pivot.exportXlsx')}
            </Button>
            <Button startIcon={<DownloadIcon />} variant="outlined" size="small" disabled={busy} onClick={() => exportFile('csv')}>
              {t('pivot.exportCsv')}
            </Button>
          </Stack>
          {p && (
            <TableContainer sx={{ overflowX: 'auto', maxWidth: '100%' }}>
              <Table size="small" aria-label={t('pivot.title')} data-pivot stickyHeader>
                <TableHead>
                  <TableRow sx={{ '& th': { whiteSpace: 'nowrap', fontWeight: 600 } }}>
                    <TableCell>
                      {dimensionLabel(p.rows)}
                      {p.cols ? ` \\ ${dimensionLabel(p.cols)}` : ''}
                    </TableCell>
                    {p.cols ? (
                      p.colHeaders.map((h) => (
                        <TableCell key={h.key} align="right">
                          {h.label}
                        </TableCell>
                      ))
                    ) : (
                      <TableCell align="right">{MEASURE_CHOICES.find((m) => m.id === measure)?.name}</TableCell>
                    )}
                    {p.cols && <TableCell align="right">{t('pivot.total')}</TableCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {p.rowHeaders.map((row, r) => (
                    <TableRow key={row.key} hover data-row={row.key}>
                      <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                        {row.label}
                      </TableCell>
                      {(p.cells[r] ?? []).map((cell, c) => (
                        <Cell
                          key={c}
                          cell={cell}
                          measure={measure}
                          name={`${row.key}|${p.cols ? (p.colHeaders[c]?.key ?? c) : ''}`}
                          onMenu={(anchor, target) => setMenu({ anchor, cell: target })}
                        />
                      ))}
                      {p.cols && p.rowTotals[r] && (
                        <Cell
                          cell={p.rowTotals[r]}
                          measure={measure}
                          name={`${row.key}|total`}
                          total
                          onMenu={(anchor, target) => setMenu({ anchor, cell: target })}
                        />
                      )}
                    </TableRow>
                  ))}
                  <TableRow data-row="total">
                    <TableCell component="th" scope="row" sx={{ fontWeight: 700, bgcolor: 'action.hover' }}>
                      {t('pivot.total')}
                    </TableCell>
                    {p.cols &&
                      p.colTotals.map((cell, c) => (
                        <Cell
                          key={c}
                          cell={cell}
                          measure={measure}
                          name={`total|${p.colHeaders[c]?.key ?? c}`}
                          total
                          onMenu={(anchor, target) => setMenu({ anchor, cell: target })}
                        />
                      ))}
                    <Cell
                      cell={p.total}
                      measure={measure}
                      name="total|total"
                      total
                      onMenu={(anchor, target) => setMenu({ anchor, cell: target })}
                    />
                  </TableRow>
                </TableBody>
              </Table>
            </TableContainer>
          )}
          {p && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {t('computedAt')} <DateTimeText value={p.meta.computedAt} />
            </Typography>
          )}
        </CardContent>
      </Card>
      <Menu anchorEl={menu?.anchor ?? null} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem
          onClick={() => {
            if (menu?.cell.link) navigate(linkHref(menu.cell.link));
            setMenu(null);
          }}
        >
          {t('pivot.openList')}
        </MenuItem>
        {canCampaign && measure === 'houses' && menu?.cell.link && campaignHref(menu.cell.link) && (
          <MenuItem
            onClick={() => {
              const href = menu.cell.link ? campaignHref(menu.cell.link) : null;
              if (href) navigate(href);
              setMenu(null);
            }}
          >
            {t('pivot.campaign')}
          </MenuItem>
        )}
      </Menu>
    </Stack>
  );
}
