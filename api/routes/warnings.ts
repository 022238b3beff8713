/**
 * Warnings (预警): the area's list, the 预警处置 inbox, one warning with its evidence, and its three
 * handlings (acknowledge, dispatch a special inspection or hazard cases, dismiss with a reason).
 */
import { Type } from '@sinclair/typebox';
import { CASE_CATEGORY, CASE_SEVERITY } from '../../domain/cases/enums.ts';
import { WARNING_STATUSES } from '../../domain/warnings/store.ts';
import type { ApiRouter } from '../http/router.ts';
import { auditContext } from '../http/context.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Text, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import type { WarningService } from '../services/warnings.ts';
import { caseUser } from './cases.ts';

const Warning = Type.Object(
  {
    id: Uuid,
    ruleId: Type.String(),
    ruleVersion: Type.Integer(),
    ruleName: Type.String(),
    regionCode: Type.String(),
    regionName: Nullable(Type.String()),
    buildingCodes: Type.Array(Type.String()),
    caseIds: Type.Array(Type.String()),
    evidence: Type.Object({}, { additionalProperties: true, description: '规则查得的数据（件数、距离、比例等）' }),
    status: literals(WARNING_STATUSES),
    raisedAt: Timestamp,
    acknowledgeDueAt: Timestamp,
    acknowledgedAt: Nullable(Timestamp),
    escalatedAt: Nullable(Timestamp),
    closedAt: Nullable(Timestamp),
    opens: Type.Array(literals(['inspection', 'case'] as const), { description: '该规则允许派发的处置' }),
  },
  { additionalProperties: true },
);
const IdParams = Type.Object({ id: Uuid });
const NOT_FOUND = { 404: { description: '预警不存在或无权查看', schema: ErrorResponse } };
const HANDLED = {
  200: { description: '处置后的预警', schema: Warning },
  ...AUTH_ERRORS,
  ...NOT_FOUND,
  409: { description: '预警已处置（或正在处置）', schema: ErrorResponse },
};

export function warningRoutes(api: ApiRouter, deps: { service: WarningService }): void {
  api.route({
    method: 'get',
    path: '/warnings',
    summary: 'Warnings raised within the caller’s area, newest first, by status, rule and region',
    tags: ['warnings'],
    auth: true,
    query: listQuery(['raisedAt', 'acknowledgeDueAt'], {
      status: Type.Optional(literals(WARNING_STATUSES)),
      active: Type.Optional(Type.Boolean({ description: 'true: open, acknowledged or escalated; false: dispatched or dismissed' })),
      ruleId: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 60 })),
      regionCode: Type.Optional(RegionCode),
    }),
    responses: { 200: { description: '预警', schema: listOf(Warning) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.list(caseUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/warning-tasks',
    summary: 'The 预警处置 inbox: active warnings for the caller’s role in their area (and those escalated to it), soonest deadline first',
    tags: ['warnings'],
    auth: true,
    query: listQuery(['acknowledgeDueAt', 'raisedAt'], {}),
    responses: { 200: { description: '待处置预警', schema: listOf(Warning) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.tasks(caseUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/warnings/:id',
    summary: 'One warning: its rule, region, houses and cases, evidence figures and handling',
    tags: ['warnings'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '预警', schema: Warning }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: await deps.service.get(caseUser(ctx), params.id) }),
  });

  api.route({
    method: 'post',
    path: '/warnings/:id/acknowledge',
    summary: 'Acknowledge a warning (签收): it no longer escalates',
    tags: ['warnings'],
    auth: true,
    params: IdParams,
    body: Type.Object({}, { additionalProperties: false }),
    responses: HANDLED,
    handler: async ({ params, ctx, req }) => ({
      body: await deps.service.acknowledge(
        ctx.ability,
        caseUser(ctx),
        params.id,
        auditContext(ctx),
        req.get('Idempotency-Key') ?? undefined,
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/warnings/:id/dispatch',
    summary: 'Dispatch a warning (派发): a special inspection of its houses (by dueAt) or a hazard case on each (category, severity)',
    tags: ['warnings'],
    auth: true,
    params: IdParams,
    body: Type.Object(
      {
        kind: literals(['inspection', 'case'] as const, { title: '处置方式' }),
        dueAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, title: '截止时间' })),
        category: Type.Optional(literals(CASE_CATEGORY.values, { title: '隐患类别', 'x-labels': CASE_CATEGORY.labels })),
        severity: Type.Optional(literals(CASE_SEVERITY.values, { title: '隐患等级', 'x-labels': CASE_SEVERITY.labels })),
        description: Type.Optional(Text({ maxLength: 500, title: '说明' })),
      },
      { additionalProperties: false },
    ),
    responses: { ...HANDLED, 422: { description: '缺少该处置方式所需的字段，或规则不允许', schema: ErrorResponse } },
    handler: async ({ params, body, ctx, req }) => ({
      body: await deps.service.dispatch(
        ctx.ability,
        caseUser(ctx),
        params.id,
        body,
        auditContext(ctx),
        req.get('Idempotency-Key') ?? undefined,
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/warnings/:id/dismiss',
    summary: 'Dismiss a warning (忽略) with a reason',
    tags: ['warnings'],
    auth: true,
    params: IdParams,
    body: Type.Object({ reason: Text({ minLength: 2, maxLength: 500, title: '忽略理由' }) }, { additionalProperties: false }),
    responses: { ...HANDLED, 422: { description: '理由为空', schema: ErrorResponse } },
    handler: async ({ params, body, ctx, req }) => ({
      body: await deps.service.dismiss(
        ctx.ability,
        caseUser(ctx),
        params.id,
        body.reason,
        auditContext(ctx),
        req.get('Idempotency-Key') ?? undefined,
      ),
    }),
  });
}
