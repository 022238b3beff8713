/**
 * The read API for a higher-level platform (a province's), authenticated by its own credential rather
 * than a user's session: the houses of its region, page by page along the change feed.
 */
import { Type } from '@sinclair/typebox';
import { BuildingCreate } from '../../domain/buildings/schema.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { ErrorResponse } from '../http/schemas.ts';
import { FEED_PAGE, FEED_RATE_PER_MINUTE } from '../services/api-clients.ts';
import type { ApiClientService } from '../services/api-clients.ts';

const House = Type.Object(
  { id: Type.String(), code: Type.String(), ...BuildingCreate.properties, updatedAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: true },
);

export function platformRoutes(api: ApiRouter, deps: { service: ApiClientService }): void {
  api.route({
    method: 'get',
    path: '/platform/v1/houses',
    summary:
      'Houses of the client’s region in change order: start without a cursor, follow `next` until it is null (caught up), then poll from `cursor` for what changed since. Owner details masked unless granted.',
    tags: ['platform'],
    auth: false,
    security: [{ platformCredential: [] }],
    query: Type.Object(
      {
        cursor: Type.Optional(
          Type.String({ minLength: 1, maxLength: 80, title: '游标', description: 'Opaque: a `next` or `cursor` of an earlier answer' }),
        ),
        limit: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: FEED_PAGE.max,
            title: '每页数量',
            description: `Houses per page (default ${String(FEED_PAGE.default)})`,
          }),
        ),
      },
      { additionalProperties: false },
    ),
    responses: {
      200: {
        description: '房屋（按变更顺序）',
        schema: Type.Object({
          data: Type.Array(House),
          next: Type.Union([Type.String(), Type.Null()], { description: 'The next page’s cursor; null when caught up' }),
          cursor: Type.String({ description: 'Where to resume later (after the last house served)' }),
        }),
      },
      400: { description: '游标或参数无效（字段见 details）', schema: ErrorResponse },
      401: { description: '缺少接口凭据，或凭据无效、已吊销', schema: ErrorResponse },
      429: { description: `调用过于频繁（每个凭据每分钟 ${String(FEED_RATE_PER_MINUTE)} 次）`, schema: ErrorResponse },
    },
    handler: async ({ query, req, ctx }) => {
      const client = await deps.service.authenticate(req.get('Authorization'));
      return { body: await deps.service.houses(client, query, auditContext(ctx)) };
    },
  });
}
