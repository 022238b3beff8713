/** Data completeness (数据完整性): the report per village / town / region, and each gap's house list as a file. */
import { Type } from '@sinclair/typebox';
import { GAP } from '../../domain/completeness/gaps.ts';
import { gapListCsv, gapListXlsx } from '../../domain/completeness/export.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, literals } from '../http/schemas.ts';
import type { CompletenessService } from '../services/completeness.ts';

const Gap = literals(GAP.values, { title: '数据缺项', 'x-labels': GAP.labels });
const Link = Type.Object({
  resource: Type.Literal('buildings'),
  filter: Type.Record(Type.String(), Type.String(), { description: 'The house list’s query; its total equals the figure' }),
});
const Figure = Type.Object({ value: Type.Integer(), link: Link });
const Row = Type.Object({
  code: Type.String(),
  name: Type.String(),
  townCode: Type.Union([Type.String(), Type.Null()]),
  houses: Figure,
  gaps: Type.Record(Type.String(), Figure, { description: 'One figure per gap key' }),
});
const Report = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  computedAt: Type.String({ format: 'date-time' }),
  gaps: Type.Array(Type.Object({ key: Gap, label: Type.String() })),
  villages: Type.Array(Row),
  towns: Type.Array(Row),
  total: Row,
});
const ERRORS = {
  ...AUTH_ERRORS,
  404: { description: '行政区划不存在或不在您的管辖范围内', schema: ErrorResponse },
};
const own = (ctx: { user: { regionCode: string } | null }) => ctx.user?.regionCode ?? '';

export function completenessRoutes(api: ApiRouter, deps: { service: CompletenessService }): void {
  api.route({
    method: 'get',
    path: '/completeness',
    summary: 'Data completeness (摸清底数): per village, town and region, the houses missing coordinates, owner, approvals, …',
    tags: ['completeness'],
    auth: true,
    query: Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false }),
    responses: { 200: { description: '数据完整性', schema: Report }, ...ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.service.report(ctx.ability, own(ctx), query.regionCode) }),
  });

  for (const format of ['xlsx', 'csv'] as const) {
    api.route({
      method: 'get',
      path: `/completeness/houses.${format}`,
      summary: `The houses of a region with one gap, as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8 with BOM)'}, owners masked (audited)`,
      tags: ['completeness'],
      auth: true,
      query: Type.Object({ regionCode: Type.Optional(RegionCode), gap: Gap }, { additionalProperties: false }),
      responses: {
        200: { description: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
        ...ERRORS,
        422: { description: '房屋过多，请缩小区域（字段见 details）', schema: ErrorResponse },
      },
      handler: async ({ query, ctx, res }) => {
        // Read before the file response starts, so a refusal is a normal JSON error.
        const list = await deps.service.gapList(ctx.ability, own(ctx), query.regionCode, query.gap, auditContext(ctx));
        const filename = `completeness-${list.region.code}-${list.gap}.${format}`;
        return format === 'xlsx'
          ? sendFile(res, {
              contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              filename,
              body: await gapListXlsx(list),
            })
          : sendFile(res, { contentType: 'text/csv; charset=utf-8', filename, body: gapListCsv(list) });
      },
    });
  }
}
