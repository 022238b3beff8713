/**
 * Enumerations of the building file (DOMAIN.md, after the national self-built-house platform's field
 * groups). Values are stable English identifiers; labels are what users read.
 */

import { APPRAISAL_GRADE_LABELS } from '../../definitions/appraisal-grades.ts';
import { labelled } from '../labelled.ts';

export const STRUCTURE_TYPE = labelled({
  timber: '木结构',
  brick_timber: '砖木结构',
  brick_concrete: '砖混结构',
  reinforced_concrete: '钢筋混凝土结构',
  steel: '钢结构',
  earth_stone: '土木/石木结构',
  other: '其他',
});

export const FOUNDATION_TYPE = labelled({
  strip: '条形基础',
  isolated: '独立基础',
  raft: '筏板基础',
  pile: '桩基础',
  rubble: '毛石基础',
  unknown: '不详',
  other: '其他',
});

export const ALTERATION = labelled({
  none: '无',
  added_floors: '加层',
  extension: '扩建',
  load_bearing_change: '改变承重结构',
});

export const BUILDING_USE = labelled({
  own_home: '自住',
  rental: '出租',
  business: '经营',
  mixed: '三合一（住宿、生产、仓储混合）',
  other: '其他',
});

export const BUSINESS_CATEGORY = labelled({
  catering: '餐饮',
  lodging: '住宿/民宿',
  education: '教育培训',
  elderly_care: '养老',
  medical: '医疗',
  retail: '商超市场',
  entertainment: '文体娱乐',
  production: '生产加工',
  warehousing: '仓储物流',
  other: '其他',
});

/** Preliminary judgement after an inspection (自建房结构安全排查技术要点). */
export const JUDGEMENT = labelled({
  serious: '存在严重安全隐患',
  some: '存在一定安全隐患',
  none: '未发现安全隐患',
});

/** The registry's filter value for houses never inspected (no latest judgement); not a judgement. */
export const NOT_INSPECTED = 'not_inspected';
export const NOT_INSPECTED_LABEL = '尚未排查';

/** Appraisal grades of JGJ 125-2016. */
export const APPRAISAL_GRADE = labelled(APPRAISAL_GRADE_LABELS);

export const RECTIFICATION_STATUS = labelled({
  not_needed: '无需整治',
  pending: '待整治',
  in_progress: '整治中',
  done: '已完成整治',
});

export const APPROVAL_TYPE = labelled({
  planning_permit: '建设工程规划许可证',
  rural_planning_permit: '乡村建设规划许可证',
  rural_housing_approval: '农村宅基地批准书',
  construction_permit: '施工许可证',
  completion_acceptance: '竣工验收备案',
  // The licences that matter when the house is used for business (经营), by trade.
  business_licence: '营业执照',
  food_business_licence: '食品经营许可证',
  fire_safety_check: '消防安全检查合格证',
  special_trade_licence: '特种行业许可证（住宿）',
  school_licence: '办学许可证',
  elderly_care_filing: '养老机构备案',
  medical_licence: '医疗机构执业许可证',
  other: '其他',
});

/** The approval types that are business licences (经营许可): what a business-use house should hold. */
export const BUSINESS_LICENCE_TYPES: readonly ApprovalType[] = [
  'business_licence',
  'food_business_licence',
  'fire_safety_check',
  'special_trade_licence',
  'school_licence',
  'elderly_care_filing',
  'medical_licence',
];

export type StructureType = (typeof STRUCTURE_TYPE.values)[number];
export type FoundationType = (typeof FOUNDATION_TYPE.values)[number];
export type Alteration = (typeof ALTERATION.values)[number];
export type BuildingUse = (typeof BUILDING_USE.values)[number];
export type BusinessCategory = (typeof BUSINESS_CATEGORY.values)[number];
export type Judgement = (typeof JUDGEMENT.values)[number];
export type AppraisalGrade = (typeof APPRAISAL_GRADE.values)[number];
export type RectificationStatus = (typeof RECTIFICATION_STATUS.values)[number];
export type ApprovalType = (typeof APPROVAL_TYPE.values)[number];

/** Uses in which a business category applies. */
export const BUSINESS_USES: readonly BuildingUse[] = ['business', 'mixed'];
