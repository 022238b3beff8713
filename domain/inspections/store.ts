/**
 * Inspections as the API reads them (the inspection with the cases its hazards opened or joined and its
 * photos) and the store interface behind them: `DatabaseInspectionStore` (database-store.ts) holds the SQL.
 */
import type { AppAbility } from '../abilities.ts';
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { Presence } from './presence.ts';

/** The fields an inspection list may be sorted by. */
export const INSPECTION_SORT_FIELDS = ['inspectedAt', 'receivedAt'] as const;

export type Judgement = 'serious' | 'some' | 'none';

export interface InspectionHazard {
  category: CaseCategory;
  description: string;
  caseId: string | null;
  caseNumber: string | null;
  joined: boolean;
}

export interface Inspection {
  id: string;
  buildingCode: string;
  address: string | null;
  regionCode: string;
  villageName: string | null;
  kind: 'daily' | 'special';
  campaignId: string | null;
  /** The special inspection (专项排查) it was recorded against, by name. */
  campaignName: string | null;
  inspectorId: string;
  inspectorName: string;
  judgement: Judgement;
  hazards: InspectionHazard[];
  notes: string | null;
  files: { id: string; name: string; mime: string; size: number }[];
  position: { latitude: number; longitude: number; accuracy: number | null } | null;
  distanceM: number | null;
  presence: Presence;
  flagged: boolean;
  inspectedAt: string;
  receivedAt: string;
}

export interface InspectionFilter {
  regionCode?: string | undefined;
  buildingCode?: string | undefined;
  judgement?: Judgement | undefined;
  flagged?: boolean | undefined;
  inspectorId?: string | undefined;
  kind?: 'daily' | 'special' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** An inspection to record, checked by the service. */
export interface NewInspection {
  id: string;
  buildingCode: string;
  regionCode: string;
  inspector: { id: string; name: string };
  judgement: Judgement;
  hazards: { category: CaseCategory; description: string }[];
  notes: string | null;
  position: { latitude: number; longitude: number; accuracy: number | null } | null;
  distanceM: number | null;
  presence: Presence;
  inspectedAt: string;
}

/** Where a stored inspection photo is, with what decides who may read it. */
export interface InspectionPhoto {
  storageKey: string;
  mime: string;
  name: string;
  /** The village of the photo's house. */
  regionCode: string;
}

/** Inspections, their photos and the cases their hazards opened or joined. */
export interface InspectionStore {
  /** A page of the inspections `ability` may read (without photos), newest first by default. */
  list(ability: AppAbility, params: ListParams & InspectionFilter): Promise<ListResult<Inspection>>;
  /** One inspection the ability may read (any, with a null ability), with its photos. */
  find(ability: AppAbility | null, id: string, tx?: Db): Promise<Inspection | undefined>;
  /** Writes an inspection once: false when its id was already recorded (the phone sent it twice). */
  insert(input: NewInspection, tx?: Db): Promise<boolean>;
  /** Ties uploaded photos to their inspection. */
  attachFiles(inspectionId: string, fileIds: string[], tx?: Db): Promise<void>;
  /** Records the inspection as the special inspection of a campaign. */
  markSpecial(inspectionId: string, campaignId: string, tx?: Db): Promise<void>;
  /** Records the case a hazard of the inspection opened (or joined). */
  linkCase(inspectionId: string, link: { caseId: string; category: CaseCategory; joined: boolean }, tx?: Db): Promise<void>;
  /** Of `ids`, the user's stored uploads for this house not yet attached to another inspection than `inspectionId`. */
  uploadsFor(userId: string, buildingCode: string, inspectionId: string, ids: string[]): Promise<string[]>;
  /** A stored inspection photo; unscoped (the caller checks the region). */
  photo(id: string): Promise<InspectionPhoto | undefined>;
}
