/**
 * The map API (issue 18): vector tiles per layer (region-scoped like the lists, cached by ETag), the
 * summary that places the map and counts the houses of its filters, the card of a house, and the houses
 * due for inspection as a list with their addresses (the phone map's, nearest first).
 */
import { resolve } from 'node:path';
import { Type } from '@sinclair/typebox';
import type { TObject, TProperties } from '@sinclair/typebox';
import { CASE_SEVERITY } from '../../domain/cases/enums.ts';
import { InputError } from '../../domain/errors.ts';
import type { Position } from '../../domain/map/due-houses.ts';
import type { MapLayer } from '../../domain/map/store.ts';
import { MAX_TILE_ZOOM } from '../../domain/map/tiles.ts';
import { RISK_TIER } from '../../domain/statistics/dimensions.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, Timestamp, Uuid, listOf, literals } from '../http/schemas.ts';
import { BASEMAP_PATH } from '../services/map.ts';
import type { MapService, TileRequest } from '../services/map.ts';
import { BUILDING_FILTER_FIELDS, HOUSE_CASE_FILTER_FIELDS } from './buildings.ts';
import { caseUser } from './cases.ts';

const TILE_TYPE = 'application/vnd.mapbox-vector-tile';
const TileNumber = (description: string) => Type.String({ pattern: '^[0-9]{1,9}$', maxLength: 9, description });
const TileParams = Type.Object({
  z: TileNumber(`Zoom, 0–${MAX_TILE_ZOOM}`),
  x: TileNumber('Column, 0 to 2^z − 1'),
  y: TileNumber('Row, 0 to 2^z − 1'),
});
const Region = { regionCode: Type.Optional({ ...RegionCode, description: 'Only this region (within the reader’s own)' }) };
const HOUSE_FILTERS = { ...Region, ...BUILDING_FILTER_FIELDS, ...HOUSE_CASE_FILTER_FIELDS };

const LAYERS: Record<MapLayer, { query: TObject; about: string }> = {
  houses: {
    query: Type.Object(
      {
        ...HOUSE_FILTERS,
        footprints: Type.Optional(
          Type.Boolean({ title: '三维', description: 'true: from zoom 16 the tile also holds the houses’ footprints (for the 3D view)' }),
        ),
      },
      { additionalProperties: false },
    ),
    about:
      'Houses with the registry list’s filters. Up to zoom 15 grid clusters: `count`, counts per tier (`red`, `orange`, `yellow`, `green`) and the worst `tier`; a house alone carries `code`, `tier`, `floors`, `openCases`, `overdue`, `inspectionDue`. From zoom 16 one point per house, and with `footprints=true` a `footprints` layer (schematic squares with `height` in metres) for 3D',
  },
  cases: {
    query: Type.Object(
      {
        ...Region,
        severity: Type.Optional(literals(CASE_SEVERITY.values, { title: '隐患等级', 'x-labels': CASE_SEVERITY.labels })),
        overdue: Type.Optional(Type.Boolean({ title: '超期', description: 'true: past the deadline; false: within it' })),
      },
      { additionalProperties: false },
    ),
    about: 'Open cases at their house: `count`, `serious`, `overdue`; a case alone carries `caseId`, `code`, `severity`',
  },
  complaints: {
    query: Type.Object(
      { ...Region, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30, title: '最近天数' })) },
      { additionalProperties: false },
    ),
    about:
      'Complaints received in the last `days` days (30 by default), at their house or reported place: `count`, `verifying`, `confirmed`; one alone carries `complaintId`, `status`',
  },
  campaign: {
    query: Type.Object({ ...Region, campaignId: { ...Uuid, title: '专项排查' } }, { additionalProperties: false }),
    about: 'A campaign’s houses by progress: `count`, `done`, `pending`, `overdue`; one alone carries `code`, `status`',
  },
  warnings: {
    query: Type.Object({ ...Region }, { additionalProperties: false }),
    about:
      'The houses of warnings still waiting (open, acknowledged, escalated), in the warnings’ area: `count`, `escalated`; one alone carries `warningId`, `code`, `status`',
  },
};

const DueHouse = Type.Object({
  code: Type.String(),
  address: Type.String(),
  villageName: Type.Union([Type.String(), Type.Null()]),
  riskTier: literals(RISK_TIER.values, { title: '风险等级', 'x-labels': RISK_TIER.labels }),
  lastInspectedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Day of the latest judgement; null: never' }),
  dueAt: Type.Union([Timestamp, Type.Null()], {
    description: 'When its 定期巡查 (inspection by risk tier) is due; null: not scheduled yet, due by the yearly rule',
  }),
  distanceM: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Metres from `near`; null without `near` or when the house has no position (those come last)',
  }),
});

const DueQuery = Type.Object(
  {
    ...Region,
    near: Type.Optional(
      Type.String({
        pattern: '^-?[0-9]{1,3}(\\.[0-9]{1,12})?,-?[0-9]{1,2}(\\.[0-9]{1,12})?$',
        maxLength: 40,
        title: '当前位置',
        description: '`longitude,latitude` in WGS-84 (what a phone’s geolocation gives): nearest first, with distances',
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1, title: '页码' }),
    perPage: Type.Integer({ minimum: 1, maximum: 100, default: 20, title: '每页条数' }),
  },
  { additionalProperties: false },
);

/** `near` as a position; the pattern let only digits through, the range is checked here. */
function position(near: string | undefined): Position | undefined {
  if (near === undefined) return undefined;
  const [longitude = NaN, latitude = NaN] = near.split(',').map(Number);
  if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90))
    throw InputError.field('query.near', 'out_of_range', '当前位置超出范围：经度应在 −180 到 180 之间，纬度应在 −90 到 90 之间');
  return { longitude, latitude };
}

export function mapRoutes(api: ApiRouter, deps: { service: MapService; basemapFile: string }): void {
  api.route({
    method: 'get',
    path: '/map/config',
    summary: 'The basemap under the platform’s layers (none, a PMTiles file served here, or a raster URL template) and its datum',
    tags: ['map'],
    auth: true,
    responses: { 200: { description: '地图配置' }, ...AUTH_ERRORS },
    handler: async () => ({ body: deps.service.config() }),
  });

  if (deps.basemapFile) {
    const file = resolve(deps.basemapFile);
    api.route({
      method: 'get',
      path: BASEMAP_PATH.slice('/api'.length),
      summary: 'The PMTiles basemap file (MAP_BASEMAP_PMTILES), read by the map with range requests',
      tags: ['map'],
      auth: true,
      responses: { 200: { description: 'application/octet-stream' }, 206: { description: '文件的一段' }, ...AUTH_ERRORS },
      handler: async ({ res }) => {
        await new Promise<void>((done, fail) =>
          res.sendFile(file, { acceptRanges: true, cacheControl: false, headers: { 'Cache-Control': 'private, max-age=3600' } }, (error) =>
            error ? fail(error) : done(),
          ),
        );
        return { status: res.statusCode };
      },
    });
  }

  for (const [layer, { query, about }] of Object.entries(LAYERS) as [MapLayer, { query: TObject<TProperties>; about: string }][]) {
    api.route({
      method: 'get',
      path: `/map/tiles/${layer}/:z/:x/:y.mvt`,
      summary: `Vector tile (MVT, layer \`${layer}\`): ${about}`,
      tags: ['map'],
      auth: true,
      params: TileParams,
      query,
      responses: {
        200: { description: `${TILE_TYPE}; empty when nothing is there. ETag; If-None-Match answers 304` },
        304: { description: '未变化' },
        ...AUTH_ERRORS,
        400: { description: '瓦片编号或筛选条件错误', schema: ErrorResponse },
        404: { description: '专项排查不存在或无权查看', schema: ErrorResponse },
      },
      handler: async ({ params, query: q, ctx, req, res }) => {
        const user = caseUser(ctx);
        const answer = await deps.service.tile(
          ctx.ability,
          user.regionCode,
          Number(params.z),
          Number(params.x),
          Number(params.y),
          { layer, query: q } as TileRequest,
          req.get('if-none-match'),
        );
        res.set({ ETag: answer.etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie' });
        if (!answer.body) {
          res.status(304).end();
          return { status: 304 };
        }
        res.status(200).type(TILE_TYPE).end(answer.body);
        return { status: 200 };
      },
    });
  }

  api.route({
    method: 'get',
    path: '/map/summary',
    summary: 'The houses of the registry list’s filters: their count (the list’s total), those located, their bounds and tiers',
    tags: ['map'],
    auth: true,
    query: Type.Object(HOUSE_FILTERS, { additionalProperties: false }),
    responses: {
      200: {
        description: '地图概况',
        schema: Type.Object({
          count: Type.Integer(),
          located: Type.Integer({ description: 'Houses with coordinates: what the tiles’ counts add up to' }),
          bounds: Type.Union([Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]), Type.Null()], {
            description: '[west, south, east, north], WGS-84',
          }),
          tiers: Type.Record(Type.String(), Type.Integer()),
        }),
      },
      ...AUTH_ERRORS,
      400: { description: '筛选条件错误', schema: ErrorResponse },
    },
    handler: async ({ query, ctx }) => ({ body: await deps.service.summary(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/map/due',
    summary:
      'The houses due for inspection (the tiles’ `inspectionDue`: a 定期巡查 item falling due, or without one not inspected in the cockpit’s 365 days), nearest to `near` first, else by code; one page at a time; no personal data',
    tags: ['map'],
    auth: true,
    query: DueQuery,
    responses: {
      200: { description: '应排查的房屋', schema: listOf(DueHouse) },
      ...AUTH_ERRORS,
      400: { description: '位置或分页参数错误', schema: ErrorResponse },
    },
    handler: async ({ query, ctx }) => ({
      body: await deps.service.due(ctx.ability, {
        regionCode: query.regionCode,
        near: position(query.near),
        page: query.page,
        perPage: query.perPage,
      }),
    }),
  });

  api.route({
    method: 'get',
    path: '/map/houses/:code',
    summary: 'The card of a house on the map: place, tier and reasons, open cases, last inspection (no personal data)',
    tags: ['map'],
    auth: true,
    params: Type.Object({ code: Type.String({ maxLength: 40, description: '18-character building code' }) }),
    responses: {
      200: { description: '房屋卡片' },
      ...AUTH_ERRORS,
      404: { description: '不存在或无权查看', schema: ErrorResponse },
    },
    handler: async ({ params, ctx }) => ({ body: await deps.service.card(ctx.ability, params.code) }),
  });
}
