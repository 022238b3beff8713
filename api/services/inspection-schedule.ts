/**
 * 定期巡查 through the API: the inspector's batch (the houses handed to them, most urgent first), the
 * coverage figures (覆盖率: houses due, inspected on time, late, overdue; per village and per inspector)
 * and the list behind each figure, read with the same CASL rules as inspections. A figure's window is
 * answered with it, so its link asks for exactly the same items.
 */
import type { AppAbility } from '../../domain/abilities.ts';
import { RuleError } from '../../domain/errors.ts';
import type { Coverage, CoverageClass, CoverageFilter, DueItem, InspectionDueStore } from '../../domain/inspection-schedule/store.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { CaseUser } from './cases.ts';

export interface CoverageQuery {
  from?: string | undefined;
  to?: string | undefined;
  regionCode?: string | undefined;
  assigneeId?: string | undefined;
  unassigned?: boolean | undefined;
  coverage?: CoverageClass | undefined;
}

/** The default window: items due in the last 30 days (of CASE_DAY_SECONDS) up to now. */
const DEFAULT_WINDOW_DAYS = 30;
/** Moments the database and the calendar agree on (PostgreSQL has no year 0). */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('2200-01-01T00:00:00Z');

export class InspectionScheduleService {
  constructor(private readonly deps: { inspectionDue: InspectionDueStore; daySeconds: number }) {}

  /** The houses handed to the user and not yet inspected. */
  batch(user: CaseUser, params: ListParams): Promise<ListResult<DueItem>> {
    return this.deps.inspectionDue.batch(user.id, params);
  }

  async coverage(ability: AppAbility, query: CoverageQuery): Promise<Coverage & { from: string; to: string; at: string }> {
    const now = new Date().toISOString();
    const filter = this.filter(query, now);
    return { ...(await this.deps.inspectionDue.coverage(ability, filter, now)), from: filter.from, to: filter.to, at: now };
  }

  list(ability: AppAbility, query: CoverageQuery, params: ListParams): Promise<ListResult<DueItem>> {
    const now = new Date().toISOString();
    return this.deps.inspectionDue.list(ability, this.filter(query, now), params, now);
  }

  private filter(query: CoverageQuery, now: string): CoverageFilter {
    for (const field of ['from', 'to'] as const) {
      const at = query[field];
      if (at !== undefined && !(Date.parse(at) >= EARLIEST && Date.parse(at) <= LATEST))
        throw RuleError.field(`query.${field}`, 'range', '时间须在 1970 年至 2200 年之间', 'WINDOW_RANGE');
    }
    const to = query.to ?? now;
    const from = query.from ?? new Date(Date.parse(to) - DEFAULT_WINDOW_DAYS * this.deps.daySeconds * 1000).toISOString();
    if (Date.parse(from) >= Date.parse(to)) throw RuleError.field('query.from', 'range', '开始时间须早于结束时间', 'WINDOW_RANGE');
    if (query.unassigned && query.assigneeId)
      throw RuleError.field('query.unassigned', 'conflict', '不能同时按排查员和“未分派”筛选', 'ASSIGNEE_CONFLICT');
    return {
      from,
      to,
      regionCode: query.regionCode,
      assigneeId: query.assigneeId,
      unassigned: query.unassigned,
      coverage: query.coverage,
    };
  }
}
