import type { AppraisalAgencyList } from '../types.ts';

/**
 * Version 1 of the list. The entries are this project's sample data, standing in until the district
 * housing bureau's published list is entered as version 2 (the names and numbers below identify no real
 * agency).
 */
export const APPRAISAL_AGENCIES_V1: AppraisalAgencyList = {
  version: 1,
  effectiveFrom: '2026-01-01',
  source: '示例名录（待替换为区住建局公布的房屋安全鉴定机构名录）',
  agencies: [
    { name: '清远市示例房屋安全鉴定有限公司', qualificationNo: 'JD-4418-0001' },
    { name: '广东示例建设工程质量检测中心', qualificationNo: 'JD-44-0102' },
    { name: '清城区示例建筑安全鉴定站', qualificationNo: 'JD-441802-0003' },
  ],
};
