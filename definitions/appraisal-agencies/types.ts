/** The district's list of qualified house-safety appraisal agencies (房屋安全鉴定机构名录). */
export interface AppraisalAgency {
  name: string;
  /** The agency's qualification certificate number (资质证书编号). */
  qualificationNo: string;
}

export interface AppraisalAgencyList {
  version: number;
  /** Beijing date the list took effect. */
  effectiveFrom: string;
  /** Where the list comes from, shown with it. */
  source: string;
  agencies: readonly AppraisalAgency[];
}

/**
 * What checking a report's agency against the list found: `listed` (name and qualification number
 * both on the list, as one entry), `qualification_mismatch` (the name or the number is on the list,
 * but not together), `unlisted` (neither).
 */
export const AGENCY_CHECKS = ['listed', 'unlisted', 'qualification_mismatch'] as const;
export type AgencyCheck = (typeof AGENCY_CHECKS)[number];

export const AGENCY_CHECK_LABELS: Record<AgencyCheck, string> = {
  listed: '名录内机构',
  unlisted: '机构不在名录内',
  qualification_mismatch: '资质证书编号与名录不符',
};
