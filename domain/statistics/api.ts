/**
 * The answers of `/api/stats/…` (issue 17 §5), shared by the API (which builds them) and the admin UI
 * (which draws them, importing these as types only). Every answer says its region, period and the
 * moment it was computed; every figure carries the list behind it.
 */
import type { CaseDimension, Dimension, HouseDimension, Measure, RiskTier } from './dimensions.ts';

/**
 * The list a figure counts: the admin UI opens `#/<resource>?filter=<JSON of filter>` and that list's
 * total equals the figure. `filter` keys are exactly the list endpoint's query parameters.
 */
export interface ListLink {
  resource: 'buildings' | 'cases' | 'inspections' | 'complaints' | 'tasks' | 'campaign-tasks';
  filter: Record<string, string | number | boolean>;
}

export interface Figure {
  value: number;
  /** Absent for a figure that is not a count of one list (a rate, a median). */
  link?: ListLink;
}

export interface StatsRegion {
  code: string;
  name: string;
  level: 'district' | 'town' | 'village' | string;
}

export interface StatsMeta {
  region: StatsRegion;
  /** Beijing calendar dates, inclusive; null for a figure of the present state. */
  period: { from: string; to: string } | null;
  /** ISO 8601. */
  computedAt: string;
}

/** `GET /api/stats/overview?region=&from=&to=&coverageDays=`: the cockpit's key figures for one region. */
export interface Overview {
  meta: StatsMeta;
  houses: { total: Figure; business: Figure; floors3Plus: Figure };
  coverage: { days: number; inspected: Figure; due: Figure; rate: number | null };
  judgements: Record<'serious' | 'some' | 'none' | 'notInspected', Figure>;
  tiers: Record<RiskTier, Figure>;
  grades: Record<'A' | 'B' | 'C' | 'D' | 'none', Figure>;
  /** Open hazards now, by category and severity. */
  openHazards: { category: string; severity: 'serious' | 'general'; count: Figure }[];
  /** Within the period: found, closed among those found, and the rate. */
  rectification: { found: Figure; closed: Figure; rate: number | null };
  overdue: Figure;
  /** Cases escalated to the supervision system, within the period. */
  escalations: Figure;
  complaints: { received: Figure; verified: Figure; unfounded: Figure };
}

/** `GET /api/stats/children?region=&from=&to=`: one row per child region (drill-down, town ranking). */
export interface ChildRow {
  region: StatsRegion;
  houses: Figure;
  red: Figure;
  openHazards: Figure;
  overdue: Figure;
  found: Figure;
  closed: Figure;
  rectificationRate: number | null;
  coverageRate: number | null;
}
export interface Children {
  meta: StatsMeta;
  rows: ChildRow[];
}

/** `GET /api/stats/trends?region=&interval=week|month&from=&to=`. */
export interface TrendPoint {
  /** First day of the week (Monday) or month. */
  start: string;
  found: Figure;
  closed: Figure;
  /** Open hazards at the end of the interval. */
  backlog: number;
  complaints: Figure;
}
export interface Trends {
  meta: StatsMeta;
  interval: 'week' | 'month';
  points: TrendPoint[];
}

/** `GET /api/stats/funnel?region=&from=&to=`: per step of the hazard case definition. */
export interface FunnelStep {
  step: string;
  label: string;
  /** The BPMN element ids of the step (for the heatmap on the diagram). */
  elementIds: string[];
  /** Open cases at this step now. */
  open: Figure;
  overdueOpen: Figure;
  /** Tasks of this step completed within the period, their median and p90 in days, and the late share. */
  completed: number;
  medianDays: number | null;
  p90Days: number | null;
  lateShare: number | null;
}
export interface Funnel {
  meta: StatsMeta;
  definitionVersion: number;
  steps: FunnelStep[];
}

/** `GET /api/stats/pivot?measure=&rows=&cols=&region=&from=&to=&<dimension>=<value>…`. */
export interface PivotHeader {
  key: string;
  label: string;
}
export interface PivotCell {
  value: number | null;
  link?: ListLink;
}
export interface Pivot {
  meta: StatsMeta;
  measure: Measure;
  rows: Dimension;
  cols: Dimension | null;
  rowHeaders: PivotHeader[];
  colHeaders: PivotHeader[];
  /** cells[row][col]; one column when `cols` is null. */
  cells: PivotCell[][];
  rowTotals: PivotCell[];
  colTotals: PivotCell[];
  total: PivotCell;
}
export type { CaseDimension, HouseDimension };

/** `GET /api/stats/home`: the reader's own work and their region's key figures, for the home page. */
export interface Home {
  meta: StatsMeta;
  tasks: { pending: Figure; claimable: Figure; overdue: Figure };
  complaintsToVerify: Figure;
  campaignHousesDue: Figure;
  region: { houses: Figure; red: Figure; openHazards: Figure; overdue: Figure; rectificationRate: number | null };
}
