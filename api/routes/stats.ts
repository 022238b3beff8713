/**
 * The statistics API (issue 17 §5): the cockpit's overview, the child regions, trends, the case funnel,
 * the pivot with its XLSX and CSV exports, and the home page's figures. Every answer carries its
 * region, period and computing time; every count the list behind it (`domain/statistics/api.ts`).
 */
import { Type } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import {
  APPRAISAL_GRADE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  JUDGEMENT,
  NOT_INSPECTED,
  STRUCTURE_TYPE,
} from '../../domain/buildings/enums.ts';
import { CASE_CATEGORY, CASE_SEVERITY } from '../../domain/cases/enums.ts';
import { pivotCsv, pivotXlsx } from '../../domain/statistics/export.ts';
import {
  CASE_DIMENSIONS,
  CASE_ORIGIN,
  FLOORS_BANDS,
  HOUSE_DIMENSIONS,
  MEASURES,
  NONE,
  RISK_TIER,
  YEAR_BANDS,
} from '../../domain/statistics/dimensions.ts';
import { sendFile } from '../http/binary.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, literals } from '../http/schemas.ts';
import type { StatsService, StatsUser } from '../services/stats.ts';
import { caseUser } from './cases.ts';
import type { RequestContext } from '../http/context.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', maxLength: 7, description: 'YYYY-MM (Beijing calendar)' });
const PERIOD = {
  region: Type.Optional({ ...RegionCode, description: 'Region code; the reader’s own region by default' }),
  from: Type.Optional({ ...Month, title: '开始月份', description: 'First month, YYYY-MM (default: 11 months before `to`)' }),
  to: Type.Optional({
    ...Month,
    title: '结束月份',
    description: 'Last month, YYYY-MM, inclusive (default: the current month); at most 36 months',
  }),
};
const COVERAGE = { coverageDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: undefined, title: '排查覆盖天数' })) };

const Link = Type.Object({
  resource: literals(['buildings', 'cases', 'inspections', 'complaints', 'tasks', 'campaign-tasks']),
  filter: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
    description: 'The list endpoint’s query parameters; that list’s total equals the figure',
  }),
});
const Figure = Type.Object({ value: Type.Number(), link: Type.Optional(Link) });
const Rate = Nullable(Type.Number());
const Meta = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  period: Nullable(Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) })),
  computedAt: Type.String({ format: 'date-time' }),
});
const record = (keys: readonly string[], schema: TSchema) => Type.Object(Object.fromEntries(keys.map((k) => [k, schema])));

const Overview = Type.Object({
  meta: Meta,
  houses: record(['total', 'business', 'floors3Plus'], Figure),
  coverage: Type.Object({ days: Type.Integer(), inspected: Figure, due: Figure, rate: Rate }),
  judgements: record(['serious', 'some', 'none', 'notInspected'], Figure),
  tiers: record(RISK_TIER.values, Figure),
  grades: record([...APPRAISAL_GRADE.values, 'none'], Figure),
  openHazards: Type.Array(Type.Object({ category: Type.String(), severity: literals(['serious', 'general']), count: Figure })),
  rectification: Type.Object({ found: Figure, closed: Figure, rate: Rate }),
  overdue: Figure,
  escalations: Figure,
  complaints: record(['received', 'verified', 'unfounded'], Figure),
});
const Children = Type.Object({
  meta: Meta,
  rows: Type.Array(
    Type.Object({
      region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
      houses: Figure,
      red: Figure,
      openHazards: Figure,
      overdue: Figure,
      found: Figure,
      closed: Figure,
      rectificationRate: Rate,
      coverageRate: Rate,
    }),
  ),
});
const Trends = Type.Object({
  meta: Meta,
  interval: literals(['week', 'month']),
  points: Type.Array(
    Type.Object({ start: Type.String({ format: 'date' }), found: Figure, closed: Figure, backlog: Type.Integer(), complaints: Figure }),
  ),
});
const Funnel = Type.Object({
  meta: Meta,
  definitionVersion: Type.Integer(),
  steps: Type.Array(
    Type.Object({
      step: Type.String(),
      label: Type.String(),
      elementIds: Type.Array(Type.String()),
      open: Figure,
      overdueOpen: Figure,
      completed: Type.Integer(),
      medianDays: Nullable(Type.Number()),
      p90Days: Nullable(Type.Number()),
      lateShare: Rate,
    }),
  ),
});
const Cell = Type.Object({ value: Nullable(Type.Number()), link: Type.Optional(Link) });
const Header = Type.Object({ key: Type.String(), label: Type.String() });
const DIMENSIONS = [...HOUSE_DIMENSIONS.values, ...CASE_DIMENSIONS.values];
const Pivot = Type.Object({
  meta: Meta,
  measure: literals(MEASURES.values),
  rows: literals(DIMENSIONS),
  cols: Nullable(literals(DIMENSIONS)),
  rowHeaders: Type.Array(Header),
  colHeaders: Type.Array(Header),
  cells: Type.Array(Type.Array(Cell)),
  rowTotals: Type.Array(Cell),
  colTotals: Type.Array(Cell),
  total: Cell,
});
const Home = Type.Object({
  meta: Meta,
  tasks: record(['pending', 'claimable', 'overdue'], Figure),
  complaintsToVerify: Figure,
  campaignHousesDue: Figure,
  region: Type.Object({ houses: Figure, red: Figure, openHazards: Figure, overdue: Figure, rectificationRate: Rate }),
});

const withNone = (values: readonly string[]) => [...values, NONE];
/** The pivot's query: measure, rows × cols, and a filter on any dimension value. */
const PivotQuery = Type.Object(
  {
    ...PERIOD,
    measure: Type.Optional(literals(MEASURES.values, { title: '指标', 'x-labels': MEASURES.labels })),
    rows: Type.Optional(literals(DIMENSIONS, { title: '行' })),
    cols: Type.Optional(literals(DIMENSIONS, { title: '列' })),
    riskTier: Type.Optional(literals(RISK_TIER.values)),
    use: Type.Optional(literals(BUILDING_USE.values)),
    businessCategory: Type.Optional(literals(withNone(BUSINESS_CATEGORY.values))),
    floorsBand: Type.Optional(literals(FLOORS_BANDS.map((b) => b.id))),
    structureType: Type.Optional(literals(STRUCTURE_TYPE.values)),
    yearBand: Type.Optional(literals(YEAR_BANDS.map((b) => b.id))),
    appraisalGrade: Type.Optional(literals(withNone(APPRAISAL_GRADE.values))),
    latestJudgement: Type.Optional(literals([...JUDGEMENT.values, NOT_INSPECTED])),
    category: Type.Optional(literals(CASE_CATEGORY.values)),
    severity: Type.Optional(literals(CASE_SEVERITY.values)),
    origin: Type.Optional(literals(CASE_ORIGIN.values)),
    month: Type.Optional(Month),
  },
  { additionalProperties: false },
);

const ERRORS = {
  ...AUTH_ERRORS,
  404: { description: '行政区划不存在或不在您的管辖范围内', schema: ErrorResponse },
  422: { description: '统计期间或维度不合规则（字段见 details）', schema: ErrorResponse },
};

const statsUser = (ctx: RequestContext): StatsUser => {
  const u = caseUser(ctx);
  return { id: u.id, role: u.role, regionCode: u.regionCode };
};

export function statsRoutes(api: ApiRouter, deps: { service: StatsService }): void {
  const { service } = deps;
  api.route({
    method: 'get',
    path: '/stats/overview',
    summary: 'The cockpit’s key figures for one region: houses, coverage, judgements, tiers, grades, hazards, rectification, complaints',
    tags: ['stats'],
    auth: true,
    query: Type.Object({ ...PERIOD, ...COVERAGE }, { additionalProperties: false }),
    responses: { 200: { description: '概况', schema: Overview }, ...ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.overview(ctx.ability, statsUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/stats/children',
    summary: 'One row per child region (drill-down, the towns’ ranking)',
    tags: ['stats'],
    auth: true,
    query: Type.Object({ ...PERIOD, ...COVERAGE }, { additionalProperties: false }),
    responses: { 200: { description: '下级区域', schema: Children }, ...ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.children(ctx.ability, statsUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/stats/trends',
    summary: 'Hazards found and closed, the open backlog and complaints, by week or month',
    tags: ['stats'],
    auth: true,
    query: Type.Object({ ...PERIOD, interval: Type.Optional(literals(['week', 'month'])) }, { additionalProperties: false }),
    responses: { 200: { description: '趋势', schema: Trends }, ...ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.trends(ctx.ability, statsUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/stats/funnel',
    summary: 'Per step of the hazard case definition: open cases, overdue ones, median and p90 days, late share',
    tags: ['stats'],
    auth: true,
    query: Type.Object(PERIOD, { additionalProperties: false }),
    responses: { 200: { description: '流程漏斗', schema: Funnel }, ...ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.funnel(ctx.ability, statsUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/stats/pivot',
    summary: 'Counts and rates by rows × columns among the dimensions (差异化监管); each count cell links to its list',
    tags: ['stats'],
    auth: true,
    query: PivotQuery,
    responses: { 200: { description: '透视表', schema: Pivot }, ...ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.pivot(ctx.ability, statsUser(ctx), query) }),
  });

  for (const format of ['xlsx', 'csv'] as const) {
    api.route({
      method: 'get',
      path: `/stats/pivot.${format}`,
      summary: `The pivot as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8 with BOM)'}: title row, Chinese headers, formula-safe cells`,
      tags: ['stats'],
      auth: true,
      query: PivotQuery,
      responses: {
        200: { description: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
        ...ERRORS,
      },
      handler: async ({ query, ctx, res }) => {
        // Computed before the file response starts, so a refusal is a normal JSON error.
        const pivot = await service.pivot(ctx.ability, statsUser(ctx), query);
        const name = `pivot-${pivot.meta.region.code}-${pivot.measure}.${format}`;
        return format === 'xlsx'
          ? sendFile(res, {
              contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              filename: name,
              body: await pivotXlsx(pivot),
            })
          : sendFile(res, { contentType: 'text/csv; charset=utf-8', filename: name, body: pivotCsv(pivot) });
      },
    });
  }

  api.route({
    method: 'get',
    path: '/stats/home',
    summary: 'The home page: the reader’s tasks, complaints to verify, campaign houses due, their region’s key figures',
    tags: ['stats'],
    auth: true,
    responses: { 200: { description: '首页', schema: Home }, ...ERRORS },
    handler: async ({ ctx }) => ({ body: await service.home(ctx.ability, statsUser(ctx)) }),
  });
}
