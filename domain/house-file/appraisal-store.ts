/**
 * The appraisal history of houses (鉴定记录) and the scans kept with the house file. The SQL is in
 * `DatabaseAppraisalStore`; the rules (scope, the agency check, the house's current grade) in
 * api/services/appraisals.ts.
 */
import type { AgencyCheck } from '../../definitions/appraisal-agencies/index.ts';
import type { AppAbility } from '../abilities.ts';
import type { AppraisalGrade } from '../buildings/enums.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';

export interface Appraisal {
  id: string;
  buildingCode: string;
  regionCode: string;
  agencyName: string;
  agencyQualificationNo: string;
  reportNo: string;
  /** YYYY-MM-DD */
  appraisedOn: string;
  grade: AppraisalGrade;
  scope: string | null;
  reportFileId: string | null;
  nextDueOn: string | null;
  agencyCheck: AgencyCheck;
  agenciesVersion: number;
  recordedByName: string;
  createdAt: string;
  /** The house's address, for the district's list. */
  address: string | null;
}

/** What recording an appraisal writes: the row without what the database adds, and who recorded it. */
export type NewAppraisal = Omit<Appraisal, 'id' | 'createdAt' | 'address'> & { recordedBy: string };

export interface AppraisalFilter {
  buildingCode?: string | undefined;
  regionCode?: string | undefined;
  /** true: only reports whose agency is not on the list (or whose number does not match); false: only listed. */
  flagged?: boolean | undefined;
  grade?: AppraisalGrade | undefined;
}

/** A scan kept with the house file, with the village its house is in (for the scope check). */
export interface HouseFileScan {
  id: string;
  buildingCode: string;
  villageCode: string;
  purpose: 'approval' | 'appraisal';
  name: string;
  mime: string;
  storageKey: string;
}

export const APPRAISAL_SORT_FIELDS = ['appraisedOn', 'createdAt', 'grade'] as const;

export interface AppraisalStore {
  /** Records one appraisal; false when the same report (qualification number and report number) exists. */
  add(input: NewAppraisal, trx: Db): Promise<Appraisal | false>;
  /** The appraisals `ability` may read (houses of the reader's area), filtered, newest first by default. */
  list(ability: AppAbility, params: ListParams & AppraisalFilter): Promise<ListResult<Appraisal>>;
  /** The house's latest appraisal (by date, then by recording), read inside `trx`. */
  latest(code: string, trx: Db): Promise<Appraisal | undefined>;
  /** A stored scan by id. */
  scan(id: string, trx?: Db): Promise<HouseFileScan | undefined>;
}
