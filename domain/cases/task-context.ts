/**
 * What a person needs beside a task to act on it: the hazard as it was found (each inspection's or
 * complaint's account, photos and position), the house in brief (owner masked), the house's other open
 * cases (so an officer can assign them together), and the decision in force (responsible party, measures,
 * deadline) for whoever rectifies. Read-only; the caller has already checked the case is the reader's.
 * The complainant's identity never leaves here: a complaint is what was reported, not who reported it.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { maskName } from '../mask.ts';
import type { CaseCategory } from './enums.ts';
import type { CaseRecord } from './store.ts';
import { CASE_SCOPE } from './store.ts';

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

/** The house in brief, as the task needs it; the owner's name masked (the house file shows it, audited). */
export interface HouseBrief {
  code: string;
  address: string | null;
  villageName: string | null;
  townName: string | null;
  ownerName: string | null;
  use: string | null;
  businessCategory: string | null;
  floorsAbove: number | null;
  floorsBelow: number | null;
  structureType: string | null;
  yearBuilt: number | null;
  latestJudgement: string | null;
  latestJudgementAt: string | null;
}

/** Another open case of the same house, with its open 分派 task when it has one. */
export interface HouseOpenCase {
  id: string;
  number: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  status: string;
  description: string;
  dueAt: string | null;
  /** The open assign task's id, when the case is waiting to be assigned. */
  assignTaskId: string | null;
}

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

/** The house of a case in brief (the case's read rule already covers its house: same village). */
export async function houseBrief(db: Db, code: string): Promise<HouseBrief | null> {
  const r = (await db('buildings as b')
    .leftJoin('regions as v', 'v.code', 'b.village_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .where('b.code', code)
    .first(
      'b.code',
      'b.address',
      'b.owner_name',
      'b.use',
      'b.business_category',
      'b.floors_above',
      'b.floors_below',
      'b.structure_type',
      'b.year_built',
      'b.latest_judgement',
      'b.latest_judgement_at',
      'v.name as village_name',
      't.name as town_name',
    )) as Row | undefined;
  if (!r) return null;
  return {
    code: r.code as string,
    address: (r.address as string | null) ?? null,
    villageName: (r.village_name as string | null) ?? null,
    townName: (r.town_name as string | null) ?? null,
    ownerName: maskName((r.owner_name as string | null) ?? null),
    use: (r.use as string | null) ?? null,
    businessCategory: (r.business_category as string | null) ?? null,
    floorsAbove: (r.floors_above as number | null) ?? null,
    floorsBelow: (r.floors_below as number | null) ?? null,
    structureType: (r.structure_type as string | null) ?? null,
    yearBuilt: (r.year_built as number | null) ?? null,
    latestJudgement: (r.latest_judgement as string | null) ?? null,
    latestJudgementAt: r.latest_judgement_at == null ? null : String(r.latest_judgement_at as string).slice(0, 10),
  };
}

/** The house's other open cases the reader may see, oldest first, each with its open assign task if any. */
export async function otherOpenCases(db: Db, ability: AppAbility, c: Pick<CaseRecord, 'id' | 'buildingCode'>): Promise<HouseOpenCase[]> {
  const query = db('cases as c')
    .where('c.building_code', c.buildingCode)
    .whereNot('c.id', c.id)
    .whereNotIn('c.status', ['closed', 'cancelled'])
    .orderBy('c.created_at')
    .limit(50)
    .select(
      'c.id',
      'c.number',
      'c.category',
      'c.severity',
      'c.status',
      'c.description',
      'c.due_at',
      db.raw(`(SELECT t.id FROM tasks t WHERE t.case_id = c.id AND t.step = 'assign' AND t.status IN ('open', 'claimed')
                 ORDER BY t.task_no DESC LIMIT 1) AS assign_task_id`),
    );
  const rows = (await whereAllowed(query, ability, 'read', 'Case', CASE_SCOPE)) as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    category: r.category as CaseCategory,
    severity: r.severity as 'serious' | 'general',
    status: r.status as string,
    description: r.description as string,
    dueAt: iso(r.due_at),
    assignTaskId: (r.assign_task_id as string | null) ?? null,
  }));
}
