/**
 * Cases as the API reads them: the rows the workflow's activity wrote, scoped by the reader's CASL
 * rules in SQL. The only writes here are the registration (the first half of the dual write) and the
 * evidence files; every other change belongs to the workflow.
 */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { runPrepared } from '../db.ts';
import type { Db } from '../db.ts';
import { maskName, maskPhone } from '../mask.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { deadlineInForce, RECTIFY_TASK_SQL } from './deadline.ts';
import type { DeadlineInForce, RectifyTaskDue } from './deadline.ts';
import type { CaseCategory, CaseStatus } from './enums.ts';
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';

export const CASE_SCOPE = { regionCode: 'c.region_code' };

export const CASE_SORT = { createdAt: 'c.created_at', dueAt: 'c.due_at', number: 'c.number' };

export interface CaseSummary {
  id: string;
  number: string;
  buildingCode: string;
  address: string | null;
  villageName: string | null;
  townName: string | null;
  regionCode: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  status: CaseStatus;
  activeElements: string[];
  dueAt: string | null;
  /** When the clock of `dueAt` started (the open task's creation): due dates are coloured by the share of time left. */
  dueFrom: string | null;
  overdue: boolean;
  escalationCount: number;
  recheckFailures: number;
  createdAt: string;
  closedAt: string | null;
}

export interface CaseRecord extends CaseSummary {
  definitionVersion: number;
  description: string;
  source: string;
  /** The inspection or complaint that opened the case (by `source`); null when an officer registered it. */
  sourceRef: string | null;
  responsible: { name: string | null; phone: string | null; relation: string | null } | null;
  measures: string[];
  rectifyDeadline: string | null;
  /** The rectification deadline that applies: the date set at assignment or the default one (`deadline.ts`). */
  deadlineInForce: DeadlineInForce | null;
  appraisalGrade: string | null;
  demolished: boolean;
  cancelReason: string | null;
  evidenceSubmitterId: string | null;
  createdByName: string | null;
  /** The registering account, telling apart two staff of the same name. */
  createdByUsername: string | null;
  workflowStarted: boolean;
}

export interface CaseFilter {
  status?: string | undefined;
  regionCode?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  overdue?: boolean | undefined;
  buildingCode?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  q?: string | undefined;
}

export interface NewCase {
  buildingCode: string;
  regionCode: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  description: string;
  source: 'officer' | 'inspection' | 'complaint';
  sourceRef: string | null;
  definitionVersion: number;
  createdBy: string | null;
}

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

export function toSummary(r: Row): CaseSummary {
  const due = r.due_at as Date | null;
  const open = !['closed', 'cancelled'].includes(r.status as string);
  return {
    id: r.id as string,
    number: r.number as string,
    buildingCode: r.building_code as string,
    address: (r.address as string | null) ?? null,
    villageName: (r.village_name as string | null) ?? null,
    townName: (r.town_name as string | null) ?? null,
    regionCode: r.region_code as string,
    category: r.category as CaseCategory,
    severity: r.severity as 'serious' | 'general',
    status: r.status as CaseStatus,
    activeElements: (r.active_elements as string[]) ?? [],
    dueAt: iso(due),
    dueFrom: iso(r.due_from),
    overdue: open && due != null && due.getTime() < Date.now(),
    escalationCount: r.escalation_count as number,
    recheckFailures: r.recheck_failures as number,
    createdAt: iso(r.created_at) as string,
    closedAt: iso(r.closed_at),
  };
}

function toRecord(r: Row): CaseRecord {
  const responsible = r.responsible as { name?: string; phone?: string; relation?: string } | null;
  return {
    ...toSummary(r),
    definitionVersion: r.definition_version as number,
    description: r.description as string,
    source: r.source as string,
    sourceRef: (r.source_ref as string | null) ?? null,
    // Owner data: masked here; the full view is not offered on cases (the house file audits it).
    responsible: responsible
      ? { name: maskName(responsible.name ?? null), phone: maskPhone(responsible.phone ?? null), relation: responsible.relation ?? null }
      : null,
    measures: (r.measures as string[] | null) ?? [],
    rectifyDeadline: (r.rectify_deadline as string | null) ?? null,
    deadlineInForce: deadlineInForce((r.rectify_deadline as string | null) ?? null, (r.rectify_task as RectifyTaskDue | null) ?? null),
    appraisalGrade: (r.appraisal_grade as string | null) ?? null,
    demolished: r.demolished === true,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    evidenceSubmitterId: (r.evidence_submitter_id as string | null) ?? null,
    createdByName: (r.created_by_name as string | null) ?? null,
    createdByUsername: (r.created_by_username as string | null) ?? null,
    workflowStarted: r.workflow_started_at != null,
  };
}

export class CaseStore {
  constructor(private readonly db: Db) {}

  base(db: Db = this.db) {
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

  /** Writes the case row (first half of the dual write); the workflow is started after the commit. */
  async create(input: NewCase, db: Db): Promise<{ id: string; number: string }> {
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
      })
      .returning(['id', 'number'])) as { id: string; number: string }[];
    if (!row) throw new Error('insert returned no case');
    return row;
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
    return paged<Row, CaseSummary>(query, params, CASE_SORT, 'createdAt', 'c.id', toSummary);
  }

  /** One case the ability may read (or any case, for the workflow side). */
  async find(ability: AppAbility | null, id: string, db: Db = this.db): Promise<CaseRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const query = this.base(db)
      .leftJoin('users as cu', 'cu.id', 'c.created_by')
      .select('cu.name as created_by_name', 'cu.username as created_by_username', db.raw(`${RECTIFY_TASK_SQL} AS rectify_task`))
      .where('c.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Case', CASE_SCOPE);
    const [row] = await runPrepared<Row>(db, query.limit(1));
    return row && toRecord(row);
  }

  /**
   * The case page in one query: the case with its open task rows (as the inbox reads them) and the
   * number of times each BPMN element was entered.
   */
  async findWithState(
    ability: AppAbility,
    id: string,
  ): Promise<{ record: CaseRecord; taskRows: Record<string, unknown>[]; visits: Record<string, number> } | undefined> {
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
      db,
      query.limit(1),
    );
    if (!row) return undefined;
    const date = (v: unknown) => (v == null ? null : new Date(v as string));
    // The task rows as TaskStore reads them: the case's columns beside each task's own.
    const taskRows = row.open_task_rows.map((t) => ({
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
    }));
    return { record: toRecord(row), taskRows, visits: row.element_visits };
  }

  /** Cases written more than `olderThanMs` ago whose workflow was never seen to start (the sweeper's list). */
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
}
