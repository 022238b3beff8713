/** The region tree, scoped to the caller's region. */
import { Type } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import { REGION_LEVELS } from '../../domain/regions.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, listOf, listQuery, splitIds } from '../http/schemas.ts';
import type { RegionService } from '../services/regions.ts';

const Level = Type.Union(REGION_LEVELS.map((l) => Type.Literal(l)));
const NodeFields = {
  code: Type.String(),
  name: Type.String(),
  level: Level,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer(),
};
const TreeNode: TSchema = Type.Recursive((self) => Type.Object({ ...NodeFields, children: Type.Optional(Type.Array(self)) }), {
  $id: 'RegionNode',
});
const Detail = Type.Object({
  id: Type.String(),
  ...NodeFields,
  path: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  children: Type.Array(Type.Object(NodeFields)),
});
const ListItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: Level,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  path: Type.String(),
});
const NOT_FOUND = { 404: { description: '不存在或不在管辖范围内', schema: ErrorResponse } };

export function regionRoutes(api: ApiRouter, deps: { service: RegionService }): void {
  api.route({
    method: 'get',
    path: '/regions/tree',
    summary: 'The region tree from the caller’s region (or `root` within it), `depth` levels deep',
    tags: ['regions'],
    auth: true,
    query: Type.Object(
      { root: Type.Optional(RegionCode), depth: Type.Integer({ minimum: 0, maximum: 3, default: 1 }) },
      { additionalProperties: false },
    ),
    responses: { 200: { description: '区划树', schema: TreeNode }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ query, ctx }) => {
      return { body: await deps.service.tree(ctx.ability, query.root ?? ctx.user.regionCode, query.depth) };
    },
  });

  api.route({
    method: 'get',
    path: '/regions/:code',
    summary: 'A region with its path from the root and its children',
    tags: ['regions'],
    auth: true,
    params: Type.Object({ code: RegionCode }),
    responses: { 200: { description: '区划', schema: Detail }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, ctx }) => {
      return { body: await deps.service.detail(ctx.ability, params.code) };
    },
  });

  api.route({
    method: 'get',
    path: '/regions',
    summary: 'Search regions by name or code prefix',
    tags: ['regions'],
    auth: true,
    query: listQuery(['code', 'name', 'level'], {
      q: Type.Optional(Type.String({ maxLength: 50 })),
      level: Type.Optional(Level),
      parentCode: Type.Optional(RegionCode),
    }),
    responses: { 200: { description: '区划列表', schema: listOf(ListItem) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.list(ctx.ability, { ...query, ids: splitIds(query.ids) }) }),
  });
}
