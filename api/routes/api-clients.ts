/** Credentials of higher-level platforms (上级平台接口凭据): listed, created (secret shown once) and revoked by administrators. */
import { Type } from '@sinclair/typebox';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode } from '../http/schemas.ts';
import type { ApiClientService } from '../services/api-clients.ts';

const Client = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  personalData: Type.Boolean({ description: 'Owner names and phones served in full' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Nullable(Type.String()),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
});

export function apiClientRoutes(api: ApiRouter, deps: { service: ApiClientService }): void {
  api.route({
    method: 'get',
    path: '/api-clients',
    summary: 'The credentials of higher-level platforms within the administrator’s region (no secrets)',
    tags: ['api-clients'],
    auth: true,
    responses: {
      200: { description: '接口凭据', schema: Type.Object({ data: Type.Array(Client), total: Type.Integer() }) },
      ...AUTH_ERRORS,
    },
    handler: async ({ ctx }) => {
      const data = await deps.service.list(ctx.ability, ctx.user.regionCode);
      return { body: { data, total: data.length } };
    },
  });

  api.route({
    method: 'post',
    path: '/api-clients',
    summary: 'Create a credential for a higher-level platform; the token (`<id>.<secret>`) is in this answer only',
    tags: ['api-clients'],
    auth: true,
    idempotent: false,
    body: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', title: '名称' }),
        regionCode: Type.String({ ...RegionCode, title: '数据范围（行政区划）' }),
        personalData: Type.Optional(Type.Boolean({ title: '提供户主信息', description: 'Grant owner names and phones in full' })),
      },
      { additionalProperties: false },
    ),
    responses: {
      201: { description: '已创建；token 仅此一次显示', schema: Type.Object({ client: Client, token: Type.String() }) },
      ...AUTH_ERRORS,
      422: { description: '行政区划不存在或不在管辖范围内', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => ({
      status: 201,
      body: await deps.service.create(
        ctx.ability,
        { name: body.name, regionCode: body.regionCode, personalData: body.personalData ?? false },
        { ...auditContext(ctx), actorId: ctx.user.id },
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/api-clients/:id/revoke',
    summary: 'Revoke a credential: from now on it is refused (401)',
    tags: ['api-clients'],
    auth: true,
    params: Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) }),
    responses: {
      200: { description: '已吊销', schema: Client },
      ...AUTH_ERRORS,
      404: { description: '不存在或无权查看', schema: ErrorResponse },
    },
    handler: async ({ params, ctx }) => ({
      body: await deps.service.revoke(ctx.ability, params.id, { ...auditContext(ctx), actorId: ctx.user.id }),
    }),
  });
}
