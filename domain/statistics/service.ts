/**
 * The statistics answers of `/api/stats/…` (issue 17 §5) and of the monthly bulletin (issue 20 §4), built from the summary tables only (the
 * StatsStore) except the reader's own task and campaign counts on the home page. Every count carries
 * the list behind it (domain/statistics/links.ts) whose total equals it; every answer says its region,
 * period and when it was computed. A region is one the reader may read buildings in, else 404 as the
 * region tree answers.
 */
import { HAZARD_CASE_DEFINITIONS, LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { asSubject } from '../abilities.ts';
import type { AppAbility } from '../abilities.ts';
import {
  APPRAISAL_GRADE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  BUSINESS_USES,
  JUDGEMENT,
  NOT_INSPECTED,
  NOT_INSPECTED_LABEL,
  STRUCTURE_TYPE,
} from '../buildings/enums.ts';
import type { CampaignStore } from '../campaigns/store.ts';
import { CASE_CATEGORY, CASE_SEVERITY } from '../cases/enums.ts';
import type { TaskStore } from '../cases/store.ts';
import { NotFoundError, RuleError } from '../errors.ts';
import type {
  ChildRow,
  Children,
  Figure,
  Funnel,
  FunnelStep,
  Home,
  ListLink,
  Overview,
  Pivot,
  PivotCell,
  PivotHeader,
  StatsMeta,
  StatsRegion,
  TrendPoint,
  Trends,
} from './api.ts';
import { CASE_DIMENSIONS, CASE_ORIGIN, FLOORS_BANDS, HOUSE_DIMENSIONS, NONE, RISK_TIER, YEAR_BANDS } from './dimensions.ts';
import type { CaseDimension, Dimension, HouseDimension, Measure, RiskTier } from './dimensions.ts';
import { caseFilter, houseFilter } from './links.ts';
import type { LinkFilter } from './links.ts';
import { percentileOf, ratio } from './percentile.ts';
import { addDays, beijingDay, intervals, monthsOf, periodDates, periodProblem, resolvePeriod } from './period.ts';
import type { Period } from './period.ts';
import type { CaseWhere, DimensionWhere, Group, StatsStore } from './store.ts';
import { regionLevel } from '../regions.ts';
import type { RegionStore } from '../stores/regions.ts';

const NOT_THEIRS = '行政区划不存在或不在您的管辖范围内';
const CLOSED = ['closed', 'cancelled'] as const;
export const DEFAULT_COVERAGE_DAYS = 365;
/** A day before any judgement: `inspectedSince(EVER)` counts every house ever judged. */
const EVER = '1900-01-01';

export interface StatsUser {
  id: string;
  role: string;
  regionCode: string;
}

export interface PeriodQuery {
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type PivotQuery = PeriodQuery & {
  measure?: Measure | undefined;
  rows?: Dimension | undefined;
  cols?: Dimension | undefined;
} & Partial<Record<Exclude<Dimension, 'region'>, string>>;

const sum = (groups: readonly Group[]) => groups.reduce((s, g) => s + g.n, 0);
const sumWhere = (groups: readonly Group[], test: (key: Record<string, string>) => boolean) => sum(groups.filter((g) => test(g.key)));
const byKey = (groups: readonly Group[], key: string) => {
  const out = new Map<string, number>();
  for (const g of groups) out.set(g.key[key]!, (out.get(g.key[key]!) ?? 0) + g.n);
  return out;
};

const HOUSE_DIMENSION_SET = new Set<string>(HOUSE_DIMENSIONS.values);
const isCaseDimension = (d: string): d is CaseDimension => (CASE_DIMENSIONS.values as readonly string[]).includes(d);

/** The known values of a dimension with their labels, in display order (region: filled in per request). */
function knownValues(d: Exclude<Dimension, 'region'>, months: { from: string; to: string }): PivotHeader[] {
  const of = (labels: Record<string, string>) => Object.entries(labels).map(([key, label]) => ({ key, label }));
  switch (d) {
    case 'riskTier':
      return of(RISK_TIER.labels);
    case 'use':
      return of(BUILDING_USE.labels);
    case 'businessCategory':
      return of(BUSINESS_CATEGORY.labels);
    case 'floorsBand':
      return FLOORS_BANDS.map((b) => ({ key: b.id, label: b.label }));
    case 'structureType':
      return of(STRUCTURE_TYPE.labels);
    case 'yearBand':
      return YEAR_BANDS.map((b) => ({ key: b.id, label: b.label }));
    case 'appraisalGrade':
      return [...of(APPRAISAL_GRADE.labels), { key: NONE, label: '未鉴定' }];
    case 'latestJudgement':
      return [...of(JUDGEMENT.labels), { key: NOT_INSPECTED, label: NOT_INSPECTED_LABEL }];
    case 'category':
      return of(CASE_CATEGORY.labels);
    case 'severity':
      return of(CASE_SEVERITY.labels);
    case 'origin':
      return of(CASE_ORIGIN.labels);
    case 'month':
      return monthsOf(months).map((m) => ({ key: m.slice(0, 7), label: `${m.slice(0, 4)} 年 ${Number(m.slice(5, 7))} 月` }));
  }
}

const NONE_LABEL = '未填写';

export class StatsService {
  constructor(
    private readonly deps: { stats: StatsStore; regions: RegionStore; tasks: TaskStore; campaigns: CampaignStore },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The region asked for (the reader's own by default), if the reader may read its buildings. */
  async region(ability: AppAbility, user: StatsUser, code: string | undefined): Promise<StatsRegion> {
    const wanted = code ?? user.regionCode;
    const visible = await this.deps.regions.find(ability, wanted);
    if (!visible || !ability.can('read', asSubject('Building', { villageCode: wanted }))) throw new NotFoundError(NOT_THEIRS);
    return { code: visible.code, name: visible.name, level: regionLevel(visible.code) };
  }

  private today(): string {
    return beijingDay(this.clock());
  }

  /** The period asked for, as months and as Beijing dates; 422 naming the field when it is refused. */
  private period(q: PeriodQuery): { months: { from: string; to: string }; dates: Period } {
    const months = resolvePeriod(q, this.today());
    const problem = periodProblem(months.from, months.to);
    if (problem) throw RuleError.field(problem.field, problem.reason, problem.message, 'INVALID_PERIOD');
    return { months, dates: periodDates(months) };
  }

  private meta(region: StatsRegion, period: Period | null): StatsMeta {
    return { region, period, computedAt: this.clock().toISOString() };
  }

  async overview(ability: AppAbility, user: StatsUser, q: PeriodQuery & { coverageDays?: number | undefined }): Promise<Overview> {
    const region = await this.region(ability, user, q.region);
    const { months, dates } = this.period(q);
    const today = this.today();
    const R = region.code;
    const days = q.coverageDays ?? DEFAULT_COVERAGE_DAYS;
    const since = addDays(today, -(days - 1));
    const stats = this.deps.stats.page();
    const found = { foundFrom: `${months.from}-01`, foundTo: `${months.to}-01` };
    // One statement per summary table.
    const [[uses, floors, judged, tiers, grades], [inspected, everJudged], [open, foundCases, overdue], events] = await Promise.all([
      stats.housesMany(R, [
        { groupBy: ['use'] },
        { groupBy: ['floorsBand'] },
        { groupBy: ['latestJudgement'] },
        { groupBy: ['riskTier'] },
        { groupBy: ['appraisalGrade'] },
      ]),
      stats.inspectedSinceMany(R, [since, EVER], []),
      stats.casesMany(R, [
        { groupBy: ['category', 'severity'], where: { statusNotIn: CLOSED } },
        { groupBy: ['status'], where: { statusNotIn: ['cancelled'], ...found } },
        { groupBy: [], where: { dueBefore: today } },
      ]),
      stats.daily(R, dates.from, dates.to, ['escalated', 'complaint_received', 'complaint_confirmed', 'complaint_unfounded'], ['metric']),
    ]);
    const buildings = (filter: LinkFilter, value: number): Figure => ({
      value,
      link: { resource: 'buildings', filter: { regionCode: R, ...filter } },
    });
    const cases = (filter: LinkFilter, value: number): Figure => ({
      value,
      link: { resource: 'cases', filter: { regionCode: R, ...filter } },
    });
    const complaints = (filter: LinkFilter, value: number): Figure => ({
      value,
      link: { resource: 'complaints', filter: { regionCode: R, ...filter } },
    });
    const total = sum(tiers);
    const inspectedN = sum(inspected);
    const metric = byKey(events, 'metric');
    const foundN = sum(foundCases);
    const closedN = sumWhere(foundCases, (k) => k.status === 'closed');
    const judgedBy = byKey(judged, 'latestJudgement');
    // A house never judged has no judgement day: told apart from one judged 未发现安全隐患 (`none`) by the
    // judgement days, whichever key the summary gives it.
    const judgedN = sum(everJudged);
    const serious = judgedBy.get('serious') ?? 0;
    const some = judgedBy.get('some') ?? 0;
    const tierBy = byKey(tiers, 'riskTier');
    const gradeBy = byKey(grades, 'appraisalGrade');
    const created = { createdFrom: dates.from, createdTo: dates.to };
    return {
      meta: this.meta(region, dates),
      houses: {
        total: buildings({}, total),
        business: buildings(
          { businessUse: true },
          sumWhere(uses, (k) => (BUSINESS_USES as readonly string[]).includes(k.use!)),
        ),
        floors3Plus: buildings(
          { minFloors: 3 },
          sumWhere(floors, (k) => k.floorsBand !== '1-2'),
        ),
      },
      coverage: {
        days,
        inspected: buildings({ inspectedFrom: since }, inspectedN),
        due: buildings({ notInspectedSince: since }, total - inspectedN),
        rate: ratio(inspectedN, total),
      },
      judgements: {
        serious: buildings({ latestJudgement: 'serious' }, serious),
        some: buildings({ latestJudgement: 'some' }, some),
        none: buildings({ latestJudgement: 'none' }, judgedN - serious - some),
        notInspected: buildings({ latestJudgement: NOT_INSPECTED }, total - judgedN),
      },
      tiers: Object.fromEntries(RISK_TIER.values.map((t) => [t, buildings({ riskTier: t }, tierBy.get(t) ?? 0)])) as Record<
        RiskTier,
        Figure
      >,
      grades: Object.fromEntries(
        [...APPRAISAL_GRADE.values, NONE].map((g) => [g, buildings({ appraisalGrade: g }, gradeBy.get(g) ?? 0)]),
      ) as Overview['grades'],
      openHazards: open
        .map((g) => ({
          category: g.key.category!,
          severity: g.key.severity as 'serious' | 'general',
          count: cases({ state: 'open', category: g.key.category!, severity: g.key.severity! }, g.n),
        }))
        .sort((a, b) => b.count.value - a.count.value || a.category.localeCompare(b.category) || a.severity.localeCompare(b.severity)),
      rectification: {
        found: cases({ state: 'found', ...created }, foundN),
        closed: cases({ status: 'closed', ...created }, closedN),
        rate: ratio(closedN, foundN),
      },
      overdue: cases({ dueBefore: today }, sum(overdue)),
      escalations: cases({ escalatedFrom: dates.from, escalatedTo: dates.to }, metric.get('escalated') ?? 0),
      complaints: {
        received: complaints({ from: dates.from, to: dates.to }, metric.get('complaint_received') ?? 0),
        verified: complaints(
          { status: 'confirmed', verifiedFrom: dates.from, verifiedTo: dates.to },
          metric.get('complaint_confirmed') ?? 0,
        ),
        unfounded: complaints(
          { status: 'unfounded', verifiedFrom: dates.from, verifiedTo: dates.to },
          metric.get('complaint_unfounded') ?? 0,
        ),
      },
    };
  }

  async children(ability: AppAbility, user: StatsUser, q: PeriodQuery & { coverageDays?: number | undefined }): Promise<Children> {
    const region = await this.region(ability, user, q.region);
    const { months, dates } = this.period(q);
    const today = this.today();
    const R = region.code;
    const since = addDays(today, -((q.coverageDays ?? DEFAULT_COVERAGE_DAYS) - 1));
    const stats = this.deps.stats.page();
    const [children, [houses, red], inspected, [open, overdue, found]] = await Promise.all([
      stats.children(R),
      stats.housesMany(R, [{ groupBy: ['region'] }, { groupBy: ['region'], where: { riskTier: 'red' } }]),
      stats.inspectedSince(R, since, ['region']),
      stats.casesMany(R, [
        { groupBy: ['region'], where: { statusNotIn: CLOSED } },
        { groupBy: ['region'], where: { dueBefore: today } },
        {
          groupBy: ['region', 'status'],
          where: { statusNotIn: ['cancelled'], foundFrom: `${months.from}-01`, foundTo: `${months.to}-01` },
        },
      ]),
    ]);
    const m = (groups: Group[]) => byKey(groups, 'region');
    const [h, r, i, o, d] = [m(houses), m(red), m(inspected), m(open), m(overdue)];
    const created = { createdFrom: dates.from, createdTo: dates.to };
    const rows: ChildRow[] = children.map((child) => {
      const c = child.code;
      const link = (resource: ListLink['resource'], filter: LinkFilter, value: number): Figure => ({
        value,
        link: { resource, filter: { regionCode: c, ...filter } },
      });
      const foundN = sumWhere(found, (k) => k.region === c);
      const closedN = sumWhere(found, (k) => k.region === c && k.status === 'closed');
      const housesN = h.get(c) ?? 0;
      return {
        region: child,
        houses: link('buildings', {}, housesN),
        red: link('buildings', { riskTier: 'red' }, r.get(c) ?? 0),
        openHazards: link('cases', { state: 'open' }, o.get(c) ?? 0),
        overdue: link('cases', { dueBefore: today }, d.get(c) ?? 0),
        found: link('cases', { state: 'found', ...created }, foundN),
        closed: link('cases', { status: 'closed', ...created }, closedN),
        rectificationRate: ratio(closedN, foundN),
        coverageRate: ratio(i.get(c) ?? 0, housesN),
      };
    });
    return { meta: this.meta(region, dates), rows };
  }

  async trends(ability: AppAbility, user: StatsUser, q: PeriodQuery & { interval?: 'week' | 'month' | undefined }): Promise<Trends> {
    const region = await this.region(ability, user, q.region);
    const { dates } = this.period(q);
    const interval = q.interval ?? 'month';
    const R = region.code;
    const [events, before] = await this.deps.stats.dailyMany(R, [
      { from: dates.from, to: dates.to, metrics: ['found', 'closed', 'complaint_received'], groupBy: ['metric', 'day'] },
      { from: null, to: addDays(dates.from, -1), metrics: ['found', 'closed'], groupBy: ['metric'] },
    ]);
    const prior = byKey(before, 'metric');
    let backlog = (prior.get('found') ?? 0) - (prior.get('closed') ?? 0);
    const spans = intervals(dates, interval);
    // Each day's events into its interval (the intervals are consecutive: the last starting on or before the day).
    const sums = new Map<string, number[]>();
    for (const e of events) {
      const day = e.key.day!;
      let lo = 0;
      let hi = spans.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (spans[mid]!.from <= day) lo = mid;
        else hi = mid - 1;
      }
      if (day < spans[lo]!.from || day > spans[lo]!.to) continue;
      const metric = e.key.metric!;
      const row = sums.get(metric) ?? sums.set(metric, new Array<number>(spans.length).fill(0)).get(metric)!;
      row[lo] = (row[lo] ?? 0) + e.n;
    }
    const points: TrendPoint[] = spans.map((iv, i) => {
      const within = (metric: string) => sums.get(metric)?.[i] ?? 0;
      const found = within('found');
      const closed = within('closed');
      backlog += found - closed;
      return {
        start: iv.start,
        found: {
          value: found,
          link: { resource: 'cases', filter: { regionCode: R, state: 'found', createdFrom: iv.from, createdTo: iv.to } },
        },
        closed: {
          value: closed,
          link: { resource: 'cases', filter: { regionCode: R, status: 'closed', closedFrom: iv.from, closedTo: iv.to } },
        },
        backlog,
        complaints: {
          value: within('complaint_received'),
          link: { resource: 'complaints', filter: { regionCode: R, from: iv.from, to: iv.to } },
        },
      };
    });
    return { meta: this.meta(region, dates), interval, points };
  }

  async funnel(ability: AppAbility, user: StatsUser, q: PeriodQuery): Promise<Funnel> {
    const region = await this.region(ability, user, q.region);
    const { months, dates } = this.period(q);
    const today = this.today();
    const R = region.code;
    const def = HAZARD_CASE_DEFINITIONS[LATEST_HAZARD_CASE_VERSION]!;
    const stats = this.deps.stats.page();
    const [[open, overdue], histogram] = await Promise.all([
      stats.casesMany(R, [
        { groupBy: ['status'], where: { statusNotIn: CLOSED } },
        { groupBy: ['status'], where: { dueBefore: today } },
      ]),
      stats.stepDays(R, `${months.from}-01`, `${months.to}-01`),
    ]);
    const openBy = byKey(open, 'status');
    const overdueBy = byKey(overdue, 'status');
    // The steps a case waits in (each with its status): the funnel's stages, in the definition's order.
    const steps: FunnelStep[] = Object.values(def.steps)
      .filter((s) => s.status !== null)
      .map((s) => {
        const status = s.status!;
        const buckets = histogram.filter((b) => b.step === s.id);
        const completed = buckets.reduce((n, b) => n + b.n, 0);
        const late = buckets.filter((b) => b.late).reduce((n, b) => n + b.n, 0);
        return {
          step: s.id,
          label: s.name,
          elementIds: [s.elementId, s.timerElementId, s.overdueElementId].filter((id): id is string => id !== null),
          open: { value: openBy.get(status) ?? 0, link: { resource: 'cases', filter: { regionCode: R, status } } },
          overdueOpen: {
            value: overdueBy.get(status) ?? 0,
            link: { resource: 'cases', filter: { regionCode: R, status, dueBefore: today } },
          },
          completed,
          medianDays: percentileOf(buckets, 0.5),
          p90Days: percentileOf(buckets, 0.9),
          lateShare: ratio(late, completed),
        };
      });
    return { meta: this.meta(region, dates), definitionVersion: def.version, steps };
  }

  async pivot(ability: AppAbility, user: StatsUser, q: PivotQuery): Promise<Pivot> {
    const measure = q.measure ?? 'houses';
    const rows = q.rows ?? 'region';
    const cols = q.cols ?? null;
    const filters = Object.fromEntries(
      [...HOUSE_DIMENSIONS.values, ...CASE_DIMENSIONS.values]
        .filter((d) => d !== 'region' && q[d as Exclude<Dimension, 'region'>] !== undefined)
        .map((d) => [d, q[d as Exclude<Dimension, 'region'>]!]),
    ) as DimensionWhere;
    if (cols !== null && cols === rows) throw RuleError.field('query.cols', 'sameAsRows', '行与列不能是同一个维度', 'INVALID_PIVOT');
    if (measure === 'houses') {
      for (const [field, d] of [['query.rows', rows], ['query.cols', cols], ...Object.keys(filters).map((k) => [`query.${k}`, k])] as [
        string,
        string | null,
      ][]) {
        if (d && isCaseDimension(d)) {
          throw RuleError.field(
            field,
            'caseDimension',
            `房屋数不能按${CASE_DIMENSIONS.labels[d]}统计（该维度只适用于隐患）`,
            'INVALID_PIVOT',
          );
        }
      }
    }
    const region = await this.region(ability, user, q.region);
    const { months, dates } = this.period(q);
    const today = this.today();
    const R = region.code;
    const groupBy = cols ? [rows, cols] : [rows];

    // The counts, and for the rate the found and closed counts per cell.
    let groups: Group[];
    let closedGroups: Group[] = [];
    const caseWhere: CaseWhere = { ...filters, foundFrom: `${months.from}-01`, foundTo: `${months.to}-01` };
    switch (measure) {
      case 'houses':
        groups = await this.deps.stats.houses(R, groupBy as HouseDimension[], filters);
        break;
      case 'hazardsFound':
      case 'rectificationRate':
        if (measure === 'rectificationRate') {
          [groups, closedGroups] = await this.deps.stats.casesMany(R, [
            { groupBy, where: { ...caseWhere, statusNotIn: ['cancelled'] } },
            { groupBy, where: { ...caseWhere, statusIn: ['closed'] } },
          ]);
        } else groups = await this.deps.stats.cases(R, groupBy, { ...caseWhere, statusNotIn: ['cancelled'] });
        break;
      case 'hazardsClosed':
        groups = await this.deps.stats.cases(R, groupBy, { ...caseWhere, statusIn: ['closed'] });
        break;
      case 'hazardsOpen':
        groups = await this.deps.stats.cases(R, groupBy, { ...caseWhere, statusNotIn: CLOSED });
        break;
      case 'hazardsOverdue':
        groups = await this.deps.stats.cases(R, groupBy, { ...caseWhere, dueBefore: today });
        break;
    }

    const headers = async (d: Dimension): Promise<PivotHeader[]> => {
      let known: PivotHeader[];
      if (d === 'region') {
        const children = await this.deps.stats.children(R);
        known = (children.length ? children : [region]).map((c) => ({ key: c.code, label: c.name }));
      } else known = knownValues(d, months);
      const seen = new Set(known.map((h) => h.key));
      const extra = [...new Set(groups.map((g) => g.key[d]!))].filter((k) => !seen.has(k)).sort();
      return [...known, ...extra.map((k) => ({ key: k, label: k === NONE ? NONE_LABEL : k }))];
    };
    const rowHeaders = await headers(rows);
    const colHeaders = cols ? await headers(cols) : [];

    // The list behind a cell: the measure's filters, the request's, then the row's and the column's values.
    const created = { createdFrom: dates.from, createdTo: dates.to };
    const measureFilter: Record<Measure, LinkFilter> = {
      houses: {},
      hazardsFound: { state: 'found', ...created },
      hazardsClosed: { status: 'closed', ...created },
      hazardsOpen: { state: 'open', ...created },
      hazardsOverdue: { dueBefore: today, ...created },
      rectificationRate: {},
    };
    const dimFilter = (d: Dimension, value: string): LinkFilter =>
      HOUSE_DIMENSION_SET.has(d) ? houseFilter(d as HouseDimension, value) : caseFilter(d as CaseDimension, value, dates);
    const linkFor = (keys: [Dimension, string][]): ListLink | undefined => {
      if (measure === 'rectificationRate') return undefined;
      const filter: LinkFilter = { regionCode: R, ...measureFilter[measure] };
      for (const [d, v] of Object.entries(filters)) Object.assign(filter, dimFilter(d as Dimension, v!));
      for (const [d, v] of keys) Object.assign(filter, dimFilter(d, v));
      return { resource: measure === 'houses' ? 'buildings' : 'cases', filter };
    };
    const count = (gs: Group[], test: (k: Record<string, string>) => boolean) => sumWhere(gs, test);
    const cell = (keys: [Dimension, string][]): PivotCell => {
      const test = (k: Record<string, string>) => keys.every(([d, v]) => k[d] === v);
      const n = count(groups, test);
      if (measure === 'rectificationRate') return { value: ratio(count(closedGroups, test), n) };
      const link = linkFor(keys);
      return link ? { value: n, link } : { value: n };
    };
    const cells = rowHeaders.map((r) =>
      cols
        ? colHeaders.map((c) =>
            cell([
              [rows, r.key],
              [cols, c.key],
            ]),
          )
        : [cell([[rows, r.key]])],
    );
    return {
      meta: this.meta(region, measure === 'houses' ? null : dates),
      measure,
      rows,
      cols,
      rowHeaders,
      colHeaders,
      cells,
      rowTotals: rowHeaders.map((r) => cell([[rows, r.key]])),
      colTotals: cols ? colHeaders.map((c) => cell([[cols, c.key]])) : [],
      total: cell([]),
    };
  }

  async home(ability: AppAbility, user: StatsUser): Promise<Home> {
    const region = await this.region(ability, user, undefined);
    const { months, dates } = this.period({});
    const today = this.today();
    const R = region.code;
    const stats = this.deps.stats.page();
    const [counts, campaignHouses, complaintEvents, [houses, red], [open, overdue, found]] = await Promise.all([
      this.deps.tasks.counts(user),
      this.deps.campaigns.tasks(user, { page: 1, perPage: 1 }),
      stats.dailyUpTo(R, today, ['complaint_received', 'complaint_confirmed', 'complaint_unfounded']),
      stats.housesMany(R, [{ groupBy: [] }, { groupBy: [], where: { riskTier: 'red' } }]),
      stats.casesMany(R, [
        { groupBy: [], where: { statusNotIn: CLOSED } },
        { groupBy: [], where: { dueBefore: today } },
        { groupBy: ['status'], where: { statusNotIn: ['cancelled'], foundFrom: `${months.from}-01`, foundTo: `${months.to}-01` } },
      ]),
    ]);
    const complaints = byKey(complaintEvents, 'metric');
    const foundN = sum(found);
    const tasks = (view: string, value: number): Figure => ({ value, link: { resource: 'tasks', filter: { view } } });
    return {
      meta: this.meta(region, dates),
      tasks: {
        pending: tasks('mine', counts.mine),
        claimable: tasks('claimable', counts.claimable),
        overdue: tasks('overdue', counts.overdue),
      },
      complaintsToVerify: {
        value:
          (complaints.get('complaint_received') ?? 0) -
          (complaints.get('complaint_confirmed') ?? 0) -
          (complaints.get('complaint_unfounded') ?? 0),
        link: { resource: 'complaints', filter: { regionCode: R, status: 'verifying' } },
      },
      campaignHousesDue: { value: campaignHouses.total, link: { resource: 'campaign-tasks', filter: {} } },
      region: {
        houses: { value: sum(houses), link: { resource: 'buildings', filter: { regionCode: R } } },
        red: { value: sum(red), link: { resource: 'buildings', filter: { regionCode: R, riskTier: 'red' } } },
        openHazards: { value: sum(open), link: { resource: 'cases', filter: { regionCode: R, state: 'open' } } },
        overdue: { value: sum(overdue), link: { resource: 'cases', filter: { regionCode: R, dueBefore: today } } },
        rectificationRate: ratio(
          sumWhere(found, (k) => k.status === 'closed'),
          foundN,
        ),
      },
    };
  }
}
