/**
 * Hazard cases: register, list and search, the case page (state of every BPMN element), the trail with
 * its chain verification, cancel and escalate by hand. Task work is in tasks.ts, evidence files in
 * case-files.ts.
 */
import { Type } from '@sinclair/typebox';
import { CASE_CATEGORY, CASE_SEVERITY, CASE_STATUS } from '../../domain/cases/enums.ts';
import { CASE_SORT } from '../../domain/cases/store.ts';
import { CASE_ORIGIN } from '../../domain/statistics/dimensions.ts';
import { BUILDING_FILTER_FIELDS } from './buildings.ts';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors.ts';
import { asSubject } from '../../domain/abilities.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { RequestContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Text, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import type { CaseService, CaseUser } from '../services/cases.ts';

const DateOnly = Type.String({ format: 'date', maxLength: 10 });

/**
 * The filters a statistics figure over cases links with (issue 17 §1): the case's state, origin, overdue
 * day, escalation and closing days, and its house's dimensions under the registry's names.
 */
const CASE_STATISTICS_FILTERS = {
  state: Type.Optional(
    literals(['open', 'closed', 'found'] as const, {
      title: '状态',
      description: 'open: neither closed nor cancelled; found: not cancelled',
      'x-labels': { open: '未销号', closed: '已销号', found: '发现（不含撤销）' },
    }),
  ),
  origin: Type.Optional(literals(CASE_ORIGIN.values, { title: '隐患来源', 'x-labels': CASE_ORIGIN.labels })),
  dueBefore: Type.Optional({ ...DateOnly, description: 'Open cases whose deadline falls on a Beijing day before this date' }),
  escalatedFrom: Type.Optional({ ...DateOnly, description: 'First escalation on or after this Beijing day' }),
  escalatedTo: Type.Optional({ ...DateOnly, description: 'First escalation on or before this Beijing day' }),
  closedFrom: Type.Optional({ ...DateOnly, description: 'Closed on or after this Beijing day' }),
  closedTo: Type.Optional({ ...DateOnly, description: 'Closed on or before this Beijing day' }),
  // The house's dimensions, as the registry filters them.
  ...BUILDING_FILTER_FIELDS,
};

export const CaseSummary = Type.Object(
  {
    id: Uuid,
    number: Type.String({ description: 'Case number, YH + date + sequence' }),
    buildingCode: Type.String(),
    address: Nullable(Type.String()),
    villageName: Nullable(Type.String()),
    townName: Nullable(Type.String()),
    regionCode: Type.String(),
    category: literals(CASE_CATEGORY.values),
    severity: literals(CASE_SEVERITY.values),
    status: literals(CASE_STATUS.values),
    activeElements: Type.Array(Type.String(), { description: 'BPMN elements the case is in now' }),
    dueAt: Nullable(Timestamp),
    dueFrom: Nullable(Timestamp),
    overdue: Type.Boolean(),
    escalationCount: Type.Integer(),
    recheckFailures: Type.Integer(),
    createdAt: Timestamp,
    closedAt: Nullable(Timestamp),
  },
  { additionalProperties: true },
);

const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object(
    {
      elements: Type.Record(Type.String(), Type.Object({ visits: Type.Integer(), active: Type.Boolean() }), {
        description: 'State of every BPMN element the case passed: visit count and whether it is active',
      }),
      openTasks: Type.Array(Type.Object({}, { additionalProperties: true })),
      sourceRef: Type.Union([Uuid, Type.Null()], { description: 'The inspection or complaint that opened the case (by `source`)' }),
      deadlineInForce: Type.Union(
        [
          Type.Object({
            date: Type.String({ format: 'date', description: 'Beijing calendar date' }),
            byDefault: Type.Boolean({ description: 'The definition’s default, not a date set at assignment' }),
          }),
          Type.Null(),
        ],
        { description: 'The rectification deadline that applies (整改期限); null before assignment' },
      ),
      discoveries: Type.Array(Type.Object({}, { additionalProperties: true }), {
        description:
          'How the case was found: the inspections and confirmed complaints that reported it, the opening one first, with photos (and SHA-256), position and notes; never the complainant',
      }),
    },
    { additionalProperties: true },
  ),
]);

const IdParams = Type.Object({ id: Uuid });
const Reason = Type.Object({ reason: Text({ minLength: 2, maxLength: 500, title: '理由' }) }, { additionalProperties: false });
const NOT_FOUND = { 404: { description: '案件不存在或无权查看', schema: ErrorResponse } };
const CONFLICT = { 409: { description: '案件状态已变化（已被他人办理、已销号或已撤销）', schema: ErrorResponse } };

export function caseUser(ctx: RequestContext): CaseUser {
  if (!ctx.user) throw new UnauthenticatedError('UNAUTHENTICATED', '请先登录');
  return { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role, regionCode: ctx.user.regionCode };
}

export function caseRoutes(api: ApiRouter, deps: { service: CaseService }): void {
  api.route({
    method: 'post',
    path: '/cases',
    summary: 'Register a hazard on a building: writes the case and starts its workflow; answers with the case (assign task open)',
    tags: ['cases'],
    auth: true,
    body: Type.Object(
      {
        buildingCode: Type.String({ minLength: 1, maxLength: 30, title: '房屋编码', description: '房屋编码（18 位）' }),
        category: literals(CASE_CATEGORY.values, { title: '隐患类别', 'x-labels': CASE_CATEGORY.labels }),
        severity: literals(CASE_SEVERITY.values, { title: '隐患等级', 'x-labels': CASE_SEVERITY.labels }),
        description: Text({ minLength: 2, maxLength: 2000, title: '隐患描述' }),
      },
      { additionalProperties: false },
    ),
    responses: {
      201: { description: '已登记', schema: CaseDetail },
      ...AUTH_ERRORS,
      422: { description: '房屋不存在', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => ({
      status: 201,
      body: await deps.service.register(ctx.ability, caseUser(ctx), { ...body, requestRef: ctx.requestRef ?? null }, auditContext(ctx)),
    }),
  });

  api.route({
    method: 'get',
    path: '/cases',
    summary: 'Cases the caller may see, filtered and sorted',
    tags: ['cases'],
    auth: true,
    query: listQuery(Object.keys(CASE_SORT) as [string, ...string[]], {
      status: Type.Optional(literals(CASE_STATUS.values)),
      regionCode: Type.Optional(RegionCode),
      severity: Type.Optional(literals(CASE_SEVERITY.values)),
      category: Type.Optional(literals(CASE_CATEGORY.values)),
      overdue: Type.Optional(Type.Boolean()),
      buildingCode: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', maxLength: 18 })),
      createdFrom: Type.Optional(DateOnly),
      createdTo: Type.Optional(DateOnly),
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Part of the case number' })),
      ...CASE_STATISTICS_FILTERS,
    }),
    responses: { 200: { description: '案件列表', schema: listOf(CaseSummary) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.list(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/cases/:id',
    summary: 'The case page: the case, its open tasks, the state of every BPMN element, escalations and callbacks',
    tags: ['cases'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '案件', schema: CaseDetail }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: await deps.service.detail(ctx.ability, caseUser(ctx), params.id) }),
  });

  api.route({
    method: 'get',
    path: '/cases/:id/events',
    summary: "The case's trail (append-only, hash-chained) with its evidence files and the chain's verification",
    tags: ['cases'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '案件记录' }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: await deps.service.events(ctx.ability, params.id) }),
  });

  api.route({
    method: 'get',
    path: '/cases/:id/verify',
    summary: "Recomputes the case's hash chain; names the first broken link",
    tags: ['cases'],
    auth: true,
    params: IdParams,
    responses: {
      200: {
        description: '校验结果',
        schema: Type.Object({
          caseId: Uuid,
          ok: Type.Boolean(),
          events: Type.Integer(),
          brokenAt: Nullable(Type.Object({ seq: Type.Integer(), reason: literals(['prev_hash', 'hash', 'gap', 'truncated', 'extra']) })),
          lastHash: Type.String(),
        }),
      },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
    },
    handler: async ({ params, ctx }) => ({ body: await deps.service.verify(ctx.ability, params.id) }),
  });

  api.route({
    method: 'get',
    path: '/cases/:id/dossier.pdf',
    summary: 'The case dossier (PDF): timeline with hashes, evidence with SHA-256, chain verification (auditors, district)',
    tags: ['cases'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: 'application/pdf' }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx, res }) => {
      const user = caseUser(ctx);
      const c = await deps.service.get(ctx.ability, params.id);
      // Refused before the PDF response starts, so the refusal is a normal JSON error.
      if (!ctx.ability.can('audit', asSubject('Case', c))) throw new ForbiddenError('只有审计人员和区住建局可以导出案卷');
      return sendFile(res, {
        contentType: 'application/pdf',
        filename: `dossier-${c.number}.pdf`,
        body: (out) => deps.service.dossier(ctx.ability, user, params.id, auditContext(ctx), out),
      });
    },
  });

  for (const action of ['cancel', 'escalate'] as const) {
    api.route({
      method: 'post',
      path: `/cases/:id/${action}`,
      summary:
        action === 'cancel' ? 'Cancel the case with a reason (district officers)' : 'Escalate the case to the supervision system by hand',
      tags: ['cases'],
      auth: true,
      params: IdParams,
      body: Reason,
      responses: { 200: { description: '案件', schema: CaseDetail }, ...AUTH_ERRORS, ...NOT_FOUND, ...CONFLICT },
      handler: async ({ params, body, ctx, req }) => ({
        body: await deps.service[action](ctx.ability, caseUser(ctx), params.id, body.reason, req.get('Idempotency-Key')),
      }),
    });
  }
}
