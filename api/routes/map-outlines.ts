/** The map's town and village outlines (issue 18 §2), region-scoped like every read. */
import { Type } from '@sinclair/typebox';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, literals } from '../http/schemas.ts';
import type { MapOutlineService } from '../services/map-outlines.ts';

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[经度, 纬度]，WGS-84' });
const Rings = Type.Array(Type.Array(Position));
const Outline = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Union([
    Type.Object({ type: Type.Literal('Polygon'), coordinates: Rings }),
    Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Rings) }),
  ]),
  properties: Type.Object({
    code: Type.String(),
    name: Type.String(),
    level: literals(['town', 'village']),
    approximate: Type.Boolean({ description: 'true：按房屋位置推算的近似范围；false：导入的正式边界' }),
    houses: Type.Integer({ description: '辖内登记房屋数（含无坐标的）' }),
  }),
});
const Outlines = Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Outline) });

export function mapOutlineRoutes(api: ApiRouter, deps: { service: MapOutlineService }): void {
  api.route({
    method: 'get',
    path: '/map/outlines',
    summary:
      'Town and village outlines of a region as GeoJSON (WGS-84): imported boundaries, else approximate hulls around the houses (computed once, kept until a house moves)',
    tags: ['map'],
    auth: true,
    query: Type.Object(
      { regionCode: Type.Optional({ ...RegionCode, title: '区划代码', description: 'Region code; the reader’s own region by default' }) },
      { additionalProperties: false },
    ),
    responses: {
      200: { description: '镇街与村居轮廓（GeoJSON FeatureCollection）', schema: Outlines },
      ...AUTH_ERRORS,
      404: { description: '行政区划不存在或不在您的管辖范围内', schema: ErrorResponse },
    },
    handler: async ({ query, ctx }) => ({ body: await deps.service.outlines(ctx.ability, ctx.user, query.regionCode) }),
  });
}
