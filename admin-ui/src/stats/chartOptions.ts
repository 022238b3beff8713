/**
 * The ECharts options of the statistics pages, built from the API's answers (pure, so the same chart
 * draws on the desktop cockpit and the wall screen, light or dark).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChildRow, TrendPoint } from '../../../domain/statistics/api.ts';
import { SERIES_COLOURS, TIER_COLOURS } from './colours.ts';

export interface TrendLabels {
  found: string;
  closed: string;
  backlog: string;
  complaints: string;
}

/** `2026-03-02` → `03-02` (weeks) or `2026-03` (months). */
export function pointLabel(start: string, interval: 'week' | 'month'): string {
  return interval === 'month' ? start.slice(0, 7) : start.slice(5, 10);
}

const axisText = (dark: boolean) => ({ color: dark ? '#cfd8dc' : '#555', fontSize: dark ? 16 : 12 });

/** Found, closed and complaints as bars; the open backlog as a line on its own axis. */
export function trendOption(points: TrendPoint[], interval: 'week' | 'month', labels: TrendLabels, dark = false): EChartsCoreOption {
  const text = axisText(dark);
  return {
    backgroundColor: 'transparent',
    color: [SERIES_COLOURS.found, SERIES_COLOURS.closed, SERIES_COLOURS.complaints, SERIES_COLOURS.backlog],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: text },
    grid: { left: 8, right: 8, top: dark ? 48 : 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => pointLabel(p.start, interval)), axisLabel: text },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { opacity: dark ? 0.2 : 0.6 } } },
      { type: 'value', minInterval: 1, axisLabel: text, splitLine: { show: false } },
    ],
    series: [
      { name: labels.found, type: 'bar', data: points.map((p) => p.found.value) },
      { name: labels.closed, type: 'bar', data: points.map((p) => p.closed.value) },
      { name: labels.complaints, type: 'bar', data: points.map((p) => p.complaints.value) },
      { name: labels.backlog, type: 'line', yAxisIndex: 1, symbolSize: 6, data: points.map((p) => p.backlog) },
    ],
  };
}

export interface ChildLabels {
  red: string;
  openHazards: string;
  overdue: string;
}

/** Per child region: red houses, open hazards and overdue cases, as grouped bars (a click drills down). */
/** Above this many child regions the bars lie down, one region a line, so their names stay readable at any width. */
export const CHILDREN_UPRIGHT_MAX = 6;

/** The children chart's height: fixed for upright bars, a line per region when they lie down. */
export function childrenChartHeight(count: number): number {
  return count > CHILDREN_UPRIGHT_MAX ? Math.max(260, 60 + count * 26) : 260;
}

export function childrenOption(rows: ChildRow[], labels: ChildLabels, dark = false): EChartsCoreOption {
  const text = axisText(dark);
  const names = { type: 'category', data: rows.map((r) => r.region.name), axisLabel: { ...text, interval: 0 } };
  const counts = { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { opacity: dark ? 0.2 : 0.6 } } };
  const lying = rows.length > CHILDREN_UPRIGHT_MAX;
  return {
    backgroundColor: 'transparent',
    color: [TIER_COLOURS.red, SERIES_COLOURS.backlog, '#6a1b9a'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: text },
    grid: { left: 8, right: 16, top: dark ? 48 : 36, bottom: 8, containLabel: true },
    // Lying down, the first region is at the top, as in the ranking below.
    xAxis: lying ? counts : names,
    yAxis: lying ? { ...names, inverse: true } : counts,
    series: [
      { name: labels.red, type: 'bar', data: rows.map((r) => r.red.value) },
      { name: labels.openHazards, type: 'bar', data: rows.map((r) => r.openHazards.value) },
      { name: labels.overdue, type: 'bar', data: rows.map((r) => r.overdue.value) },
    ],
  };
}
