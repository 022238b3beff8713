/**
 * Complaints as officers read them (the complainant masked unless asked for in full, which is audited)
 * and as the citizen reads them on the progress page (status, dates, replies; nothing internal).
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import type { Presence } from '../inspections/presence.ts';
import { maskName, maskPhone } from '../mask.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';

export const COMPLAINT_SCOPE = { regionCode: 'p.region_code' };
export const COMPLAINT_SORT = { createdAt: 'p.created_at', verifyDueAt: 'p.verify_due_at' };

export type ComplaintStatus = 'verifying' | 'confirmed' | 'unfounded';

export interface Notice {
  seq: number;
  status: string;
  text: string;
  at: string;
}

export interface Complaint {
  id: string;
  trackingNo: string;
  channel: 'web' | 'open311';
  buildingCode: string | null;
  address: string | null;
  regionCode: string;
  villageName: string | null;
  position: { latitude: number; longitude: number } | null;
  category: CaseCategory;
  description: string;
  mediaUrl: string | null;
  contact: { name: string | null; phone: string | null };
  status: ComplaintStatus;
  overdue: boolean;
  verifyDueAt: string;
  verifiedAt: string | null;
  verifiedByName: string | null;
  verifyNote: string | null;
  /** Where the verifier's phone was; null when verified without a position (or before this was kept). */
  verifyPosition: { latitude: number; longitude: number; accuracy: number | null } | null;
  /** Metres from the house (or the citizen's point) to the verifier's phone. */
  verifyDistanceM: number | null;
  verifyPresence: Presence | null;
  /** The verifier's on-site photos (`GET /api/complaint-verification-files/:id`). */
  verifyFiles: { id: string; name: string; mime: string; size: number }[];
  reply: string | null;
  caseId: string | null;
  caseNumber: string | null;
  caseStatus: string | null;
  joinedCase: boolean | null;
  files: { id: string; name: string; mime: string; size: number }[];
  notifications: Notice[];
  createdAt: string;
}

export interface ComplaintFilter {
  regionCode?: string | undefined;
  buildingCode?: string | undefined;
  status?: ComplaintStatus | undefined;
  overdue?: boolean | undefined;
  category?: CaseCategory | undefined;
  trackingNo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function toComplaint(r: Row): Complaint {
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

/** The citizen's view: what happened and when, in plain words; no names, notes or internal codes. */
export interface Progress {
  trackingNo: string;
  category: CaseCategory;
  address: string | null;
  status: 'verifying' | 'verify_overdue' | 'rectifying' | 'rectified' | 'withdrawn' | 'unfounded';
  createdAt: string;
  verifyDueAt: string;
  verifiedAt: string | null;
  reply: string | null;
  case: { number: string; closedAt: string | null } | null;
  notifications: { text: string; at: string }[];
}

export function toProgress(c: Complaint & { caseClosedAt?: string | null }): Progress {
  let status: Progress['status'] = c.overdue ? 'verify_overdue' : 'verifying';
  if (c.status === 'unfounded') status = 'unfounded';
  if (c.status === 'confirmed')
    status = c.caseStatus === 'closed' ? 'rectified' : c.caseStatus === 'cancelled' ? 'withdrawn' : 'rectifying';
  return {
    trackingNo: c.trackingNo,
    category: c.category,
    address: c.address,
    status,
    createdAt: c.createdAt,
    verifyDueAt: c.verifyDueAt,
    verifiedAt: c.verifiedAt,
    reply: c.reply,
    case: c.caseNumber ? { number: c.caseNumber, closedAt: c.caseClosedAt ?? null } : null,
    notifications: c.notifications.map((n) => ({ text: n.text, at: n.at })),
  };
}

/** A complaint as the house file lists it (no complainant). */
export interface HouseComplaint {
  id: string;
  trackingNo: string;
  category: CaseCategory;
  status: ComplaintStatus;
  overdue: boolean;
  caseNumber: string | null;
  createdAt: string;
}

/** The house file's latest complaints as a JSON column (correlated on `b`). */
export const HOUSE_COMPLAINTS_SQL = `(SELECT coalesce(json_agg(json_build_object('id', p.id, 'trackingNo', p.tracking_no, 'category', p.category,
     'status', p.status, 'overdue', p.overdue_at IS NOT NULL AND p.status = 'verifying', 'caseNumber', c.number, 'createdAt', p.created_at)
     ORDER BY p.created_at DESC), '[]'::json)
   FROM (SELECT * FROM complaints WHERE building_code = b.code ORDER BY created_at DESC LIMIT 50) p LEFT JOIN cases c ON c.id = p.case_id)`;

export class ComplaintStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    const q = db('complaints as p')
      .leftJoin('buildings as b', 'b.code', 'p.building_code')
      .leftJoin('regions as v', 'v.code', 'p.region_code')
      .leftJoin('cases as c', 'c.id', 'p.case_id')
      .select(
        'p.*',
        'b.address',
        'v.name as village_name',
        'c.number as case_number',
        'c.status as case_status',
        'c.closed_at as case_closed_at',
      );
    // A list row carries the photos, the verifier's photos and the notices too (one indexed look-up each
    // per row of the page): a list row answering `files: []` or `notifications: []` told its reader that a
    // complaint with photos or notices had none.
    q.select(
      db.raw(`(SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'size', f.size) ORDER BY f.created_at)
                 FROM complaint_files f WHERE f.complaint_id = p.id) AS files`),
      db.raw(`(SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'size', f.size) ORDER BY f.created_at)
                 FROM complaint_verification_files f WHERE f.complaint_id = p.id AND f.attached) AS verify_files`),
      db.raw(`(SELECT json_agg(json_build_object('seq', n.seq, 'status', n.status, 'text', n.text, 'at', n.at) ORDER BY n.seq)
                 FROM complaint_notifications n WHERE n.complaint_id = p.id) AS notices`),
    );
    return q;
  }

  async list(ability: AppAbility, params: ListParams & ComplaintFilter): Promise<ListResult<Complaint>> {
    const query = whereAllowed(this.base(), ability, 'read', 'Complaint', COMPLAINT_SCOPE);
    if (params.regionCode) query.whereRaw('p.region_code LIKE ?', [`${params.regionCode}%`]);
    if (params.buildingCode) query.where('p.building_code', params.buildingCode.toUpperCase());
    if (params.status) query.where('p.status', params.status);
    if (params.overdue === true) query.where('p.status', 'verifying').whereNotNull('p.overdue_at');
    if (params.category) query.where('p.category', params.category);
    if (params.trackingNo) query.where('p.tracking_no', params.trackingNo.toUpperCase());
    if (params.from) query.whereRaw(`p.created_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.from]);
    if (params.to) query.whereRaw(`p.created_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.to]);
    return paged<Row, Complaint>(query, { ...params, order: params.order ?? 'desc' }, COMPLAINT_SORT, 'createdAt', 'p.id', toComplaint);
  }

  async find(ability: AppAbility | null, id: string): Promise<(Complaint & { caseClosedAt: string | null }) | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const query = this.base().where('p.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Complaint', COMPLAINT_SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && { ...toComplaint(row), caseClosedAt: iso(row.case_closed_at) };
  }

  async byTrackingNo(trackingNo: string): Promise<(Complaint & { caseClosedAt: string | null; secretHash: string }) | undefined> {
    const row = (await this.base().where('p.tracking_no', trackingNo.toUpperCase()).first()) as Row | undefined;
    return row && { ...toComplaint(row), caseClosedAt: iso(row.case_closed_at), secretHash: row.secret_hash as string };
  }

  /** The complainant's identity in full (the caller audits the view). */
  async fullContact(id: string): Promise<{ name: string | null; phone: string | null }> {
    const row = (await this.db('complaints').where({ id }).first('contact_name', 'contact_phone')) as
      { contact_name: string | null; contact_phone: string | null } | undefined;
    return { name: row?.contact_name ?? null, phone: row?.contact_phone ?? null };
  }

  /** Complaints written whose workflow may not have started (the sweeper's question). */
  async unstarted(olderThanMs: number, limit = SWEEP_LIMIT): Promise<{ id: string; regionCode: string; verifyDueAt: string }[]> {
    const rows = (await this.db('complaints')
      .whereNull('workflow_started_at')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .orderBy('created_at')
      .limit(limit)
      .select('id', 'region_code', 'verify_due_at')) as { id: string; region_code: string; verify_due_at: Date }[];
    return rows.map((r) => ({ id: r.id, regionCode: r.region_code, verifyDueAt: r.verify_due_at.toISOString() }));
  }

  async markStarted(id: string): Promise<void> {
    await this.db('complaints').where({ id }).whereNull('workflow_started_at').update({ workflow_started_at: this.db.fn.now() });
  }
}
