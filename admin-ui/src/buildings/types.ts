/** Building shapes as the API returns them (`/api/buildings…`); owner details arrive masked. */
import type { Building, BuildingChange } from '../../../domain/buildings/store.ts';
import type { Inspection } from '../inspections/types.ts';

export type BuildingRecord = Building;
export type BuildingChangeEntry = BuildingChange;

/** `GET /api/buildings/by-code/:code`: the house file. Inspections are the latest 50, without files; complaints and cases come later. */
export interface HouseFile {
  building: BuildingRecord;
  changes: BuildingChangeEntry[];
  inspections: Inspection[];
  complaints: unknown[];
  cases: unknown[];
}

/** `GET /api/buildings/:code/personal`: the owner's details in full (each call is audited). */
export interface BuildingPersonal {
  ownerName: string | null;
  ownerPhone: string | null;
}
