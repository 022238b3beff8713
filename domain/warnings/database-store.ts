/**
 * `WarningStore` on PostgreSQL. Raising is one INSERT … ON CONFLICT DO NOTHING: the unique index over
 * active warnings' dedupe keys and the one over (dedupe key, occurrence) decide what is new, so two
 * runs at once, a retried activity or a run resumed after a crash write each warning once.
 */
import type { Knex } from 'knex';
import { warningRule } from '../../definitions/warning-rules/index.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { regionScopePrefix } from '../regions.ts';
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import { ACTIVE_WARNING_STATUSES } from './store.ts';
import type {
  DispatchRecord,
  Evidence,
  Handler,
  NewWarning,
  UnstartedWarning,
  Warning,
  WarningListParams,
  WarningStatus,
  WarningStore,
} from './store.ts';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const ACTIVE = ACTIVE_WARNING_STATUSES as unknown as string[];

/** The rule's name and what it opens, from the version that raised the warning (a retired rule still reads). */
function ruleOf(id: string, version: number) {
  try {
    const r = warningRule(id, version);
    return { name: r.name, opens: r.opens };
  } catch {
    return { name: id, opens: [] };
  }
}

function toWarning(r: Row): Warning {
  const rule = ruleOf(r.rule_id as string, r.rule_version as number);
  return {
    id: r.id as string,
    ruleId: r.rule_id as string,
    ruleVersion: r.rule_version as number,
    ruleName: rule.name,
    regionCode: r.region_code as string,
    regionName: (r.region_name as string | null) ?? null,
    assigneeRole: r.assignee_role as string,
    escalateToRole: r.escalate_to_role as string,
    buildingCodes: r.building_codes as string[],
    caseIds: r.case_ids as string[],
    evidence: r.evidence as Evidence,
    status: r.status as WarningStatus,
    raisedAt: iso(r.raised_at) as string,
    acknowledgeDueAt: iso(r.acknowledge_due_at) as string,
    acknowledgedAt: iso(r.acknowledged_at),
    escalatedAt: iso(r.escalated_at),
    closedAt: iso(r.closed_at),
    handledByName: (r.handled_by_name as string | null) ?? null,
    dispatch: (r.dispatch as DispatchRecord | null) ?? null,
    dismissReason: (r.dismiss_reason as string | null) ?? null,
    opens: rule.opens,
  };
}

const SORT = { raisedAt: 'w.raised_at', acknowledgeDueAt: 'w.acknowledge_due_at' };

/** Warnings written per INSERT (11 parameters each, well under PostgreSQL's 65,535). */
const RAISE_CHUNK = 2000;

export class DatabaseWarningStore implements WarningStore {
  constructor(private readonly db: Db) {}

  private base(scope: string | null, db: Db = this.db) {
    const q = db('warnings as w').leftJoin('regions as r', 'r.code', 'w.region_code').select('w.*', 'r.name as region_name');
    if (scope !== null) q.whereRaw('w.region_code LIKE ?', [`${regionScopePrefix(scope)}%`]);
    return q;
  }

  async raise(warnings: NewWarning[], trx: Db = this.db): Promise<number> {
    if (warnings.length === 0) return 0;
    const rows = warnings.map((w) => ({
      rule_id: w.ruleId,
      rule_version: w.ruleVersion,
      dedupe_key: w.dedupeKey,
      occurrence: w.occurrence,
      region_code: w.regionCode,
      assignee_role: w.assigneeRole,
      escalate_to_role: w.escalateToRole,
      building_codes: w.buildingCodes,
      case_ids: w.caseIds,
      evidence: JSON.stringify(w.evidence),
      acknowledge_due_at: w.acknowledgeDueAt,
    }));
    // Without a conflict target, a row that breaks either unique index is skipped. A statement holds at
    // most 65,535 parameters (11 a row): a rule finding thousands at once writes them in chunks, all
    // in one transaction, so a run still writes all it found or nothing.
    const write = async (t: Db) => {
      let n = 0;
      for (let i = 0; i < rows.length; i += RAISE_CHUNK) {
        const chunk = rows.slice(i, i + RAISE_CHUNK);
        n += ((await t('warnings').insert(chunk).onConflict().ignore().returning('id')) as { id: string }[]).length;
      }
      return n;
    };
    return (trx as Knex.Transaction).isTransaction || rows.length <= RAISE_CHUNK ? write(trx) : this.db.transaction(write);
  }

  async unstarted(which: { ruleId?: string | null; olderThanMs?: number }, limit = SWEEP_LIMIT): Promise<UnstartedWarning[]> {
    const q = this.db('warnings').whereNull('workflow_started_at').whereIn('status', ACTIVE).orderBy('raised_at').limit(limit);
    if (which.ruleId) q.where({ rule_id: which.ruleId });
    if (which.olderThanMs !== undefined) q.where('raised_at', '<', writtenBefore(this.db, which.olderThanMs));
    const rows = (await q.select('id', 'rule_id', 'rule_version', 'region_code', 'assignee_role', 'acknowledge_due_at')) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      ruleId: r.rule_id as string,
      ruleVersion: r.rule_version as number,
      regionCode: r.region_code as string,
      assigneeRole: r.assignee_role as string,
      acknowledgeDueAt: iso(r.acknowledge_due_at) as string,
    }));
  }

  async markStarted(id: string): Promise<void> {
    await this.db('warnings').where({ id }).whereNull('workflow_started_at').update({ workflow_started_at: this.db.fn.now() });
  }

  list(scope: string, params: WarningListParams): Promise<ListResult<Warning>> {
    const q = this.base(scope);
    if (params.status) q.where('w.status', params.status);
    if (params.active === true) q.whereIn('w.status', ACTIVE);
    if (params.active === false) q.whereNotIn('w.status', ACTIVE);
    if (params.ruleId) q.where('w.rule_id', params.ruleId);
    if (params.regionCode) q.whereRaw('w.region_code LIKE ?', [`${regionScopePrefix(params.regionCode)}%`]);
    return paged<Row, Warning>(q, { ...params, order: params.order ?? 'desc' }, SORT, 'raisedAt', 'w.id', toWarning);
  }

  tasks(user: { role: string; regionCode: string }, params: ListParams): Promise<ListResult<Warning>> {
    const q = this.base(user.regionCode)
      .whereIn('w.status', ACTIVE)
      .where((w) =>
        w.where('w.assignee_role', user.role).orWhere((e) => e.where('w.status', 'escalated').where('w.escalate_to_role', user.role)),
      );
    return paged<Row, Warning>(q, params, SORT, 'acknowledgeDueAt', 'w.id', toWarning);
  }

  async find(scope: string | null, id: string, trx: Db = this.db): Promise<Warning | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = (await this.base(scope, trx).where('w.id', id).first()) as Row | undefined;
    return row && toWarning(row);
  }

  async lock(id: string, trx: Db): Promise<WarningStatus | undefined> {
    const row = (await trx('warnings').where({ id }).forUpdate().first('status')) as { status: WarningStatus } | undefined;
    return row?.status;
  }

  async acknowledge(id: string, by: Handler, trx: Db = this.db): Promise<void> {
    await trx('warnings')
      .where({ id })
      .whereIn('status', ['open', 'escalated'])
      .update({ status: 'acknowledged', acknowledged_at: trx.fn.now(), handled_by: by.id, handled_by_name: by.name });
  }

  async dispatch(id: string, by: Handler, what: DispatchRecord, trx: Db = this.db): Promise<void> {
    await trx('warnings')
      .where({ id })
      .whereIn('status', ACTIVE)
      .update({
        status: 'dispatched',
        dispatch: JSON.stringify(what),
        acknowledged_at: trx.raw('coalesce(acknowledged_at, now())'),
        closed_at: trx.fn.now(),
        handled_by: by.id,
        handled_by_name: by.name,
      });
  }

  async dismiss(id: string, by: Handler, reason: string, trx: Db = this.db): Promise<void> {
    await trx('warnings')
      .where({ id })
      .whereIn('status', ACTIVE)
      .update({
        status: 'dismissed',
        dismiss_reason: reason,
        acknowledged_at: trx.raw('coalesce(acknowledged_at, now())'),
        closed_at: trx.fn.now(),
        handled_by: by.id,
        handled_by_name: by.name,
      });
  }

  async escalate(id: string, trx: Db = this.db): Promise<'now' | 'before' | false> {
    const n = await trx('warnings').where({ id, status: 'open' }).update({ status: 'escalated', escalated_at: trx.fn.now() });
    if (n > 0) return 'now';
    // A retried escalation finds its own write.
    const row = (await trx('warnings').where({ id }).first('status')) as { status: string } | undefined;
    return row?.status === 'escalated' ? 'before' : false;
  }
}
