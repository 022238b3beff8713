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

function oneOf<T extends string>(e: { values: readonly T[]; labels: Record<T, string> }, description: string): TUnion<TLiteral<T>[]> {
  return Type.Union(
    e.values.map((v) => Type.Literal(v)),
    { description: `${description}: ${e.values.map((v) => `${v} ${e.labels[v]}`).join(', ')}` },
  );
}

const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const DateOnly = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD' });

export const Approval = Type.Object(
  {
    type: oneOf(APPROVAL_TYPE, 'Approval type'),
    number: Type.String({ minLength: 1, maxLength: 100 }),
    date: Nullable(DateOnly),
  },
  { additionalProperties: false },
);

/** Every editable field; `villageCode` only on creation. */
const fields = {
  externalId: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'Code on the national platform' })),
  address: Type.String({ minLength: 2, maxLength: 200 }),
  longitude: Nullable(Type.Number({ minimum: 73, maximum: 136, description: 'WGS-84' })),
  latitude: Nullable(Type.Number({ minimum: 3, maximum: 54, description: 'WGS-84' })),
  ownerName: Nullable(Type.String({ minLength: 1, maxLength: 50 })),
  ownerPhone: Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$', maxLength: 20 })),
  floorsAbove: Type.Integer({ minimum: 1, maximum: 60 }),
  floorsBelow: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  floorArea: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 100_000, description: 'm²' })),
  yearBuilt: Nullable(Type.Integer({ minimum: 1800, maximum: 2100 })),
  structureType: oneOf(STRUCTURE_TYPE, 'Structure'),
  foundationType: Nullable(oneOf(FOUNDATION_TYPE, 'Foundation')),
  professionallyDesigned: Nullable(Type.Boolean()),
  qualifiedBuilder: Nullable(Type.Boolean()),
  alteration: Type.Optional(oneOf(ALTERATION, 'Alteration')),
  alterationYear: Nullable(Type.Integer({ minimum: 1800, maximum: 2100 })),
  approvals: Type.Optional(Type.Array(Approval, { maxItems: 20 })),
  use: oneOf(BUILDING_USE, 'Use'),
  businessCategory: Nullable(oneOf(BUSINESS_CATEGORY, 'Business category')),
  occupants: Nullable(Type.Integer({ minimum: 0, maximum: 10_000 })),
  latestJudgement: Nullable(oneOf(JUDGEMENT, 'Latest preliminary judgement')),
  latestJudgementAt: Nullable(DateOnly),
  rectificationStatus: Type.Optional(oneOf(RECTIFICATION_STATUS, 'Rectification status')),
  // The API's validator lets this field hold several lines (api/http/schemas.ts MULTILINE).
  rectificationMeasures: Nullable(Type.String({ maxLength: 1000, 'x-multiline': true })),
  appraisalGrade: Nullable(oneOf(APPRAISAL_GRADE, 'Appraisal grade')),
  appraisalDate: Nullable(DateOnly),
  appraisalReport: Nullable(Type.String({ maxLength: 500, description: 'Report number and agency' })),
};

export const BuildingCreate = Type.Object(
  { villageCode: Type.String({ pattern: '^\\d{12}$', maxLength: 12, description: 'Village/community code (12 digits)' }), ...fields },
  { additionalProperties: false },
);

export const BuildingPatch = Type.Object(
  {
    ...Type.Partial(Type.Object(fields)).properties,
    version: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The version read; a stale one is refused with 409' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type BuildingCreateInput = Static<typeof BuildingCreate>;
export type BuildingFields = Omit<BuildingCreateInput, 'villageCode'>;
export type BuildingPatchInput = Static<typeof BuildingPatch>;
