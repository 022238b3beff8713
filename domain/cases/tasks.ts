/**
 * The task inbox's rows, as one user sees them: the `tasks` rows the workflow writes, each with whether
 * the user may claim or complete it. Four views of one user: mine (claimed by me), claimable (my role, my
 * region, a case I may see, and never a recheck of my own evidence), done by me, overdue. The queries
 * are `DatabaseTaskStore`'s (database-task-store.ts).
 */
import { ineligibility } from '../../definitions/hazard-case/eligibility.ts';
import { hazardCaseDefinition } from '../../definitions/hazard-case/index.ts';
import type { Severity, StepId } from '../../definitions/hazard-case/types.ts';
import type { TaskStatus } from '../../workflows/hazard-case/messages.ts';
import type { CaseCategory } from './enums.ts';

export const TASK_VIEWS = ['mine', 'claimable', 'done', 'overdue'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export interface InboxUser {
  id: string;
  role: string;
  regionCode: string;
}

export interface TaskRow {
  id: string;
  caseId: string;
  caseNumber: string;
  step: StepId;
  stepName: string;
  elementId: string;
  status: TaskStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  completedAt: string | null;
  outcome: string | null;
  severity: Severity;
  category: CaseCategory;
  buildingCode: string;
  address: string | null;
  villageName: string | null;
  regionCode: string;
  canClaim: boolean;
  canComplete: boolean;
}

export interface TaskInCase {
  task: TaskRow;
  caseRegionCode: string;
  definitionVersion: number;
}

export interface TaskFilter {
  step?: string | undefined;
  severity?: string | undefined;
  q?: string | undefined;
}

export const TASK_SORT = { dueAt: 't.due_at', createdAt: 't.created_at', completedAt: 't.completed_at' };

/** Counts up to this many are always exact and current; above it, a count may be reused (see `DatabaseTaskStore`). */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * A `tasks` row (with its case's columns, as the stores read it) shaped for one user: whether they may
 * claim or complete it now.
 */
export function toTaskRow(r: Record<string, unknown>, user: InboxUser): TaskRow {
  const def = hazardCaseDefinition(r.definition_version as number);
  const step = r.step as StepId;
  const due = r.due_at as Date | null;
  const live = r.status === 'open' || r.status === 'claimed';
  // The workflow's rule (role, region, four-eyes), on a case in the user's area (the API's read rule).
  const eligible =
    live &&
    ineligibility(
      def,
      { step, roles: r.roles as string[], regionCode: r.region_code as string },
      user,
      (r.evidence_submitter_id as string | null) ?? null,
    ) === null &&
    (r.case_region_code as string).startsWith(user.regionCode);
  return {
    id: r.id as string,
    caseId: r.case_id as string,
    caseNumber: r.case_number as string,
    step,
    stepName: def.steps[step]?.name ?? step,
    elementId: r.element_id as string,
    status: r.status as TaskStatus,
    assigneeId: (r.assignee_id as string | null) ?? null,
    assigneeName: (r.assignee_name as string | null) ?? null,
    dueAt: due ? due.toISOString() : null,
    overdue: live && due != null && due.getTime() < Date.now(),
    createdAt: (r.created_at as Date).toISOString(),
    completedAt: r.completed_at ? (r.completed_at as Date).toISOString() : null,
    outcome: (r.outcome as string | null) ?? null,
    severity: r.severity as Severity,
    category: r.category as CaseCategory,
    buildingCode: r.building_code as string,
    address: (r.address as string | null) ?? null,
    villageName: (r.village_name as string | null) ?? null,
    regionCode: r.region_code as string,
    canClaim: eligible && r.status === 'open',
    canComplete: eligible && (r.status === 'open' || r.assignee_id === user.id),
  };
}
