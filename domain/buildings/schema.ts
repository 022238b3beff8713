/**
 * The building's input schema, shared by the API (JSON) and the importer (spreadsheet rows mapped to the
 * same fields), so a row and a form are judged by the same rules.
 */
import { Type } from '@sinclair/typebox';
import type { Static, TLiteral, TUnion } from '@sinclair/typebox';
import {
  ALTERATION,
  APPRAISAL_GRADE,
  APPROVAL_TYPE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  FOUNDATION_TYPE,
  JUDGEMENT,
  RECTIFICATION_STATUS,
  STRUCTURE_TYPE,
} from './enums.ts';

function oneOf<T extends string>(
  e: { values: readonly T[]; labels: Record<T, string> },
  description: string,
  title?: string,
): TUnion<TLiteral<T>[]> {
  return Type.Union(
    e.values.map((v) => Type.Literal(v)),
    {
      description: `${description}: ${e.values.map((v) => `${v} ${e.labels[v]}`).join(', ')}`,
      // The values' Chinese names, which the API's messages list (api/http/field-labels.ts CHOICE_LABELS).
      'x-labels': e.labels,
      ...(title ? { title } : {}),
    },
  );
}

/** A value or null; the title goes on the union, where error messages look for a field's name. */
const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T, title: string) =>
  Type.Optional(Type.Union([t, Type.Null()], { title }));
const DateOnly = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD' });

export const Approval = Type.Object(
  {
    type: oneOf(APPROVAL_TYPE, 'Approval type', '审批类型'),
    number: Type.String({ minLength: 1, maxLength: 100, title: '审批文号' }),
    date: Nullable(DateOnly, '审批日期'),
    // Added with the complete house file (issue 20): optional, so approvals recorded before stay valid.
    issuer: Nullable(Type.String({ minLength: 1, maxLength: 100 }), '发证机关'),
    fileId: Nullable(
      Type.String({ format: 'uuid', maxLength: 36, description: 'A scan uploaded with POST /buildings/:code/files?purpose=approval' }),
      '扫描件',
    ),
  },
  { additionalProperties: false },
);

/** Every editable field; `villageCode` only on creation. */
const fields = {
  externalId: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'Code on the national platform' }), '外部编号'),
  address: Type.String({ minLength: 2, maxLength: 200, title: '地址' }),
  longitude: Nullable(Type.Number({ minimum: 73, maximum: 136, description: 'WGS-84' }), '经度'),
  latitude: Nullable(Type.Number({ minimum: 3, maximum: 54, description: 'WGS-84' }), '纬度'),
  ownerName: Nullable(Type.String({ minLength: 1, maxLength: 50 }), '户主姓名'),
  ownerPhone: Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$', maxLength: 20 }), '户主电话'),
  floorsAbove: Type.Integer({ minimum: 1, maximum: 60, title: '地上层数' }),
  floorsBelow: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, title: '地下层数' })),
  floorArea: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 100_000, description: 'm²' }), '建筑面积'),
  yearBuilt: Nullable(Type.Integer({ minimum: 1800, maximum: 2100 }), '建成年份'),
  structureType: oneOf(STRUCTURE_TYPE, 'Structure', '结构类型'),
  foundationType: Nullable(oneOf(FOUNDATION_TYPE, 'Foundation'), '基础类型'),
  professionallyDesigned: Nullable(Type.Boolean(), '是否专业设计'),
  qualifiedBuilder: Nullable(Type.Boolean(), '是否有资质施工'),
  alteration: Type.Optional(oneOf(ALTERATION, 'Alteration', '改扩建情况')),
  alterationYear: Nullable(Type.Integer({ minimum: 1800, maximum: 2100 }), '改扩建年份'),
  approvals: Type.Optional(Type.Array(Approval, { maxItems: 20, title: '审批信息' })),
  use: oneOf(BUILDING_USE, 'Use', '房屋用途'),
  businessCategory: Nullable(oneOf(BUSINESS_CATEGORY, 'Business category'), '经营类别'),
  occupants: Nullable(Type.Integer({ minimum: 0, maximum: 10_000 }), '常住人数'),
  latestJudgement: Nullable(oneOf(JUDGEMENT, 'Latest preliminary judgement'), '排查结论'),
  latestJudgementAt: Nullable(DateOnly, '排查日期'),
  rectificationStatus: Type.Optional(oneOf(RECTIFICATION_STATUS, 'Rectification status', '整治状态')),
  // The API's validator lets this field hold several lines (api/http/schemas.ts MULTILINE).
  rectificationMeasures: Nullable(Type.String({ maxLength: 1000, 'x-multiline': true }), '整治措施'),
  appraisalGrade: Nullable(oneOf(APPRAISAL_GRADE, 'Appraisal grade'), '鉴定等级'),
  appraisalDate: Nullable(DateOnly, '鉴定日期'),
  appraisalReport: Nullable(Type.String({ maxLength: 500, description: 'Report number and agency' }), '鉴定报告'),
};

export const BuildingCreate = Type.Object(
  {
    villageCode: Type.String({
      pattern: '^\\d{12}$',
      maxLength: 12,
      title: '所属村（社区）',
      description: 'Village/community code (12 digits)',
    }),
    ...fields,
  },
  { additionalProperties: false },
);

export const BuildingPatch = Type.Object(
  {
    ...Type.Partial(Type.Object(fields)).properties,
    version: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2_147_483_647, title: '版本', description: 'The version read; a stale one is refused with 409' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type BuildingCreateInput = Static<typeof BuildingCreate>;
export type BuildingFields = Omit<BuildingCreateInput, 'villageCode'>;
export type BuildingPatchInput = Static<typeof BuildingPatch>;
