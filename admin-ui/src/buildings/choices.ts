/**
 * The building's enumerations as select choices. Names are translation keys
 * (`resources.buildings.enums.<field>.<value>`), so selects and fields follow the language; the
 * Chinese words are those of `domain/buildings/enums.ts`.
 */
import {
  ALTERATION,
  APPRAISAL_GRADE,
  APPROVAL_TYPE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  FOUNDATION_TYPE,
  JUDGEMENT,
  NOT_INSPECTED,
  RECTIFICATION_STATUS,
  STRUCTURE_TYPE,
} from '../../../domain/buildings/enums.ts';
import { RISK_TIERS } from '../../../definitions/risk-tiers/index.ts';
import { GAP } from '../../../domain/completeness/gaps.ts';

export const BUILDING_ENUMS = {
  structureType: STRUCTURE_TYPE.values,
  foundationType: FOUNDATION_TYPE.values,
  alteration: ALTERATION.values,
  use: BUILDING_USE.values,
  businessCategory: BUSINESS_CATEGORY.values,
  latestJudgement: JUDGEMENT.values,
  appraisalGrade: APPRAISAL_GRADE.values,
  rectificationStatus: RECTIFICATION_STATUS.values,
  approvalType: APPROVAL_TYPE.values,
};

export type EnumField = keyof typeof BUILDING_ENUMS;

export const isEnumField = (field: string): field is EnumField => Object.hasOwn(BUILDING_ENUMS, field);

/** The translation key of one enum value. */
export const enumLabelKey = (field: EnumField, value: string) => `resources.buildings.enums.${field}.${value}`;

/** Choices for a `SelectInput`. */
export function choicesOf(field: EnumField): { id: string; name: string }[] {
  return BUILDING_ENUMS[field].map((id) => ({ id, name: enumLabelKey(field, id) }));
}

/** The appraisal-grade filter (registry and campaigns): the grades, and 未鉴定 for houses without one. */
export function appraisalFilterChoices(): { id: string; name: string }[] {
  return [...choicesOf('appraisalGrade'), { id: 'none', name: enumLabelKey('appraisalGrade', 'none') }];
}

/** The risk tiers, worst first. */
export function riskTierChoices(): { id: string; name: string }[] {
  return RISK_TIERS.map((id) => ({ id, name: `resources.buildings.enums.riskTier.${id}` }));
}

/** The latest-judgement filter (registry and campaigns): the judgements, and 尚未排查 for houses never inspected. */
export function judgementFilterChoices(): { id: string; name: string }[] {
  return [...choicesOf('latestJudgement'), { id: NOT_INSPECTED, name: enumLabelKey('latestJudgement', NOT_INSPECTED) }];
}

/** The data gaps (数据完整性): the completeness page's counts link to the list with one of them. */
export function gapChoices(): { id: string; name: string }[] {
  return GAP.values.map((id) => ({ id, name: `resources.buildings.enums.gap.${id}` }));
}
