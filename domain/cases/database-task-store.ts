/**
 * The task inbox in SQL: the four views of one user on the `tasks` rows the workflow writes, sorted by
 * due date; the partial indexes of migration 0008 serve each view. Counts are capped (see `count`).
 */
import type { Knex } from 'knex';
import { NOT_BY_EVIDENCE_SUBMITTER } from '../../definitions/hazard-case/eligibility.ts';
import { runPrepared } from '../db.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { TaskCandidate, TaskStore } from './store.ts';
import { EXACT_COUNT_LIMIT, TASK_SORT, TASK_VIEWS, toTaskRow } from './tasks.ts';
import type { InboxUser, TaskFilter, TaskInCase, TaskRow, TaskView } from './tasks.ts';

const OFFICERS = ['district_admin', 'district_officer', 'town_officer'];

const like = (code: string) => `${code}%`;

/**
 * Cases in the user's region. A village (the last level, 12 digits) is matched by equality: the planner
 * then reads a page in due order straight from the (case region, due date) index, where a prefix range
 * would make it walk every open task by due date to find the village's few.
 */
function inRegion(q: Knex.QueryBuilder, regionCode: string): Knex.QueryBuilder {
  return regionCode.length === 12 ? q.where('t.case_region_code', regionCode) : q.where('t.case_region_code', 'like', like(regionCode));
}

export class DatabaseTaskStore implements TaskStore {
  private readonly bigCounts = new Map<string, { n: number; until: number }>();

  /** `bigCountMs`: how long a count above EXACT_COUNT_LIMIT is reused (0: never). */
  constructor(
    private readonly db: Db,
    private readonly bigCountMs = 0,
  ) {}

  /**
   * The number of rows `q` (on `tasks as t` alone) matches. Counting is the inbox's dearest part: a
   * town's 17,500 claimable tasks took 13-16 ms to count on every page turn, where the page itself
   * took 1 ms. So rows are counted only up to EXACT_COUNT_LIMIT + 1; a count that small is exact and
   * current, so a task completed or claimed shows at once. A larger one is counted in full once and
   * reused for `bigCountMs` by this process, per query (the user, the view and its filters): a list
   * of thousands is off by a few for that long.
   */
  private async count(q: Knex.QueryBuilder): Promise<number> {
    const full = async () => ((await q.clone().count({ n: '*' }).first()) as { n: number }).n;
    // Nothing is reused: one full count, without first counting up to the limit.
    if (this.bigCountMs === 0) return full();
    const capped = (await this.db
      .from(
        q
          .clone()
          .select(this.db.raw('1'))
          .limit(EXACT_COUNT_LIMIT + 1)
          .as('s'),
      )
      .count({ n: '*' })
      .first()) as { n: number };
    if (capped.n <= EXACT_COUNT_LIMIT) return capped.n;
    const { sql, bindings } = q.toSQL();
    const key = `${sql}\n${JSON.stringify(bindings)}`;
    const hit = this.bigCounts.get(key);
    if (hit && hit.until > Date.now()) return hit.n;
    const n = await full();
    if (this.bigCounts.size > 10_000) this.bigCounts.clear();
    this.bigCounts.set(key, { n, until: Date.now() + this.bigCountMs });
    return n;
  }

  private base(db: Db = this.db) {
    return db('tasks as t')
      .join('cases as c', 'c.id', 't.case_id')
      .join('buildings as b', 'b.code', 'c.building_code')
      .leftJoin('regions as v', 'v.code', 'c.region_code')
      .leftJoin('users as a', 'a.id', 't.assignee_id')
      .select(
        't.*',
        'c.number as case_number',
        'c.severity',
        'c.category',
        'c.building_code',
        'c.definition_version',
        'c.evidence_submitter_id',
        'b.address',
        'v.name as village_name',
        'a.name as assignee_name',
      );
  }

  /**
   * Tasks the user could claim now: open, their role, a case in their region, and never a four-eyes
   * step (the recheck) of evidence they submitted. (A task's own region is its case's village cut to
   * the step's level, so a case inside the user's region always has its tasks in that region or in one
   * holding it: the workflow's region rule needs no separate condition here.)
   */
  private claimable(q: Knex.QueryBuilder, user: InboxUser): Knex.QueryBuilder {
    return inRegion(q.where('t.status', 'open'), user.regionCode)
      .whereRaw('t.roles @> ARRAY[?]::text[]', [user.role])
      .whereRaw(`NOT (t.step = ANY(?::text[]) AND EXISTS (SELECT 1 FROM cases k WHERE k.id = t.case_id AND k.evidence_submitter_id = ?))`, [
        [...NOT_BY_EVIDENCE_SUBMITTER],
        user.id,
      ]);
  }

  /** The view's conditions, on `tasks as t` alone (so counts need no join). */
  private where(q: Knex.QueryBuilder, user: InboxUser, view: TaskView, db: Db = this.db): Knex.QueryBuilder {
    switch (view) {
      case 'mine':
        return q.where('t.status', 'claimed').where('t.assignee_id', user.id);
      case 'claimable':
        return this.claimable(q, user);
      case 'done':
        return q.where('t.status', 'completed').where('t.completed_by', user.id);
      case 'overdue':
        q.whereIn('t.status', ['open', 'claimed']).where('t.due_at', '<', db.fn.now());
        // Officers oversee every late task of their area, whoever holds it (their claimable ones included).
        if (OFFICERS.includes(user.role)) return inRegion(q, user.regionCode);
        return q.where((w) => w.where('t.assignee_id', user.id).orWhere((sub) => void this.claimable(sub, user)));
    }
  }

  async list(user: InboxUser, view: TaskView, params: ListParams & TaskFilter): Promise<ListResult<TaskRow>> {
    // Filters on the case or the house are subqueries, so the count runs on the tasks alone.
    const filter = (q: Knex.QueryBuilder) => {
      this.where(q, user, view);
      if (params.step) q.where('t.step', params.step);
      if (params.severity)
        q.whereExists((e) => e.select(1).from('cases as k').whereRaw('k.id = t.case_id').where('k.severity', params.severity));
      if (params.q) {
        const text = `%${params.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        q.whereExists((e) =>
          e
            .select(1)
            .from('cases as k')
            .join('buildings as kb', 'kb.code', 'k.building_code')
            .whereRaw('k.id = t.case_id')
            .where((w) =>
              w.where('k.number', 'ilike', text).orWhere('kb.address', 'ilike', text).orWhere('k.building_code', 'ilike', text),
            ),
        );
      }
      return q;
    };
    const defaultSort = view === 'done' ? 'completedAt' : 'dueAt';
    const column = TASK_SORT[(params.sort ?? defaultSort) as keyof typeof TASK_SORT] ?? TASK_SORT[defaultSort];
    const order = params.order ?? (view === 'done' ? 'desc' : 'asc');
    const [total, rows] = (await Promise.all([
      this.count(filter(this.db('tasks as t'))),
      filter(this.base())
        .orderBy(column, order)
        .orderBy('t.id', 'asc')
        .limit(params.perPage)
        .offset((params.page - 1) * params.perPage),
    ])) as [number, Record<string, unknown>[]];
    return { total, data: rows.map((r) => toTaskRow(r, user)) };
  }

  async counts(user: InboxUser): Promise<Record<TaskView, number>> {
    const entries = await Promise.all(
      TASK_VIEWS.map(async (view) => [view, await this.count(this.where(this.db('tasks as t'), user, view))] as const),
    );
    return Object.fromEntries(entries) as Record<TaskView, number>;
  }

  /**
   * One task with what the API needs to authorise work on it without reading its case again: the
   * case's region (checked by the caller against the user's abilities) and definition version.
   */
  async find(id: string, user: InboxUser): Promise<TaskInCase | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await runPrepared<Record<string, unknown>>(this.base().where('t.id', id).limit(1));
    if (!row) return undefined;
    return {
      task: toTaskRow(row, user),
      caseRegionCode: row.case_region_code as string,
      definitionVersion: row.definition_version as number,
    };
  }

  /** Users who could take a task: its roles, a region meeting the task's, able to see the case. */
  async candidates(task: TaskRow, caseRegion: string, submitterId: string | null): Promise<TaskCandidate[]> {
    const q = this.db('users')
      .where('disabled', false)
      .whereIn('role', (await this.db('tasks').where({ id: task.id }).first('roles')).roles as string[])
      .whereRaw('? LIKE region_code || ?', [caseRegion, '%'])
      .where((w) => w.whereRaw('? LIKE region_code || ?', [task.regionCode, '%']).orWhere('region_code', 'like', like(task.regionCode)))
      .orderBy('name')
      .limit(200)
      .select('id', 'name', 'role', 'region_code as regionCode');
    if (NOT_BY_EVIDENCE_SUBMITTER.includes(task.step) && submitterId) q.whereNot('id', submitterId);
    return (await q) as TaskCandidate[];
  }

  async lastRectifyDue(caseId: string): Promise<Date | null> {
    const row = (await this.db('tasks').where({ case_id: caseId, step: 'rectify' }).orderBy('task_no', 'desc').first('due_at')) as
      { due_at: Date | null } | undefined;
    return row?.due_at ?? null;
  }
}
