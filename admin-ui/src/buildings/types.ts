/** Building shapes as the API returns them (`/api/buildings…`); owner details arrive masked. */
import type { Building, BuildingChange, HouseCase } from '../../../domain/buildings/store.ts';
import type { DeadlineInForce } from '../../../domain/cases/deadline.ts';
import type { CaseCategory, CaseStatus } from '../../../domain/cases/enums.ts';
import type { Severity } from '../../../definitions/hazard-case/index.ts';
import type { Inspection } from '../inspections/types.ts';
import type { RiskChange } from '../../../domain/risk/store.ts';

export type { RiskChange };

export type BuildingRecord = Building;
export type BuildingChangeEntry = BuildingChange;

/** `GET /api/buildings/by-code/:code`: the house file. Inspections and cases are the latest 50 (inspections without files). */
export interface HouseFile {
  building: BuildingRecord;
  changes: BuildingChangeEntry[];
  inspections: Inspection[];
  complaints: unknown[];
  cases: HouseFileCase[];
}

/** One of the house's cases in its house file (the latest 50, newest first). */
export type HouseFileCase = Omit<HouseCase, 'category' | 'severity' | 'status'> & {
  category: CaseCategory;
  severity: Severity;
  status: CaseStatus;
  /** The rectification deadline that applies, as the case page shows it. */
  deadlineInForce: DeadlineInForce | null;
};

/** `GET /api/buildings/:code/personal`: the owner's details in full (each call is audited). */
export interface BuildingPersonal {
  ownerName: string | null;
  ownerPhone: string | null;
}
