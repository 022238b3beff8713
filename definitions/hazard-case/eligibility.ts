/**
 * Who may work a task of a hazard case: the step's roles, a region meeting the task's, and the
 * four-eyes rule of the steps that carry it (the recheck: never the one who submitted the evidence).
 * One pure function, read by
 * the workflow's update validators (the rule that decides) and by the task rows the API lists (the
 * buttons it offers), so the two never disagree.
 */
import { HAZARD_CASE_DEFINITIONS } from './index.ts';
import type { HazardCaseDefinition, StepId } from './types.ts';

/** The parts of a task the rule reads. */
export interface EligibilityTask {
  step: StepId;
  roles: readonly string[];
  /** The task's region: the case's village cut to the step's region level. */
  regionCode: string;
}

/** The parts of a person the rule reads. */
export interface EligibilityUser {
  id: string;
  role: string;
  regionCode: string;
}

/** Why a person may not work a task: not their role or region, or a recheck of their own evidence. */
export type Ineligibility = 'roleOrRegion' | 'ownEvidence';

/** Region codes nest by prefix: a user works tasks inside their region, or of a region holding theirs. */
export function regionsMeet(userRegion: string, taskRegion: string): boolean {
  return taskRegion.startsWith(userRegion) || userRegion.startsWith(taskRegion);
}

/**
 * Why `user` may not work `task` of a case of definition `def`, or null when they may.
 * `evidenceSubmitterId`: who submitted the case's latest rectification evidence (null: nobody yet).
 */
export function ineligibility(
  def: HazardCaseDefinition,
  task: EligibilityTask,
  user: EligibilityUser,
  evidenceSubmitterId: string | null,
): Ineligibility | null {
  if (!task.roles.includes(user.role) || !regionsMeet(user.regionCode, task.regionCode)) return 'roleOrRegion';
  if (def.steps[task.step]?.notByEvidenceSubmitter && evidenceSubmitterId === user.id) return 'ownEvidence';
  return null;
}

/** The steps, in any version, that the evidence submitter may not work: for the inbox's SQL form of the rule. */
export const NOT_BY_EVIDENCE_SUBMITTER: readonly StepId[] = [
  ...new Set(
    Object.values(HAZARD_CASE_DEFINITIONS).flatMap((def) =>
      Object.values(def.steps)
        .filter((s) => s.notByEvidenceSubmitter)
        .map((s) => s.id),
    ),
  ),
];
