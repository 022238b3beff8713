/**
 * The case store's query of how a case was found: the inspections and confirmed complaints that reported
 * it, with their photos, position and notes. The complainant's identity is never read here.
 */
import { prepared } from '../db.ts';
import type { Db } from '../db.ts';
import type { Presence } from '../inspections/presence.ts';
import type { Judgement } from '../inspections/store.ts';
import type { ComplaintDiscovery, Discovery, DiscoveryFile, DiscoveryPosition, InspectionDiscovery } from './discovery.ts';

type Row = Record<string, unknown>;

const iso = (v: unknown) => new Date(v as string | Date).toISOString();
const position = (r: Row): DiscoveryPosition | null =>
  r.latitude == null
    ? null
    : { latitude: r.latitude as number, longitude: r.longitude as number, accuracy: (r.accuracy_m as number | null | undefined) ?? null };
const files = (v: unknown): DiscoveryFile[] =>
  ((v as (Omit<DiscoveryFile, 'uploadedAt'> & { uploadedAt: string })[] | null) ?? []).map((f) => ({
    ...f,
    uploadedAt: iso(f.uploadedAt),
  }));

const FILES = (table: string, key: string, owner: string) =>
  `(SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'size', f.size, 'sha256', f.sha256,
      'uploadedAt', f.created_at) ORDER BY f.created_at) FROM ${table} f WHERE f.${key} = ${owner} AND f.storage_key <> 'pending')`;

/** At most this many inspections and as many complaints per case (a hazard found again and again stays readable). */
const MAX_DISCOVERIES = 20;

/**
 * The discovery evidence of one case: the report that opened it first, then the others oldest first.
 * The caller has read the case (and so checked that the reader may see it). The case page, the dossier
 * and the task context (GET /api/tasks/:id/context) all read it here.
 */
export async function caseDiscoveries(db: Db, kase: { id: string; source: string; sourceRef: string | null }): Promise<Discovery[]> {
  const caseId = kase.id;
  // Kept prepared: read after every step of every case (the case page a step answers with), and planning
  // these joins took twenty times as long as running them.
  const [inspections, complaints] = await Promise.all([
    prepared(
      db('inspection_cases as l')
        .join('inspections as i', 'i.id', 'l.inspection_id')
        .leftJoin('users as u', 'u.id', 'i.inspector_id')
        .where('l.case_id', caseId)
        .orderBy('i.inspected_at')
        .limit(MAX_DISCOVERIES)
        .select(
          'i.id',
          'l.joined',
          'i.kind',
          'i.inspector_name',
          'u.username as inspector_username',
          'i.judgement',
          'i.hazards',
          'i.notes',
          'i.latitude',
          'i.longitude',
          'i.accuracy_m',
          'i.presence',
          'i.distance_m',
          'i.inspected_at',
          'l.category',
          db.raw(`${FILES('inspection_files', 'inspection_id', 'i.id')} AS files`),
        ),
    ) as Promise<Row[]>,
    // Only what was reported and who verified it: contact_name and contact_phone stay unread.
    prepared(
      db('complaints as p')
        .leftJoin('users as u', 'u.id', 'p.verified_by')
        .leftJoin('regions as v', 'v.code', 'p.region_code')
        .where('p.case_id', caseId)
        .orderBy('p.created_at')
        .limit(MAX_DISCOVERIES)
        .select(
          'p.id',
          'p.tracking_no',
          'p.channel',
          'p.category',
          'p.building_code',
          'p.joined_case',
          'v.name as village_name',
          'p.description',
          'p.latitude',
          'p.longitude',
          'p.created_at',
          'p.verified_at',
          'p.verified_by_name',
          'u.username as verified_by_username',
          'p.verify_note',
          db.raw(`${FILES('complaint_files', 'complaint_id', 'p.id')} AS files`),
        ),
    ) as Promise<Row[]>,
  ]);
  const isOrigin = (source: string, id: unknown) => kase.source === source && kase.sourceRef === id;
  const found: Discovery[] = [
    ...inspections.map((r): InspectionDiscovery => {
      const hazard = (r.hazards as { category: string; description: string }[]).find((h) => h.category === r.category);
      return {
        kind: 'inspection',
        id: r.id as string,
        at: iso(r.inspected_at),
        origin: isOrigin('inspection', r.id),
        joined: r.joined === true,
        description: hazard?.description ?? '',
        position: position(r),
        files: files(r.files),
        inspectionKind: r.kind as 'daily' | 'special',
        inspectorName: r.inspector_name as string,
        inspectorUsername: (r.inspector_username as string | null) ?? null,
        judgement: r.judgement as Judgement,
        notes: (r.notes as string | null) ?? null,
        presence: r.presence as Presence,
        distanceM: (r.distance_m as number | null) ?? null,
      };
    }),
    ...complaints.map((r): ComplaintDiscovery => ({
      kind: 'complaint',
      id: r.id as string,
      at: iso(r.created_at),
      origin: isOrigin('complaint', r.id),
      joined: r.joined_case === true,
      description: r.description as string,
      position: position(r),
      files: files(r.files),
      trackingNo: r.tracking_no as string,
      channel: r.channel as string,
      category: r.category as string,
      buildingCode: (r.building_code as string | null) ?? null,
      villageName: (r.village_name as string | null) ?? null,
      verifiedAt: r.verified_at ? iso(r.verified_at) : null,
      verifiedByName: (r.verified_by_name as string | null) ?? null,
      verifiedByUsername: (r.verified_by_username as string | null) ?? null,
      verifyNote: (r.verify_note as string | null) ?? null,
    })),
  ];
  return found.sort((a, b) => Number(b.origin) - Number(a.origin) || a.at.localeCompare(b.at));
}
