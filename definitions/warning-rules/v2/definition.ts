/**
 * Warning rules, version 2: version 1's five rules and the two conditions issue 19 names that version 1
 * lacked: a business-use house graded C/D still open for business after its deadline, and a town whose
 * backlog of open cases has risen week after week. Version 1's warnings keep their version.
 */
import type { WarningRulesDefinition } from '../types.ts';
import { WARNING_RULES_V1 } from '../v1/definition.ts';

export const WARNING_RULES_V2: WarningRulesDefinition = {
  version: 2,
  name: '监测分析预警规则（第 2 版）',
  rules: [
    ...WARNING_RULES_V1.rules,
    {
      id: 'business_grade_cd',
      name: 'C/D 级房屋仍在经营',
      description: '鉴定为 C 级或 D 级的经营性房屋，鉴定后 30 天仍登记为经营（应停止经营）',
      every: '1 hour',
      query: 'businessAtGradeCD',
      thresholds: { graceDays: 30 },
      level: 'town',
      role: 'town_officer',
      escalateTo: 'district_officer',
      opens: ['inspection', 'case'],
      acknowledgeDays: 1,
    },
    {
      id: 'town_backlog_rising',
      name: '镇街积压案件持续上升',
      description: '镇（街道）未销号案件数连续 3 周逐周上升，且现有 5 件及以上',
      every: '1 hour',
      query: 'townBacklogRising',
      thresholds: { weeks: 3, minOpenCases: 5 },
      level: 'town',
      role: 'district_officer',
      escalateTo: 'district_officer',
      opens: ['inspection'],
      acknowledgeDays: 3,
      repeatDays: 7,
    },
  ],
};
