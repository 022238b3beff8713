/**
 * Risk tiers, version 1 (DOMAIN.md "Supervision vocabulary"): red for a serious judgement or an
 * appraisal grade C/D; orange for business use on 3 or more floors, crowded use without an appraisal,
 * an open serious case or an overdue case; yellow for an open general case, alterations without
 * approval, an inspection overdue (none within 365 days) or a judgement of 存在一定安全隐患.
 */
import type { RiskTierDefinition } from '../types.ts';

/** 经营性 uses (domain/buildings/enums.ts BUSINESS_USES). */
const BUSINESS_USES = ['business', 'mixed'] as const;

/** 人员密集场所: the business categories where many people gather or sleep. */
const CROWDED_CATEGORIES = ['catering', 'lodging', 'education', 'elderly_care', 'medical', 'entertainment'] as const;

export const RISK_TIERS_V1: RiskTierDefinition = {
  version: 1,
  name: '自建房风险分级规则（第 1 版）',
  inspectionIntervalDays: 365,
  rules: [
    { id: 'serious_judgement', tier: 'red', text: '排查结论为存在严重安全隐患', condition: { kind: 'judgement', judgements: ['serious'] } },
    { id: 'appraisal_cd', tier: 'red', text: '鉴定等级为 C 级或 D 级（危房）', condition: { kind: 'appraisalGrade', grades: ['C', 'D'] } },
    {
      id: 'business_3_floors',
      tier: 'orange',
      text: '经营性自建房，地上 3 层及以上',
      condition: { kind: 'businessFloors', uses: BUSINESS_USES, minFloors: 3 },
    },
    {
      id: 'crowded_no_appraisal',
      tier: 'orange',
      text: '人员密集场所，未做安全鉴定',
      condition: { kind: 'crowdedWithoutAppraisal', uses: BUSINESS_USES, categories: CROWDED_CATEGORIES },
    },
    { id: 'open_serious_case', tier: 'orange', text: '有未销号的重大隐患案件', condition: { kind: 'openCase', severity: 'serious' } },
    { id: 'overdue_case', tier: 'orange', text: '有超期未办结的隐患案件', condition: { kind: 'overdueCase' } },
    { id: 'open_general_case', tier: 'yellow', text: '有未销号的一般隐患案件', condition: { kind: 'openCase', severity: 'general' } },
    {
      id: 'alteration_no_approval',
      tier: 'yellow',
      text: '改扩建（加层、扩建或改变承重结构）但无审批手续',
      condition: { kind: 'alterationWithoutApproval' },
    },
    { id: 'inspection_overdue', tier: 'yellow', text: '超过 365 天未排查（或从未排查）', condition: { kind: 'inspectionOverdue' } },
    { id: 'some_judgement', tier: 'yellow', text: '排查结论为存在一定安全隐患', condition: { kind: 'judgement', judgements: ['some'] } },
  ],
};
