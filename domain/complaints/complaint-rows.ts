/**
 * The row mappers of `DatabaseComplaintStore` (a complaint row to the officers' view, the complainant
 * masked; a verdict to its columns) and the house file's complaint column, used by the building store.
 */
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import type { Presence } from '../inspections/presence.ts';
import { maskName, maskPhone } from '../mask.ts';
import type { Complaint, ComplaintStatus, Notice, Verdict } from './store.ts';

/** The house file's latest complaints as a JSON column (correlated on `b`), for the building store. */
export const HOUSE_COMPLAINTS_SQL = `(SELECT coalesce(json_agg(json_build_object('id', p.id, 'trackingNo', p.tracking_no, 'category', p.category,
     'status', p.status, 'overdue', p.overdue_at IS NOT NULL AND p.status = 'verifying', 'caseNumber', c.number, 'createdAt', p.created_at)
     ORDER BY p.created_at DESC), '[]'::json)
   FROM (SELECT * FROM complaints WHERE building_code = b.code ORDER BY created_at DESC LIMIT 50) p LEFT JOIN cases c ON c.id = p.case_id)`;

export type Row = Record<string, unknown>;
export const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export function toComplaint(r: Row): Complaint {
  return {
    id: r.id as string,
    trackingNo: r.tracking_no as string,
    channel: r.channel as Complaint['channel'],
    buildingCode: (r.building_code as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    regionCode: r.region_code as string,
    villageName: (r.village_name as string | null) ?? null,
    position: r.latitude == null ? null : { latitude: r.latitude as number, longitude: r.longitude as number },
    category: r.category as CaseCategory,
    description: r.description as string,
    mediaUrl: (r.media_url as string | null) ?? null,
    // Confidential: masked here; `fullContact` gives it whole to the roles that need it.
    contact: { name: maskName((r.contact_name as string | null) ?? null), phone: maskPhone((r.contact_phone as string | null) ?? null) },
    status: r.status as ComplaintStatus,
    overdue: r.overdue_at != null && r.status === 'verifying',
    verifyDueAt: iso(r.verify_due_at) as string,
    verifiedAt: iso(r.verified_at),
    verifiedByName: (r.verified_by_name as string | null) ?? null,
    verifyNote: (r.verify_note as string | null) ?? null,
    verifyPosition:
      r.verify_latitude == null
        ? null
        : {
            latitude: r.verify_latitude as number,
            longitude: r.verify_longitude as number,
            accuracy: (r.verify_accuracy_m as number | null) ?? null,
          },
    verifyDistanceM: (r.verify_distance_m as number | null) ?? null,
    verifyPresence: (r.verify_presence as Presence | null) ?? null,
    verifyFiles: (r.verify_files as Complaint['verifyFiles'] | null) ?? [],
    reply: (r.reply as string | null) ?? null,
    caseId: (r.case_id as string | null) ?? null,
    caseNumber: (r.case_number as string | null) ?? null,
    caseStatus: (r.case_status as string | null) ?? null,
    joinedCase: (r.joined_case as boolean | null) ?? null,
    files: (r.files as Complaint['files'] | null) ?? [],
    notifications: ((r.notices as Notice[] | null) ?? []).map((n) => ({ ...n, at: iso(n.at) as string })),
    createdAt: iso(r.created_at) as string,
  };
}

export function verdictRow(v: Verdict, db: Db): Row {
  const outcome =
    v.outcome.status === 'unfounded'
      ? { status: 'unfounded' }
      : { status: 'confirmed', building_code: v.outcome.buildingCode, case_id: v.outcome.caseId, joined_case: v.outcome.joined };
  return {
    verified_at: db.fn.now(),
    verified_by: v.actor.id,
    verified_by_name: v.actor.name,
    verify_note: v.note,
    reply: v.reply,
    verify_latitude: v.position?.latitude ?? null,
    verify_longitude: v.position?.longitude ?? null,
    verify_accuracy_m: v.position?.accuracy == null ? null : Math.round(v.position.accuracy),
    verify_distance_m: v.distanceM,
    verify_presence: v.presence,
    ...outcome,
  };
}
