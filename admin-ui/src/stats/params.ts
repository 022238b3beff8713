/**
 * The statistics pages' parameters: the region, the period in months (`YYYY-MM`, Beijing calendar) and
 * the rest, as the query of `/api/stats/…` and as the page's own address, so a drill-down or a period
 * is a link that can be shared and the back button goes up again.
 */
import type { Dimension, Measure } from '../../../domain/statistics/dimensions.ts';

export interface StatsParams {
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  coverageDays?: number | undefined;
  interval?: 'week' | 'month' | undefined;
  measure?: Measure | undefined;
  rows?: Dimension | undefined;
  cols?: Dimension | null | undefined;
  /** Dimension filters: dimension id → value key. */
  filters?: Readonly<Record<string, string>> | undefined;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export const isMonth = (value: unknown): value is string => typeof value === 'string' && MONTH.test(value);

/** The month `delta` months from `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** This month in Beijing. */
export function beijingMonth(now = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** The default period: the twelve months up to this one. */
export function defaultPeriod(now = Date.now()): { from: string; to: string } {
  const to = beijingMonth(now);
  return { from: addMonths(to, -11), to };
}

/** The query parameters of a stats call (empty values left out). */
export function statsQuery(params: StatsParams): Record<string, string> {
  const query: Record<string, string> = {};
  const put = (key: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  };
  put('region', params.region);
  put('from', params.from);
  put('to', params.to);
  put('coverageDays', params.coverageDays);
  put('interval', params.interval);
  put('measure', params.measure);
  put('rows', params.rows);
  put('cols', params.cols);
  for (const [key, value] of Object.entries(params.filters ?? {})) put(key, value);
  return query;
}

/** A share (0…1) as a percentage with one decimal, or — when there is none. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Days with one decimal, or — when there is none. */
export function days(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** A count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('zh-CN');
}

/**
 * The heatmap colour of a step's median days relative to the slowest: from green (quick) through
 * yellow to red (slowest). Steps without completed tasks are not coloured.
 */
export function heatColour(value: number | null, max: number): string | null {
  if (value === null || !Number.isFinite(value) || max <= 0) return null;
  const t = Math.max(0, Math.min(1, value / max));
  // Hue 120 (green) → 0 (red), light enough for the element's text to stay readable.
  return `hsl(${Math.round(120 * (1 - t))}, 75%, 80%)`;
}
