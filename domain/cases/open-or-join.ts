/**
 * A hazard reported by an inspection, a confirmed complaint or a dispatched warning: joins the open case of the same house
 * and category, or opens a new one (its workflow is started after the commit). The caller holds the
 * house row's lock (`lockHouse`), so two reports of the same new hazard at once open one case.
 */
import { LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { prepared } from '../db.ts';
import type { Db } from '../db.ts';
import { OPEN_CASE_STATUSES } from './enums.ts';
import type { CaseCategory } from './enums.ts';
import type { CaseStore } from './store.ts';

/**
 * Serialises the reports of one house. Take it first in the transaction: inserting a row that
 * references the house takes a key-share lock on it, and taking this after that could deadlock.
 */
export async function lockHouse(trx: Db, code: string): Promise<void> {
  await prepared(trx('buildings').where({ code }).forNoKeyUpdate().first('code'));
}

export interface ReportedHazard {
  buildingCode: string;
  regionCode: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  description: string;
  /** 'officer' for a case an officer opens from a warning (sourceRef `warning:<id>`). */
  source: 'inspection' | 'complaint' | 'officer';
  sourceRef: string;
  createdBy: string | null;
}

export async function openOrJoinCase(trx: Db, cases: CaseStore, hazard: ReportedHazard): Promise<{ caseId: string; joined: boolean }> {
  const open = (await trx('cases')
    .where({ building_code: hazard.buildingCode, category: hazard.category })
    .whereIn('status', OPEN_CASE_STATUSES as unknown as string[])
    .orderBy('created_at')
    .first('id')) as { id: string } | undefined;
  if (open) return { caseId: open.id, joined: true };
  const created = await cases.create({ ...hazard, definitionVersion: LATEST_HAZARD_CASE_VERSION }, trx);
  return { caseId: created.id, joined: false };
}
