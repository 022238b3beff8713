/**
 * 定期巡查 (inspection schedules by risk tier): the caller's batch, the coverage figures per village and
 * per inspector, and the due items behind each figure (same filters, same total).
 */
import { Type } from '@sinclair/typebox';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import type { InspectionScheduleService } from '../services/inspection-schedule.ts';
import { caseUser } from './cases.ts';

const TIERS = ['red', 'orange', 'yellow', 'green'] as const;
const COVERAGE = ['onTime', 'late', 'overdue', 'pending'] as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const DueItem = Type.Object(
  {
    id: Type.String(),
    buildingCode: Type.String(),
    address: Nullable(Type.String()),
    villageCode: Type.String(),
    villageName: Nullable(Type.String()),
    riskTier: literals(TIERS),
    status: literals(['due', 'assigned', 'done'] as const),
    dueAt: Timestamp,
    overdue: Type.Boolean(),
    basisAt: Nullable(Timestamp),
    assigneeId: Nullable(Uuid),
    assigneeName: Nullable(Type.String()),
    assignedDay: Nullable(Timestamp),
    inspectionId: Nullable(Uuid),
    doneAt: Nullable(Timestamp),
  },
  { additionalProperties: false },
);
const Counts = {
  due: Type.Integer({ description: 'Houses whose due moment is in the window: onTime + late + overdue + pending' }),
  onTime: Type.Integer({ description: 'Inspected by their due moment' }),
  late: Type.Integer({ description: 'Inspected after it' }),
  overdue: Type.Integer({ description: 'Not inspected, past it' }),
  pending: Type.Integer({ description: 'Not inspected, not yet due' }),
};
const Coverage = Type.Object({
  from: Timestamp,
  to: Timestamp,
  at: Timestamp,
  total: Type.Object(Counts),
  villages: Type.Array(Type.Object({ villageCode: Type.String(), villageName: Nullable(Type.String()), ...Counts })),
  inspectors: Type.Array(Type.Object({ assigneeId: Nullable(Uuid), assigneeName: Nullable(Type.String()), ...Counts })),
});
const WINDOW = {
  from: Type.Optional(
    Type.String({ format: 'date-time', maxLength: 40, title: '开始', description: 'Due from (default: 30 days before `to`)' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, title: '结束', description: 'Due before (default: now)' })),
  regionCode: Type.Optional(RegionCode),
  assigneeId: Type.Optional(Type.String({ ...Uuid, title: '排查员' })),
  unassigned: Type.Optional(Type.Boolean({ title: '未分派', description: 'true: only the houses never handed to an inspector' })),
};
const WINDOW_ERRORS = { 422: { description: '时间范围或筛选条件无效', schema: ErrorResponse } };

export function inspectionScheduleRoutes(api: ApiRouter, deps: { service: InspectionScheduleService }): void {
  api.route({
    method: 'get',
    path: '/inspection-due/batch',
    summary: 'The caller’s 定期巡查 batch: houses handed to them and not yet inspected, most urgent first (tier, then how overdue)',
    tags: ['inspection-schedule'],
    auth: true,
    query: Type.Object({
      page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
      perPage: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
    }),
    responses: { 200: { description: '定期巡查', schema: listOf(DueItem) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.batch(caseUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/inspection-due/coverage',
    summary:
      'Coverage (覆盖率) of the houses due in a window, in the caller’s area: due, on time, late, overdue, pending; per village and inspector',
    tags: ['inspection-schedule'],
    auth: true,
    query: Type.Object(WINDOW, { additionalProperties: false }),
    responses: { 200: { description: '覆盖率', schema: Coverage }, ...AUTH_ERRORS, ...WINDOW_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.coverage(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/inspection-due',
    summary: 'The due houses behind a coverage figure (same window and filters, same total)',
    tags: ['inspection-schedule'],
    auth: true,
    query: listQuery(['dueAt', 'doneAt', 'buildingCode'], { ...WINDOW, coverage: Type.Optional(literals(COVERAGE)) }),
    responses: { 200: { description: '定期巡查房屋', schema: listOf(DueItem) }, ...AUTH_ERRORS, ...WINDOW_ERRORS },
    handler: async ({ query, ctx }) => {
      const { page, perPage, sort, order, ...filter } = query;
      return { body: await deps.service.list(ctx.ability, filter, { page, perPage, sort, order }) };
    },
  });
}
