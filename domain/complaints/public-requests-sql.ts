/**
 * The SQL of Open311's request list, used only by `DatabaseComplaintStore`: what the public may read of a
 * complaint (category, status, dates, village, the latest notice) and the names a notice must not repeat.
 */
import type { Db } from '../db.ts';
import type { PublicRequest, PublicRequestFilter } from './store.ts';

type Row = Record<string, unknown>;
const iso = (v: unknown) => new Date(v as string).toISOString();
/** A request is closed when found unfounded or when its case is closed or withdrawn. */
const CLOSED_SQL = `(p.status = 'unfounded' OR coalesce(c.status IN ('closed', 'cancelled'), false))`;

function toPublicRequest(r: Row): PublicRequest {
  return {
    trackingNo: r.tracking_no as string,
    status: r.status as PublicRequest['status'],
    caseStatus: (r.case_status as string | null) ?? null,
    category: r.category as PublicRequest['category'],
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at ?? r.created_at),
    verifyDueAt: iso(r.verify_due_at),
    regionCode: r.region_code as string,
    villageName: (r.village_name as string | null) ?? null,
    townName: (r.town_name as string | null) ?? null,
    lastNotice: (r.last_notice as string | null) ?? null,
    names: [r.contact_name, r.owner_name] as (string | null)[],
  };
}

/** The requests of `filter`, newest first. */
export async function publicRequests(db: Db, filter: PublicRequestFilter): Promise<PublicRequest[]> {
  const query = db('complaints as p')
    .leftJoin('buildings as b', 'b.code', 'p.building_code')
    .leftJoin('cases as c', 'c.id', 'p.case_id')
    .leftJoin('regions as v', 'v.code', 'p.region_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .select(
      'p.tracking_no',
      'p.status',
      'p.category',
      'p.created_at',
      'p.verify_due_at',
      'p.region_code',
      'p.contact_name',
      'b.owner_name',
      'v.name as village_name',
      't.name as town_name',
      'c.status as case_status',
      db.raw(`(SELECT n.text FROM complaint_notifications n WHERE n.complaint_id = p.id ORDER BY n.seq DESC LIMIT 1) AS last_notice`),
      db.raw(
        `greatest(p.created_at, (SELECT max(n.at) FROM complaint_notifications n WHERE n.complaint_id = p.id), c.updated_at) AS updated_at`,
      ),
    );
  if ('trackingNos' in filter) query.whereIn('p.tracking_no', filter.trackingNos);
  else {
    if (filter.categories) query.whereIn('p.category', filter.categories);
    if (filter.status === 'closed') query.whereRaw(CLOSED_SQL);
    if (filter.status === 'open') query.whereRaw(`NOT ${CLOSED_SQL}`);
    query.where('p.created_at', '>=', filter.from);
    if (filter.to) query.where('p.created_at', '<=', filter.to);
  }
  const rows = (await query.orderBy('p.created_at', 'desc').limit(filter.limit)) as Row[];
  return rows.map(toPublicRequest);
}
