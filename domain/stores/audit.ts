/**
 * The audit log: who did what, when, from where. Rows are only ever inserted. What auditors read is the
 * audit trail: these rows together with the case events (claims, completions, reassignments,
 * escalations, cancellations: the record of every action on a case, hash-chained in `case_events`), so
 * every mutation can be found, filtered and followed in one place. `DatabaseAuditStore`
 * (database-audit.ts) holds the SQL.
 */
import type { AuditLogAction } from '../audit-actions.ts';
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
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
  /** One of AUDIT_LOG_ACTIONS, each with a name the audit log shows. */
  action: AuditLogAction;
  subjectType?: string;
  subjectId?: string;
  regionCode?: string | null;
  details?: Record<string, unknown>;
}

/** Where an entry is kept: the audit log, or a case's event trail. */
export type AuditSource = 'audit' | 'case';

export interface AuditEntry {
  id: string;
  source: AuditSource;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The subject as people name it (a case's number, a complaint's tracking number…); null without one. */
  subjectLabel: string | null;
  regionCode: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** A region's subtree (within the reader's own scope). */
  regionCode?: string | undefined;
  source?: AuditSource | undefined;
}

/** The audit log and the trail auditors read. */
export interface AuditStore {
  /** Appends one entry, inside the caller's transaction when given one. */
  record(ctx: AuditContext, input: AuditInput, tx?: Db): Promise<void>;
  /**
   * A page of the trail (audit rows and case events as one list, newest first by default) within the
   * ability's regions; a case event's data masked as the case trail shows it.
   */
  list(ability: AppAbility, params: ListParams & AuditFilter): Promise<ListResult<AuditEntry>>;
}
