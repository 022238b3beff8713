/**
 * What a person needs beside a task to act on it: the hazard as it was found (each inspection's or
 * complaint's account, photos and position), the house in brief (owner masked), the house's other open
 * cases (so an officer can assign them together), and the decision in force (responsible party, measures,
 * deadline) for whoever rectifies. Read-only; the caller has already checked the case is the reader's.
 * The complainant's identity never leaves here: a complaint is what was reported, not who reported it.
 */
import type { Db } from '../db.ts';
import type { CaseRecord } from './store.ts';
import type { HouseBrief, HouseOpenCase } from './task-context-house.ts';

export type { HouseBrief, HouseOpenCase } from './task-context-house.ts';

export interface ContextFile {
  id: string;
  name: string;
  mime: string;
}

export interface ContextPosition {
  latitude: number;
  longitude: number;
  accuracy: number | null;
}

/** An inspection that found the hazard (or found it again and joined the case). */
export interface InspectionDiscovery {
  kind: 'inspection';
  id: string;
  at: string;
  inspectorName: string;
  judgement: string;
  /** The inspector's description of this hazard (the case's category). */
  description: string | null;
  notes: string | null;
  position: ContextPosition | null;
  distanceM: number | null;
  presence: string;
  joined: boolean;
  files: ContextFile[];
}

/** A confirmed complaint that opened or joined the case: what was reported and where, never by whom. */
export interface ComplaintDiscovery {
  kind: 'complaint';
  id: string;
  at: string;
  trackingNo: string;
  category: string;
  description: string;
  buildingCode: string | null;
  villageName: string | null;
  position: ContextPosition | null;
  verifiedByName: string | null;
  verifyNote: string | null;
  joined: boolean;
  files: ContextFile[];
}

export type Discovery = InspectionDiscovery | ComplaintDiscovery;

/** `GET /api/tasks/:id/context`. */
export interface TaskContext {
  taskId: string;
  caseId: string;
  hazard: { category: string; severity: string; description: string; source: string };
  discoveries: Discovery[];
  house: HouseBrief | null;
  otherOpenCases: HouseOpenCase[];
  /** The decision in force, once assigned: the responsible party (masked), the measures, the deadline. */
  decision: {
    responsible: CaseRecord['responsible'];
    measures: string[];
    /** The deadline the officer set, or else the rectify task's due date (the default for the severity). */
    rectifyDeadline: string | null;
    rectifyDeadlineIsDefault: boolean;
  } | null;
}

/** One case's outcome in `assignTogether`: assigned (with the case's status after), or why not. */
export type AssignResult =
  | { taskId: string; caseId: string; caseNumber: string; ok: true; status: string }
  | { taskId: string; caseId: string; caseNumber: string; ok: false; httpStatus: number; code: string; message: string };

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string | Date).toISOString());
const positionOf = (r: Row): ContextPosition | null =>
  r.latitude == null
    ? null
    : { latitude: r.latitude as number, longitude: r.longitude as number, accuracy: (r.accuracy_m as number | null) ?? null };
const filesOf = (v: unknown): ContextFile[] => ((v as ContextFile[] | null) ?? []).map((f) => ({ id: f.id, name: f.name, mime: f.mime }));

/** At most this many discoveries per case (a hazard found again and again is still readable). */
const MAX_DISCOVERIES = 20;

/** The inspections and complaints that found the case's hazard, oldest first. */
export async function caseDiscoveries(db: Db, caseId: string): Promise<Discovery[]> {
  const [inspections, complaints] = (await Promise.all([
    db('inspection_cases as l')
      .join('inspections as i', 'i.id', 'l.inspection_id')
      .where('l.case_id', caseId)
      .orderBy('i.inspected_at')
      .limit(MAX_DISCOVERIES)
      .select(
        'i.id',
        'i.inspected_at',
        'i.inspector_name',
        'i.judgement',
        'i.notes',
        'i.latitude',
        'i.longitude',
        'i.accuracy_m',
        'i.distance_m',
        'i.presence',
        'l.joined',
        db.raw(
          `(SELECT h->>'description' FROM jsonb_array_elements(i.hazards) h WHERE h->>'category' = l.category LIMIT 1) AS description`,
        ),
        db.raw(`(SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime) ORDER BY f.created_at)
                   FROM inspection_files f WHERE f.inspection_id = i.id) AS files`),
      ),
    db('complaints as p')
      .leftJoin('regions as v', 'v.code', 'p.region_code')
      .where('p.case_id', caseId)
      .orderBy('p.created_at')
      .limit(MAX_DISCOVERIES)
      .select(
        'p.id',
        'p.created_at',
        'p.tracking_no',
        'p.category',
        'p.description',
        'p.building_code',
        'p.latitude',
        'p.longitude',
        'p.verified_by_name',
        'p.verify_note',
        'p.joined_case',
        'v.name as village_name',
        db.raw(`(SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime) ORDER BY f.created_at)
                   FROM complaint_files f WHERE f.complaint_id = p.id) AS files`),
      ),
  ])) as [Row[], Row[]];
  const found: Discovery[] = [
    ...inspections.map((r): InspectionDiscovery => ({
      kind: 'inspection',
      id: r.id as string,
      at: iso(r.inspected_at) as string,
      inspectorName: r.inspector_name as string,
      judgement: r.judgement as string,
      description: (r.description as string | null) ?? null,
      notes: (r.notes as string | null) ?? null,
      position: positionOf(r),
      distanceM: (r.distance_m as number | null) ?? null,
      presence: r.presence as string,
      joined: r.joined === true,
      files: filesOf(r.files),
    })),
    ...complaints.map((r): ComplaintDiscovery => ({
      kind: 'complaint',
      id: r.id as string,
      at: iso(r.created_at) as string,
      trackingNo: r.tracking_no as string,
      category: r.category as string,
      description: r.description as string,
      buildingCode: (r.building_code as string | null) ?? null,
      villageName: (r.village_name as string | null) ?? null,
      position: positionOf(r),
      verifiedByName: (r.verified_by_name as string | null) ?? null,
      verifyNote: (r.verify_note as string | null) ?? null,
      joined: r.joined_case === true,
      files: filesOf(r.files),
    })),
  ];
  return found.sort((a, b) => a.at.localeCompare(b.at));
}
