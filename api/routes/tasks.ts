/**
 * The task inbox and the work on a task: claim, release, complete (the step's form, validated against
 * the case's definition version), reassign. Each action is a workflow update whose id is the client's
 * Idempotency-Key, and each answers with the case as it is after the action.
 */
import { Type } from '@sinclair/typebox';
import { TASK_SORT, TASK_VIEWS } from '../../domain/cases/tasks.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Text, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import type { TaskService } from '../services/tasks.ts';
import type { TaskContextService } from '../services/task-context.ts';
import { caseUser } from './cases.ts';
import { AssignTogetherBody, AssignTogetherReply, TaskContextReply } from './task-context-schemas.ts';

const STEPS = ['assign', 'control', 'rectify', 'recheck', 'close', 'escalationRefused'] as const;

const TaskRow = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    caseNumber: Type.String(),
    step: literals(STEPS),
    stepName: Type.String(),
    status: literals(['open', 'claimed', 'completed', 'cancelled']),
    dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    overdue: Type.Boolean(),
    canClaim: Type.Boolean(),
    canComplete: Type.Boolean(),
  },
  { additionalProperties: true },
);
const IdParams = Type.Object({ id: Uuid });
const TASK_ERRORS = {
  ...AUTH_ERRORS,
  404: { description: '任务不存在或无权查看', schema: ErrorResponse },
  409: { description: '任务已被他人认领或办理、或案件已结束', schema: ErrorResponse },
  422: { description: '表单不符合规则（字段与原因见 details）', schema: ErrorResponse },
};

export function taskRoutes(api: ApiRouter, deps: { service: TaskService; context: TaskContextService }): void {
  const { context } = deps;

  api.route({
    method: 'get',
    path: '/tasks',
    summary: 'The inbox: my tasks, tasks I may claim, done by me, overdue; sorted by due date',
    tags: ['tasks'],
    auth: true,
    query: listQuery(Object.keys(TASK_SORT) as [string, ...string[]], {
      view: Type.Optional(literals(TASK_VIEWS)),
      step: Type.Optional(literals(STEPS)),
      severity: Type.Optional(literals(['serious', 'general'])),
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Case number, building code or address' })),
    }),
    responses: { 200: { description: '任务列表', schema: listOf(TaskRow) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.inbox(caseUser(ctx), query.view ?? 'mine', query) }),
  });

  api.route({
    method: 'get',
    path: '/tasks/counts',
    summary: 'How many tasks each inbox view holds',
    tags: ['tasks'],
    auth: true,
    responses: {
      200: {
        description: '各视图数量',
        schema: Type.Object({ mine: Type.Integer(), claimable: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
      },
      ...AUTH_ERRORS,
    },
    handler: async ({ ctx }) => ({ body: await deps.service.inboxCounts(caseUser(ctx)) }),
  });

  api.route({
    method: 'get',
    path: '/tasks/:id',
    summary: 'One task',
    tags: ['tasks'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '任务', schema: TaskRow }, ...TASK_ERRORS },
    handler: async ({ params, ctx }) => ({ body: await deps.service.task(ctx.ability, caseUser(ctx), params.id) }),
  });

  api.route({
    method: 'get',
    path: '/tasks/:id/context',
    summary: "What the task's person needs to act: the hazard as found, the house in brief, its other open cases, the decision in force",
    tags: ['tasks'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '办理所需信息（投诉人身份不含在内，产权人姓名已脱敏）', schema: TaskContextReply }, ...TASK_ERRORS },
    handler: async ({ params, ctx }) => ({ body: await context.context(ctx.ability, caseUser(ctx), params.id) }),
  });

  api.route({
    method: 'post',
    path: '/tasks/assign-together',
    summary:
      "Assign several open cases of one house at once: one responsible party, one decision per case; each case's assign task is " +
      'completed by its own workflow update, whose id is derived from the Idempotency-Key and the task, so a retry applies each ' +
      'case once and finishes the ones a first attempt could not. Each result says whether its case was assigned, and if not why.',
    tags: ['tasks'],
    auth: true,
    // Not replayed whole: a retry must reach the cases a first attempt left (each case is idempotent on its own).
    idempotent: false,
    body: AssignTogetherBody,
    responses: { 200: { description: '每个案件的办理结果', schema: AssignTogetherReply }, ...TASK_ERRORS },
    handler: async ({ body, ctx, req }) => ({
      body: { results: await context.assignTogether(ctx.ability, caseUser(ctx), body, req.get('Idempotency-Key')) },
    }),
  });

  api.route({
    method: 'get',
    path: '/tasks/:id/candidates',
    summary: 'Users who could take the task (for reassigning)',
    tags: ['tasks'],
    auth: true,
    params: IdParams,
    responses: { 200: { description: '可改派人员' }, ...TASK_ERRORS },
    handler: async ({ params, ctx }) => ({ body: await deps.service.candidates(ctx.ability, caseUser(ctx), params.id) }),
  });

  for (const action of ['claim', 'release'] as const) {
    api.route({
      method: 'post',
      path: `/tasks/:id/${action}`,
      summary: action === 'claim' ? 'Claim the task' : 'Give the task back to the pool',
      tags: ['tasks'],
      auth: true,
      params: IdParams,
      responses: { 200: { description: '办理后的案件' }, ...TASK_ERRORS },
      handler: async ({ params, ctx, req }) => ({
        body: await deps.service[action](ctx.ability, caseUser(ctx), params.id, req.get('Idempotency-Key')),
      }),
    });
  }

  api.route({
    method: 'post',
    path: '/tasks/:id/complete',
    summary: "Complete the task with its step's form (definitions/hazard-case forms); claims it first if open",
    tags: ['tasks'],
    auth: true,
    params: IdParams,
    body: Type.Object({ form: Type.Object({}, { additionalProperties: true, maxProperties: 50 }) }, { additionalProperties: false }),
    responses: { 200: { description: '办理后的案件（任务已从待办中移除）' }, ...TASK_ERRORS },
    handler: async ({ params, body, ctx, req }) => ({
      body: await deps.service.complete(ctx.ability, caseUser(ctx), params.id, body.form, req.get('Idempotency-Key')),
    }),
  });

  api.route({
    method: 'post',
    path: '/tasks/:id/reassign',
    summary: 'Hand the task to another eligible user (officers)',
    tags: ['tasks'],
    auth: true,
    params: IdParams,
    body: Type.Object(
      {
        userId: Type.String({ format: 'uuid', maxLength: 36, title: '改派给' }),
        reason: Type.Optional(Text({ minLength: 1, maxLength: 500, title: '改派理由' })),
      },
      { additionalProperties: false },
    ),
    responses: { 200: { description: '改派后的案件' }, ...TASK_ERRORS },
    handler: async ({ params, body, ctx, req }) => ({
      body: await deps.service.reassign(ctx.ability, caseUser(ctx), params.id, body.userId, body.reason, req.get('Idempotency-Key')),
    }),
  });
}
