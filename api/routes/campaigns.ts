/**
 * Special inspections: campaigns (create, list, the campaign page with progress per village, its
 * houses, cancel) and the houses waiting in the caller's inbox.
 */
import { Type } from '@sinclair/typebox';
import type { ApiRouter } from '../http/router.ts';
import { auditContext } from '../http/context.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, Text, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import type { CampaignService } from '../services/campaigns.ts';
import { BUILDING_FILTER_FIELDS } from './buildings.ts';
import { caseUser } from './cases.ts';

const STATUS = ['running', 'completed', 'closed', 'cancelled'] as const;
const ITEM_STATUS = ['pending', 'done', 'overdue'] as const;
const Counts = Type.Object({
  total: Type.Integer(),
  done: Type.Integer(),
  withHazards: Type.Integer({ description: 'Houses whose inspection found hazards' }),
  overdue: Type.Integer(),
  pending: Type.Integer(),
});
const Campaign = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    regionCode: Type.String(),
    assigneeRole: literals(['inspector', 'town_officer'] as const),
    dueAt: Timestamp,
    status: literals(STATUS),
    progress: Counts,
  },
  { additionalProperties: true },
);
const Item = Type.Object({ buildingCode: Type.String(), status: literals(ITEM_STATUS), dueAt: Timestamp }, { additionalProperties: true });
const IdParams = Type.Object({ id: Uuid });
const NOT_FOUND = { 404: { description: '专项排查不存在或无权查看', schema: ErrorResponse } };

export function campaignRoutes(api: ApiRouter, deps: { service: CampaignService }): void {
  api.route({
    method: 'post',
    path: '/campaigns',
    summary: 'Start a special inspection: the houses the filters pick in the area, a deadline, and who inspects them',
    tags: ['campaigns'],
    auth: true,
    body: Type.Object(
      {
        name: Type.String({ minLength: 2, maxLength: 100, title: '名称' }),
        regionCode: Type.String({ ...RegionCode, title: '排查范围' }),
        filters: Type.Object(BUILDING_FILTER_FIELDS, { additionalProperties: false, title: '房屋条件' }),
        assigneeRole: literals(['inspector', 'town_officer'] as const, { title: '承办角色' }),
        dueAt: Type.String({ format: 'date-time', maxLength: 40, title: '截止时间' }),
        remindDaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 60, title: '提前提醒天数' })),
      },
      { additionalProperties: false },
    ),
    responses: {
      201: { description: '已发起', schema: Campaign },
      ...AUTH_ERRORS,
      422: { description: '截止时间已过或没有符合条件的房屋', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => ({
      status: 201,
      body: await deps.service.create(ctx.ability, caseUser(ctx), body, auditContext(ctx)),
    }),
  });

  api.route({
    method: 'get',
    path: '/campaigns',
    summary: 'Campaigns over or within the caller’s area, with progress over the villages the caller may see',
    tags: ['campaigns'],
    auth: true,
    query: listQuery(['createdAt', 'dueAt'], { status: Type.Optional(literals(STATUS)) }),
    responses: { 200: { description: '专项排查', schema: listOf(Campaign) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.list(caseUser(ctx), query) }),
  });

  api.route({
    method: 'get',
    path: '/campaigns/:id',
    summary: 'The campaign page: the campaign and its progress per village (done, found hazards, overdue)',
    tags: ['campaigns'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '专项排查', schema: Campaign }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => ({ body: await deps.service.withVillages(caseUser(ctx), params.id) }),
  });

  api.route({
    method: 'get',
    path: '/campaigns/:id/items',
    summary: 'The campaign’s houses in the caller’s area, by village and status',
    tags: ['campaigns'],
    auth: true,
    params: IdParams,
    query: listQuery(['buildingCode', 'doneAt'], { regionCode: Type.Optional(RegionCode), status: Type.Optional(literals(ITEM_STATUS)) }),
    responses: { 200: { description: '房屋', schema: listOf(Item) }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, query, ctx }) => ({ body: await deps.service.items(caseUser(ctx), params.id, query) }),
  });

  api.route({
    method: 'post',
    path: '/campaigns/:id/cancel',
    summary: 'Withdraw a running campaign, with a reason',
    tags: ['campaigns'],
    auth: true,
    params: IdParams,
    body: Type.Object({ reason: Text({ minLength: 2, maxLength: 500, title: '撤销理由' }) }, { additionalProperties: false }),
    responses: {
      200: { description: '已撤销', schema: Campaign },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '已结束', schema: ErrorResponse },
    },
    handler: async ({ params, body, ctx, req }) => ({
      body: await deps.service.cancel(ctx.ability, caseUser(ctx), params.id, body.reason, req.get('Idempotency-Key') ?? undefined),
    }),
  });

  api.route({
    method: 'get',
    path: '/campaign-tasks',
    summary:
      'Houses waiting for the caller: running campaigns handed to their role, in their area, soonest deadline first (or those of one house)',
    tags: ['campaigns'],
    auth: true,
    query: listQuery(['dueAt'], {
      buildingCode: Type.Optional(
        Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', maxLength: 18, description: '只看这栋房屋（排查表据此显示专项排查的名称）' }),
      ),
    }),
    responses: { 200: { description: '待排查房屋', schema: listOf(Item) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.tasks(caseUser(ctx), query) }),
  });
}
