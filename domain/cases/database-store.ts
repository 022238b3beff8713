/**
 * The case store in SQL: the rows the workflow's activity wrote, scoped by the reader's CASL rules in
 * SQL (its row ↔ domain mappers are in case-rows.ts). The only writes outside a workflow step are the registration
 * (the first half of the dual write) and the evidence files; a step is written here too, by the
 * database function `apply_case_transition` (migration 0014), for the workflow's activity.
 */
import type { Knex } from 'knex';
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import { applyCaseHouseFilter } from './house-filter-sql.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { runPrepared } from '../db.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { chainedEvent, toRecord, toSummary } from './case-rows.ts';
import { RECTIFY_TASK_SQL } from './deadline.ts';
import { canonicalJson, verifyCaseChain } from './chain.ts';
import type { ChainVerdict } from './chain.ts';
import { caseDiscoveries } from './discovery-sql.ts';
import type { Discovery } from './discovery.ts';
import { houseBrief, otherOpenCases } from './house-sql.ts';
import type { HouseBrief, HouseOpenCase } from './task-context-house.ts';
import { CASE_SORT } from './store.ts';
import type {
  CaseFileRef,
  CaseFilter,
  CaseRecord,
  CaseState,
  CaseStepFile,
  CaseStore,
  CaseSummary,
  CaseTrailEvent,
  NewCase,
} from './store.ts';
import { toTaskRow } from './tasks.ts';
import type { InboxUser } from './tasks.ts';
import type { Transition } from './transition.ts';

const BEIJING_DAY_START = `(?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
const BEIJING_DAY_END = `((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/**
 * The filters a statistics figure over cases links with (issue 17), counting exactly what the summary
 * tables count: the origin by the same SQL function (migration 0023 `stats_case_origin`), days as
 * Beijing calendar days.
 */
function applyStatisticsFilter(query: Knex.QueryBuilder, f: CaseFilter): void {
  if (f.state === 'open') query.whereNotIn('c.status', ['closed', 'cancelled']);
  if (f.state === 'closed') query.where('c.status', 'closed');
  if (f.state === 'found') query.whereNot('c.status', 'cancelled');
  if (f.origin) query.whereRaw('stats_case_origin(c.source, c.source_ref) = ?', [f.origin]);
  if (f.dueBefore) query.whereNotIn('c.status', ['closed', 'cancelled']).whereRaw(`c.due_at < ${BEIJING_DAY_START}`, [f.dueBefore]);
  if (f.closedFrom) query.whereRaw(`c.closed_at >= ${BEIJING_DAY_START}`, [f.closedFrom]);
  if (f.closedTo) query.whereRaw(`c.closed_at < ${BEIJING_DAY_END}`, [f.closedTo]);
  if (f.escalatedFrom || f.escalatedTo) {
    query.whereExists((e) => {
      e.select(1).from('case_escalations as ce').whereRaw('ce.case_id = c.id').where('ce.no', 1);
      if (f.escalatedFrom) e.whereRaw(`ce.requested_at >= ${BEIJING_DAY_START}`, [f.escalatedFrom]);
      if (f.escalatedTo) e.whereRaw(`ce.requested_at < ${BEIJING_DAY_END}`, [f.escalatedTo]);
    });
  }
}

/** The case rule's fields as columns of `cases as c`. */
export const CASE_SCOPE = { regionCode: 'c.region_code' };

type Row = Record<string, unknown>;

export class DatabaseCaseStore implements CaseStore {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db('cases as c')
      .join('buildings as b', 'b.code', 'c.building_code')
      .leftJoin('regions as v', 'v.code', 'c.region_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .select(
        'c.*',
        'b.address',
        'v.name as village_name',
        't.name as town_name',
        db.raw(`(SELECT max(k.created_at) FROM tasks k WHERE k.case_id = c.id AND k.status IN ('open', 'claimed')) AS due_from`),
      );
  }

  async create(input: NewCase, db: Db = this.db): Promise<{ id: string; number: string }> {
    const [row] = (await db('cases')
      .insert({
        number: db.raw(`'YH' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('case_number_seq')::text, 6, '0')`),
        building_code: input.buildingCode,
        region_code: input.regionCode,
        category: input.category,
        severity: input.severity,
        description: input.description,
        source: input.source,
        source_ref: input.sourceRef,
        definition_version: input.definitionVersion,
        created_by: input.createdBy,
        request_ref: input.requestRef ?? null,
      })
      .returning(['id', 'number'])) as { id: string; number: string }[];
    if (!row) throw new Error('insert returned no case');
    return row;
  }

  async findByRequestRef(requestRef: string, db: Db = this.db): Promise<{ id: string; number: string } | undefined> {
    return (await db('cases').where({ request_ref: requestRef }).first('id', 'number')) as { id: string; number: string } | undefined;
  }

  async list(ability: AppAbility, params: ListParams & CaseFilter): Promise<ListResult<CaseSummary>> {
    const query = whereAllowed(this.base(), ability, 'read', 'Case', CASE_SCOPE);
    if (params.status) query.where('c.status', params.status);
    if (params.regionCode) query.whereRaw('c.region_code LIKE ?', [`${params.regionCode}%`]);
    if (params.severity) query.where('c.severity', params.severity);
    if (params.category) query.where('c.category', params.category);
    if (params.overdue) query.whereNotIn('c.status', ['closed', 'cancelled']).where('c.due_at', '<', this.db.fn.now());
    if (params.buildingCode) query.where('c.building_code', params.buildingCode.toUpperCase());
    if (params.createdFrom) query.whereRaw(`c.created_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.createdFrom]);
    if (params.createdTo) query.whereRaw(`c.created_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, [params.createdTo]);
    if (params.q) query.where('c.number', 'ilike', `%${params.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    applyStatisticsFilter(query, params);
    applyCaseHouseFilter(query, params);
    return paged<Row, CaseSummary>(query, params, CASE_SORT, 'createdAt', 'c.id', toSummary);
  }

  async find(ability: AppAbility | null, id: string, db: Db = this.db): Promise<CaseRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const query = this.base(db)
      .leftJoin('users as cu', 'cu.id', 'c.created_by')
      .select('cu.name as created_by_name', 'cu.username as created_by_username', db.raw(`${RECTIFY_TASK_SQL} AS rectify_task`))
      .where('c.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Case', CASE_SCOPE);
    const [row] = await runPrepared<Row>(query.limit(1));
    return row && toRecord(row);
  }

  /** The case page in one query: the case with its open task rows (as the inbox reads them) and its element visits. */
  async findWithState(ability: AppAbility, user: InboxUser, id: string): Promise<CaseState | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const db = this.db;
    const query = this.base()
      .leftJoin('users as cu', 'cu.id', 'c.created_by')
      .select(
        'cu.name as created_by_name',
        'cu.username as created_by_username',
        db.raw(`${RECTIFY_TASK_SQL} AS rectify_task`),
        db.raw(`(SELECT coalesce(json_agg(json_build_object('id', t.id, 'case_id', t.case_id, 'task_no', t.task_no, 'step', t.step,
                   'element_id', t.element_id, 'roles', t.roles, 'region_code', t.region_code, 'status', t.status,
                   'assignee_id', t.assignee_id, 'assignee_name', a.name, 'due_at', t.due_at, 'created_at', t.created_at,
                   'completed_at', t.completed_at, 'outcome', t.outcome) ORDER BY t.task_no), '[]'::json)
                 FROM tasks t LEFT JOIN users a ON a.id = t.assignee_id
                 WHERE t.case_id = c.id AND t.status IN ('open', 'claimed')) AS open_task_rows`),
        db.raw(`(SELECT coalesce(json_object_agg(v.element, v.n), '{}'::json)
                 FROM (SELECT p.element, count(*) AS n FROM case_events e,
                         jsonb_array_elements_text(coalesce(e.data->'path', '[]'::jsonb)) AS p(element)
                       WHERE e.case_id = c.id GROUP BY p.element) v) AS element_visits`),
      )
      .where('c.id', id);
    whereAllowed(query, ability, 'read', 'Case', CASE_SCOPE);
    const [row] = await runPrepared<Row & { open_task_rows: Record<string, unknown>[]; element_visits: Record<string, number> }>(
      query.limit(1),
    );
    if (!row) return undefined;
    const date = (v: unknown) => (v == null ? null : new Date(v as string));
    // The task rows as the task store reads them: the case's columns beside each task's own.
    const openTasks = row.open_task_rows.map((t) =>
      toTaskRow(
        {
          ...t,
          due_at: date(t.due_at),
          created_at: date(t.created_at),
          completed_at: date(t.completed_at),
          case_number: row.number,
          severity: row.severity,
          category: row.category,
          building_code: row.building_code,
          case_region_code: row.region_code,
          definition_version: row.definition_version,
          evidence_submitter_id: row.evidence_submitter_id,
          address: row.address,
          village_name: row.village_name,
        },
        user,
      ),
    );
    return { record: toRecord(row), openTasks, visits: row.element_visits };
  }

  async unstarted(olderThanMs: number, limit = SWEEP_LIMIT): Promise<CaseRecord[]> {
    const rows = (await this.base()
      .whereNull('c.workflow_started_at')
      .where('c.created_at', '<', writtenBefore(this.db, olderThanMs))
      .orderBy('c.created_at')
      .limit(limit)) as Row[];
    return rows.map(toRecord);
  }

  async markStarted(id: string): Promise<void> {
    await this.db('cases').where({ id }).whereNull('workflow_started_at').update({ workflow_started_at: this.db.fn.now() });
  }

  async trail(caseId: string): Promise<CaseTrailEvent[]> {
    const rows = (await this.db('case_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .where('e.case_id', caseId)
      .orderBy('e.seq')
      .select('e.*', 'u.username as actor_username')) as Row[];
    return rows.map((r) => ({
      seq: r.seq as number,
      type: r.type as string,
      elementId: (r.element_id as string | null) ?? null,
      taskId: (r.task_id as string | null) ?? null,
      actorName: (r.actor_name as string | null) ?? null,
      actorRole: (r.actor_role as string | null) ?? null,
      actorUsername: (r.actor_username as string | null) ?? null,
      occurredAt: r.occurred_at as Date,
      data: r.data as Record<string, unknown>,
      hash: r.hash as string,
      prevHash: r.prev_hash as string,
    }));
  }

  async stepFiles(caseId: string): Promise<CaseStepFile[]> {
    const rows = (await this.db('case_files as f')
      .leftJoin('tasks as t', 't.id', 'f.task_id')
      .where('f.case_id', caseId)
      .whereNotNull('f.task_id')
      .orderBy('f.created_at')
      .select('f.id', 'f.task_id', 'f.name', 'f.mime', 'f.size', 'f.sha256', 'f.created_at', 't.step')) as Row[];
    return rows.map((f) => ({
      id: f.id as string,
      taskId: f.task_id as string,
      name: f.name as string,
      mime: f.mime as string,
      size: f.size as number,
      sha256: f.sha256 as string,
      step: (f.step as string | null) ?? null,
      createdAt: f.created_at as Date,
    }));
  }

  async knownFiles(caseId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db('case_files')
      .where({ case_id: caseId })
      .whereIn('id', [...ids])
      .select('id')) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async file(caseId: string, fileId: string): Promise<CaseFileRef | undefined> {
    const row = (await this.db('case_files').where({ id: fileId, case_id: caseId }).whereNot('storage_key', 'pending').first()) as
      { storage_key: string; mime: string; name: string } | undefined;
    return row && { storageKey: row.storage_key, mime: row.mime, name: row.name };
  }

  verifyChain(caseId: string): Promise<ChainVerdict> {
    return verifyCaseChain(this.db, caseId);
  }

  discoveries(kase: { id: string; source: string; sourceRef: string | null }): Promise<Discovery[]> {
    return caseDiscoveries(this.db, kase);
  }

  houseBrief(code: string): Promise<HouseBrief | null> {
    return houseBrief(this.db, code);
  }

  otherOpenCases(ability: AppAbility, c: Pick<CaseRecord, 'id' | 'buildingCode'>): Promise<HouseOpenCase[]> {
    return otherOpenCases(this.db, ability, c);
  }

  async applyTransition(t: Transition, tx: Db = this.db): Promise<boolean> {
    const canon = canonicalJson(chainedEvent(t));
    const result = await tx.raw('SELECT apply_case_transition(?::jsonb, ?) AS applied', [JSON.stringify(t), canon]);
    return (result.rows as { applied: boolean }[])[0]?.applied === true;
  }

  async buildingCodeOf(caseId: string, tx: Db = this.db): Promise<string> {
    const row = (await tx('cases').where({ id: caseId }).first('building_code')) as { building_code: string };
    return row.building_code;
  }
}
