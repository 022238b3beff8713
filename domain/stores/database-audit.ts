/**
 * `AuditStore` on PostgreSQL: rows of `audit_log` only ever inserted; the trail read as one UNION of the
 * audit rows and the case events, each branch filtered before they are merged.
 */
import type { Knex } from 'knex';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { maskEventData } from '../mask.ts';
import { AuditRow } from '../models.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { subjectLabels } from './audit-subjects.ts';
import type { AuditContext, AuditEntry, AuditFilter, AuditInput, AuditSource, AuditStore } from './audit.ts';

/** A row of the trail: an audit row, or a case event shaped like one. */
interface TrailRow {
  source: AuditSource;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  region_code: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

function toEntry(row: TrailRow): AuditEntry {
  // A case event's data is shown as the case trail shows it (the responsible party masked).
  const details =
    row.source === 'case' ? { ...row.details, data: maskEventData((row.details.data ?? {}) as Record<string, unknown>) } : row.details;
  return {
    id: row.id,
    source: row.source,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: row.source === 'case' && typeof row.details.caseNumber === 'string' ? row.details.caseNumber : null,
    regionCode: row.region_code,
    ip: row.ip,
    requestId: row.request_id,
    details,
  };
}

export class DatabaseAuditStore implements AuditStore {
  constructor(private readonly db: Db) {}

  async record(ctx: AuditContext, input: AuditInput, trx: Db = this.db): Promise<void> {
    await AuditRow.query(trx).insert({
      actor_id: ctx.actorId,
      actor_name: ctx.actorName,
      actor_role: ctx.actorRole,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      request_id: ctx.requestId,
      action: input.action,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId ?? null,
      region_code: input.regionCode ?? null,
      details: input.details ?? {},
    });
  }

  /** The trail: audit rows and case events as one list, each branch filtered before they are merged. */
  private trail(): Knex.QueryBuilder {
    const { db } = this;
    const audit = db('audit_log').select(
      db.raw(`'audit' AS source`),
      db.raw('id::text AS id'),
      'at',
      'actor_id',
      'actor_name',
      'actor_role',
      'action',
      'subject_type',
      'subject_id',
      'region_code',
      'ip',
      'request_id',
      'details',
    );
    const events = db('case_events as e')
      .join('cases as c', 'c.id', 'e.case_id')
      .select(
        db.raw(`'case' AS source`),
        db.raw(`e.case_id::text || ':' || e.seq AS id`),
        'e.occurred_at as at',
        'e.actor_id',
        'e.actor_name',
        'e.actor_role',
        'e.type as action',
        db.raw(`'Case' AS subject_type`),
        db.raw('e.case_id::text AS subject_id'),
        'c.region_code',
        db.raw('NULL::text AS ip'),
        db.raw('NULL::text AS request_id'),
        db.raw(`jsonb_build_object('caseNumber', c.number, 'seq', e.seq, 'elementId', e.element_id, 'data', e.data) AS details`),
      );
    return db.select('*').from(db.raw(`(${audit.toQuery()} UNION ALL ${events.toQuery()}) AS t`));
  }

  async list(ability: AppAbility, params: ListParams & AuditFilter): Promise<ListResult<AuditEntry>> {
    const query = whereAllowed(this.trail(), ability, 'read', 'AuditLog', { regionCode: 'region_code' });
    if (params.source) query.where('source', params.source);
    if (params.action) query.where('action', params.action);
    if (params.actorId) query.where('actor_id', params.actorId);
    if (params.subjectType) query.where('subject_type', params.subjectType);
    if (params.subjectId) query.where('subject_id', params.subjectId);
    if (params.regionCode) query.whereRaw(`region_code LIKE ? ESCAPE '\\'`, [`${params.regionCode.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    if (params.from) query.where('at', '>=', params.from);
    if (params.to) query.where('at', '<=', params.to);
    const page = await paged<TrailRow, AuditEntry>(
      query,
      { ...params, order: params.order ?? 'desc' },
      { at: 'at', action: 'action', id: 'id' },
      'at',
      'id',
      toEntry,
    );
    const labels = await subjectLabels(this.db, page.data);
    for (const e of page.data) e.subjectLabel ??= labels.get(`${e.subjectType ?? ''}:${(e.subjectId ?? '').toLowerCase()}`) ?? null;
    return page;
  }
}
