/** A case state, tasks and people for the unit tests of the hazard case's rules and plan (no server). */
import { HAZARD_CASE_V1 } from '../../definitions/hazard-case/index.ts';
import type { StepId } from '../../definitions/hazard-case/types.ts';
import type { Actor, CaseState, TaskState } from './messages.ts';
import { taskRegion } from './rules.ts';

/** A house's village in 清城区, 横荷街道. */
export const VILLAGE = '441802006001';

/** A general case of version 1 waiting for its assignment, with `changes`. */
export function caseState(changes: Partial<CaseState> = {}): CaseState {
  return {
    caseId: 'c-1',
    definitionVersion: 1,
    severity: 'general',
    status: 'assigning',
    openTasks: [],
    recheckFailures: 0,
    escalations: [],
    evidenceSubmitterId: null,
    appraisalGrade: null,
    demolished: false,
    visits: {},
    seq: 1,
    ...changes,
  };
}

/** An open task of `step` on the village's house, as the workflow opens it. */
export function task(step: StepId, changes: Partial<TaskState> = {}): TaskState {
  const s = HAZARD_CASE_V1.steps[step];
  return {
    id: `t-${step}`,
    taskNo: 1,
    step,
    elementId: s.elementId,
    roles: [...s.roles],
    regionCode: taskRegion(VILLAGE, s.regionLevel),
    status: 'open',
    assigneeId: null,
    dueAt: null,
    ...changes,
  };
}

/** A person of `role` in `regionCode`. */
export function actor(role: string, regionCode: string, id = `u-${role}`): Actor {
  return { id, name: id, role, regionCode };
}
