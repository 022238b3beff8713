/**
 * The district's list of qualified appraisal agencies, as a versioned definition rather than an
 * admin-edited table. Why: the list is an official document the housing bureau publishes and revises a
 * few times a year, and a report flagged as "not by a qualified agency" may become a hazard case
 * (虚假/缺失鉴定报告); so a change of the list should be reviewed and released like the risk tiers, and
 * every appraisal records the version it was checked against (building_appraisals.agencies_version),
 * which an edited table row could not reproduce. Pure: the domain, the API and the UI import it.
 */
import type { AgencyCheck, AppraisalAgencyList } from './types.ts';
import { APPRAISAL_AGENCIES_V1 } from './v1/agencies.ts';

export type { AgencyCheck, AppraisalAgency, AppraisalAgencyList } from './types.ts';
export { AGENCY_CHECKS, AGENCY_CHECK_LABELS } from './types.ts';

export const APPRAISAL_AGENCY_LISTS: Readonly<Record<number, AppraisalAgencyList>> = { 1: APPRAISAL_AGENCIES_V1 };

/** The version reports are checked against now. */
export const CURRENT_AGENCIES_VERSION = 1;

export function appraisalAgencyList(version: number = CURRENT_AGENCIES_VERSION): AppraisalAgencyList {
  const list = APPRAISAL_AGENCY_LISTS[version];
  if (!list) throw new Error(`Unknown appraisal agency list version ${String(version)}`);
  return list;
}

/** Names and numbers compared without spaces (half- or full-width) and, for numbers, case. */
const normName = (s: string) => s.replace(/[\s\u3000]+/g, '');
const normNo = (s: string) => normName(s).toUpperCase();

/** Checks a report's agency and qualification number against a list. */
export function checkAgency(list: AppraisalAgencyList, name: string, qualificationNo: string): AgencyCheck {
  const n = normName(name);
  const q = normNo(qualificationNo);
  if (list.agencies.some((a) => normName(a.name) === n && normNo(a.qualificationNo) === q)) return 'listed';
  if (list.agencies.some((a) => normName(a.name) === n || normNo(a.qualificationNo) === q)) return 'qualification_mismatch';
  return 'unlisted';
}
