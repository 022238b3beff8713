/**
 * `ComplaintStore` on PostgreSQL: complaints with their house, village, case, photos and notices in one
 * query, the complainant masked in the row mapper; the writes of filing and verifying.
 */
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { iso, toComplaint, verdictRow } from './complaint-rows.ts';
import type { Row } from './complaint-rows.ts';
import { publicRequests } from './public-requests-sql.ts';
import { filedByPhoneToday, hitLookup, lockSenders, refundLookup, sentInLastHour } from './sender-limits-sql.ts';
import type {
  Complaint,
  ComplaintFilter,
  ComplaintPhoto,
  ComplaintStatus,
  ComplaintStore,
  CreatedComplaint,
  Hit,
  NewComplaint,
  PublicRequest,
  PublicRequestFilter,
  SenderRows,
  Verdict,
  VerificationSubject,
} from './store.ts';

const COMPLAINT_SCOPE = { regionCode: 'p.region_code' };
const COMPLAINT_SORT: Record<string, string> = { createdAt: 'p.created_at', verifyDueAt: 'p.verify_due_at' };

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** What writing (or finding again) a complaint reads back. */
const CREATED = ['id', 'tracking_no', 'region_code', 'verify_due_at'];
type CreatedRow = { id: string; tracking_no: string; region_code: string; verify_due_at: Date };
const toCreated = (c: CreatedRow): CreatedComplaint => ({
  id: c.id,
  trackingNo: c.tracking_no,
  regionCode: c.region_code,
  verifyDueAt: c.verify_due_at.toISOString(),
});

export class DatabaseComplaintStore implements ComplaintStore {
  constructor(private readonly db: Db) {}

  private base() {
    const db = this.db;
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
    if (params.verifiedFrom) query.whereRaw(`p.verified_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.verifiedFrom]);
    if (params.verifiedTo) query.whereRaw(`p.verified_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.verifiedTo]);
    return paged<Row, Complaint>(query, { ...params, order: params.order ?? 'desc' }, COMPLAINT_SORT, 'createdAt', 'p.id', toComplaint);
  }

  async find(ability: AppAbility | null, id: string): Promise<(Complaint & { caseClosedAt: string | null }) | undefined> {
    if (!isUuid(id)) return undefined;
    const query = this.base().where('p.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Complaint', COMPLAINT_SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && { ...toComplaint(row), caseClosedAt: iso(row.case_closed_at) };
  }

  async byTrackingNo(trackingNo: string): Promise<(Complaint & { caseClosedAt: string | null; secretHash: string }) | undefined> {
    const row = (await this.base().where('p.tracking_no', trackingNo.toUpperCase()).first()) as Row | undefined;
    return row && { ...toComplaint(row), caseClosedAt: iso(row.case_closed_at), secretHash: row.secret_hash as string };
  }

  async fullContact(id: string): Promise<{ name: string | null; phone: string | null }> {
    const row = (await this.db('complaints').where({ id }).first('contact_name', 'contact_phone')) as
      { contact_name: string | null; contact_phone: string | null } | undefined;
    return { name: row?.contact_name ?? null, phone: row?.contact_phone ?? null };
  }

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

  async create(input: NewComplaint, tx: Db = this.db): Promise<CreatedComplaint> {
    const [row] = (await tx('complaints')
      .insert({
        tracking_no: tx.raw(`'TS' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || ?`, [input.trackingTail]),
        secret_hash: input.secretHash,
        channel: input.channel,
        building_code: input.buildingCode,
        region_code: input.regionCode,
        latitude: input.position?.latitude ?? null,
        longitude: input.position?.longitude ?? null,
        category: input.category,
        description: input.description,
        media_url: input.mediaUrl,
        contact_name: input.contactName,
        contact_phone: input.contactPhone,
        verify_due_at: tx.raw(`now() + make_interval(secs => ?)`, [input.verifySeconds]),
        client_hash: input.clientHash,
        request_ref: input.requestRef ?? null,
        last_seq: 0,
      })
      .returning(CREATED)) as CreatedRow[];
    return toCreated(row as CreatedRow);
  }

  async refiled(requestRef: string, secretHash: string, tx: Db = this.db): Promise<CreatedComplaint | undefined> {
    const [row] = (await tx('complaints')
      .where({ request_ref: requestRef })
      .update({ secret_hash: secretHash })
      .returning(CREATED)) as CreatedRow[];
    return row && toCreated(row);
  }

  async attachFiles(complaintId: string, fileIds: string[], tx: Db = this.db): Promise<void> {
    if (fileIds.length) await tx('complaint_files').whereIn('id', fileIds).update({ complaint_id: complaintId });
  }

  async appendNotice(complaintId: string, status: string, text: string, tx: Db = this.db): Promise<void> {
    const [row] = (await tx('complaints').where({ id: complaintId }).increment('last_seq', 1).returning('last_seq')) as {
      last_seq: number;
    }[];
    await tx('complaint_notifications').insert({ complaint_id: complaintId, seq: row?.last_seq, status, text });
  }

  async freshUploads(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db('complaint_files')
      .whereIn('id', ids)
      .whereNull('complaint_id')
      .whereNot('storage_key', 'pending')
      .where('created_at', '>', this.db.raw(`now() - interval '1 day'`))
      .select('id')) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async verificationDrafts(complaintId: string, userId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db('complaint_verification_files')
      .whereIn('id', ids)
      .where({ complaint_id: complaintId, uploaded_by: userId, attached: false })
      .whereNot('storage_key', 'pending')
      .select('id')) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async photo(kind: 'citizen' | 'verification', id: string): Promise<ComplaintPhoto | undefined> {
    const query =
      kind === 'citizen'
        ? this.db('complaint_files as f').where('f.id', id)
        : this.db('complaint_verification_files as f').where({ 'f.id': id, 'f.attached': true });
    const row = (await query.join('complaints as p', 'p.id', 'f.complaint_id').first('f.storage_key', 'f.mime', 'p.region_code')) as
      { storage_key: string; mime: string; region_code: string } | undefined;
    return row && { storageKey: row.storage_key, mime: row.mime, regionCode: row.region_code };
  }

  lockSenders(keys: string[], tx: Db): Promise<void> {
    return lockSenders(tx, keys);
  }

  sentInLastHour(rows: SenderRows, clientHash: string, tx: Db = this.db): Promise<number> {
    return sentInLastHour(tx, rows, clientHash);
  }

  filedByPhoneToday(phone: string, tx: Db = this.db): Promise<number> {
    return filedByPhoneToday(tx, phone);
  }

  hitLookup(key: string, limit: number): Promise<Hit> {
    return hitLookup(this.db, key, limit);
  }

  refundLookup(key: string): Promise<void> {
    return refundLookup(this.db, key);
  }

  async lockForVerification(id: string, tx: Db): Promise<VerificationSubject | undefined> {
    const c = (await tx('complaints').where({ id }).forUpdate().first()) as Row | undefined;
    return (
      c && {
        status: c.status as ComplaintStatus,
        caseId: (c.case_id as string | null) ?? null,
        buildingCode: (c.building_code as string | null) ?? null,
        position: c.latitude == null ? null : { latitude: c.latitude as number, longitude: c.longitude as number },
        category: c.category as CaseCategory,
        description: c.description as string,
      }
    );
  }

  async attachVerificationFiles(complaintId: string, fileIds: string[], tx: Db = this.db): Promise<void> {
    if (fileIds.length)
      await tx('complaint_verification_files').whereIn('id', fileIds).where({ complaint_id: complaintId }).update({ attached: true });
  }

  async recordVerdict(id: string, verdict: Verdict, tx: Db = this.db): Promise<void> {
    await tx('complaints').where({ id }).update(verdictRow(verdict, tx));
  }

  async markOverdue(id: string, tx: Db = this.db): Promise<boolean> {
    const marked = await tx('complaints').where({ id, status: 'verifying' }).whereNull('overdue_at').update({ overdue_at: tx.fn.now() });
    return marked > 0;
  }

  publicRequests(filter: PublicRequestFilter): Promise<PublicRequest[]> {
    return publicRequests(this.db, filter);
  }
}
