/** The audit log: who did what, when, from where. Rows are only ever inserted. */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { AuditRow } from '../models.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';

/** Who acted and from where; built once per request. */
export interface AuditContext {
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditInput {
  action: string;
  subjectType?: string;
  subjectId?: string;
  regionCode?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  regionCode: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    regionCode: row.region_code,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  };
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export class AuditStore {
  constructor(private readonly db: Db) {}

  /** Appends one entry, inside the caller's transaction when given one. */
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

  async list(ability: AppAbility, params: ListParams & AuditFilter): Promise<ListResult<AuditEntry>> {
    const query = whereAllowed(this.db('audit_log').select('*'), ability, 'read', 'AuditLog', { regionCode: 'region_code' });
    if (params.action) query.where('action', params.action);
    if (params.actorId) query.where('actor_id', params.actorId);
    if (params.subjectType) query.where('subject_type', params.subjectType);
    if (params.subjectId) query.where('subject_id', params.subjectId);
    if (params.from) query.where('at', '>=', params.from);
    if (params.to) query.where('at', '<=', params.to);
    return paged<AuditRow, AuditEntry>(
      query,
      { ...params, order: params.order ?? 'desc' },
      { at: 'at', action: 'action', id: 'id' },
      'at',
      'id',
      toEntry,
    );
  }
}
