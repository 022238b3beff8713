/** The building registry: list, house file, create, edit, personal data view, and the public summary. */
import { Type } from '@sinclair/typebox';
import {
  APPRAISAL_GRADE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  JUDGEMENT,
  NOT_INSPECTED,
  NOT_INSPECTED_LABEL,
  STRUCTURE_TYPE,
} from '../../domain/buildings/enums.ts';
import { BuildingCreate, BuildingPatch } from '../../domain/buildings/schema.ts';
import { BUILDING_SORT_FIELDS, NO_CATEGORY, NO_GRADE, masked } from '../../domain/buildings/store.ts';
import { RISK_TIER } from '../../domain/statistics/dimensions.ts';
import { GAP } from '../../domain/completeness/gaps.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode, listOf, listQuery, literals, splitIds } from '../http/schemas.ts';
import type { BuildingService } from '../services/buildings.ts';
import { NEAREST_HOUSE_M } from '../services/complaints.ts';

const RiskTier = literals(RISK_TIER.values, { title: '风险等级', 'x-labels': RISK_TIER.labels });
const RiskReasons = Type.Array(
  Type.Object({ rule: Type.String({ description: 'Rule id of definitions/risk-tiers' }), tier: Type.String(), text: Type.String() }),
);
const Building = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    ...BuildingCreate.properties,
    riskTier: RiskTier,
    riskReasons: RiskReasons,
    riskVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'Version of the risk rules; null: not assessed yet' }),
  },
  { additionalProperties: true },
);
const RiskChange = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  fromTier: Type.Union([RiskTier, Type.Null()], { description: 'null: the house’s first assessment' }),
  toTier: RiskTier,
  reasons: RiskReasons,
  version: Type.Integer(),
  cause: Type.String({ description: '`case:<id>`, `inspection:<id>`, `complaint:<id>`, `building:edit`, `import:<id>`, `schedule`, …' }),
});
const DateOnly = (title: string) => Type.String({ format: 'date', maxLength: 10, title, description: 'YYYY-MM-DD' });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 40, description: '18-character building code' }) });
const CODE_ERRORS = {
  ...AUTH_ERRORS,
  400: { description: '房屋编码格式错误（长度、字符或校验位）', schema: ErrorResponse },
  404: { description: '不存在或无权查看', schema: ErrorResponse },
};

/** The registry's filters (also what picks a campaign's houses). */
export const BUILDING_FILTER_FIELDS = {
  use: Type.Optional(literals(BUILDING_USE.values, { title: '房屋用途', 'x-labels': BUILDING_USE.labels })),
  businessCategory: Type.Optional(
    literals([...BUSINESS_CATEGORY.values, NO_CATEGORY], {
      title: '经营类别',
      'x-labels': { ...BUSINESS_CATEGORY.labels, [NO_CATEGORY]: '无经营类别' },
    }),
  ),
  structureType: Type.Optional(literals(STRUCTURE_TYPE.values, { title: '结构类型', 'x-labels': STRUCTURE_TYPE.labels })),
  latestJudgement: Type.Optional(
    literals([...JUDGEMENT.values, NOT_INSPECTED], {
      title: '最新排查结论',
      'x-labels': { ...JUDGEMENT.labels, [NOT_INSPECTED]: NOT_INSPECTED_LABEL },
    }),
  ),
  appraisalGrade: Type.Optional(
    literals([...APPRAISAL_GRADE.values, NO_GRADE], { title: '鉴定等级', 'x-labels': { ...APPRAISAL_GRADE.labels, [NO_GRADE]: '未鉴定' } }),
  ),
  minFloors: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, title: '最低层数' })),
  maxFloors: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, title: '最高层数' })),
  yearFrom: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2100, title: '建成年份起' })),
  yearTo: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2100, title: '建成年份止' })),
  yearUnknown: Type.Optional(Type.Boolean({ title: '建成年份不详', description: 'true: no build year recorded; false: one recorded' })),
  businessUse: Type.Optional(Type.Boolean({ title: '经营性自建房', description: 'true: business or mixed use; false: any other use' })),
  riskTier: Type.Optional(RiskTier),
  inspectedFrom: Type.Optional(DateOnly('排查日期起')),
  notInspectedSince: Type.Optional(DateOnly('此日期以来未排查')),
  gap: Type.Optional(
    literals(GAP.values, { title: '数据缺项', 'x-labels': GAP.labels, description: 'Houses whose record has this gap (数据完整性)' }),
  ),
};

/** The house list's and the map's filters on a house's cases (the case list has its own `overdue`, on the case). */
export const HOUSE_CASE_FILTER_FIELDS = {
  openCase: Type.Optional(
    Type.Boolean({ title: '有未办结隐患', description: 'true: the house has a case not closed nor cancelled; false: none' }),
  ),
  overdue: Type.Optional(
    Type.Boolean({ title: '有超期隐患', description: 'true: one of its open cases is past its deadline; false: none is' }),
  ),
};

export function buildingRoutes(api: ApiRouter, deps: { service: BuildingService }): void {
  api.route({
    method: 'get',
    path: '/buildings',
    summary: 'List buildings in the caller’s region, filtered and sorted (owner data masked)',
    tags: ['buildings'],
    auth: true,
    query: listQuery(BUILDING_SORT_FIELDS, {
      regionCode: Type.Optional(RegionCode),
      ...BUILDING_FILTER_FIELDS,
      ...HOUSE_CASE_FILTER_FIELDS,
      q: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 50,
          description:
            'Text in the code or the address; also in the owner name for roles that may see owner details (such a search is audited)',
        }),
      ),
    }),
    responses: { 200: { description: '房屋列表', schema: listOf(Building) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({
      body: await deps.service.list(
        ctx.ability,
        { ...query, ids: splitIds(query.ids) },
        { ...auditContext(ctx), regionCode: ctx.user?.regionCode ?? '' },
      ),
    }),
  });

  api.route({
    method: 'get',
    path: '/buildings/by-code/:code',
    summary: 'The house file: the building, its change history, inspections, complaints and cases',
    tags: ['buildings'],
    auth: true,
    params: CodeParams,
    responses: { 200: { description: '房屋档案' }, ...CODE_ERRORS },
    handler: async ({ params, ctx }) => ({ body: await deps.service.houseFile(ctx.ability, params.code) }),
  });

  api.route({
    method: 'get',
    path: '/buildings/:code/personal',
    summary: 'Owner name and phone in full (each view is recorded in the audit log)',
    tags: ['buildings'],
    auth: true,
    params: CodeParams,
    responses: {
      200: {
        description: '户主信息',
        schema: Type.Object({ ownerName: Type.Union([Type.String(), Type.Null()]), ownerPhone: Type.Union([Type.String(), Type.Null()]) }),
      },
      ...CODE_ERRORS,
    },
    handler: async ({ params, ctx }) => ({ body: await deps.service.personal(ctx.ability, params.code, auditContext(ctx)) }),
  });

  api.route({
    method: 'get',
    path: '/buildings/:code/risk-history',
    summary: 'The house’s risk tier history: each change of tier, from → to, its reasons, the rules’ version, what caused it and when',
    tags: ['buildings'],
    auth: true,
    params: CodeParams,
    responses: { 200: { description: '风险等级变化记录', schema: Type.Object({ data: Type.Array(RiskChange) }) }, ...CODE_ERRORS },
    handler: async ({ params, ctx }) => ({ body: { data: await deps.service.riskHistory(ctx.ability, params.code) } }),
  });

  api.route({
    method: 'get',
    path: '/buildings/:code',
    summary: 'One building (owner data masked)',
    tags: ['buildings'],
    auth: true,
    params: CodeParams,
    responses: { 200: { description: '房屋', schema: Building }, ...CODE_ERRORS },
    handler: async ({ params, ctx }) => ({ body: masked(await deps.service.get(ctx.ability, params.code)) }),
  });

  api.route({
    method: 'post',
    path: '/buildings',
    summary: 'Register a building; its code is assigned from the village’s sequence',
    tags: ['buildings'],
    auth: true,
    body: BuildingCreate,
    responses: {
      201: { description: '已登记', schema: Building },
      ...AUTH_ERRORS,
      422: { description: '违反规则', schema: ErrorResponse },
    },
    handler: async ({ body, ctx }) => {
      if (!ctx.ability.can('create', 'Building')) throw new ForbiddenError('您的角色无权登记房屋');
      return { status: 201, body: await deps.service.create(ctx.ability, body, auditContext(ctx)) };
    },
  });

  api.route({
    method: 'patch',
    path: '/buildings/:code',
    summary: 'Edit a building; every change is recorded with its before and after',
    tags: ['buildings'],
    auth: true,
    params: CodeParams,
    body: BuildingPatch,
    responses: {
      200: { description: '已修改', schema: Building },
      ...CODE_ERRORS,
      409: { description: '版本已过期', schema: ErrorResponse },
      422: { description: '违反规则', schema: ErrorResponse },
    },
    handler: async ({ params, body, ctx }) => ({ body: await deps.service.update(ctx.ability, params.code, body, auditContext(ctx)) }),
  });

  api.route({
    method: 'get',
    path: '/public/buildings/:code',
    summary: 'What a scanned label shows to anyone: no personal data',
    tags: ['public'],
    auth: false,
    params: CodeParams,
    responses: {
      200: { description: '房屋公开信息' },
      400: { description: '房屋编码格式错误', schema: ErrorResponse },
      404: { description: '不存在', schema: ErrorResponse },
    },
    handler: async ({ params }) => ({ body: await deps.service.publicSummary(params.code) }),
  });

  api.route({
    method: 'get',
    path: '/public/buildings-near',
    summary:
      'Registered houses within 300 m of a position (WGS-84), nearest first: what a citizen picks from on the complaint map; no personal data',
    tags: ['public'],
    auth: false,
    query: Type.Object({
      latitude: Type.Number({ minimum: -90, maximum: 90 }),
      longitude: Type.Number({ minimum: -180, maximum: 180 }),
    }),
    responses: {
      200: {
        description: '附近房屋',
        schema: Type.Object({
          data: Type.Array(
            Type.Object({
              code: Type.String(),
              address: Type.Union([Type.String(), Type.Null()]),
              villageName: Type.Union([Type.String(), Type.Null()]),
              latitude: Type.Number(),
              longitude: Type.Number(),
              distanceM: Type.Integer(),
            }),
          ),
        }),
      },
      400: { description: '位置格式错误', schema: ErrorResponse },
    },
    handler: async ({ query }) => {
      // The houses a complaint by position could be about.
      const houses = await deps.service.near(query, NEAREST_HOUSE_M, 30);
      return { body: { data: houses.map(({ villageCode: _v, ...h }) => h) } };
    },
  });
}
