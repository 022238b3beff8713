/**
 * What completing a task does to a case, as data: the outcome, the next step, the changes to the case
 * and the house, whether it escalates, and the BPMN path taken. Where the case goes is read from the
 * definition's routing table; what the step's form changes on the case is written here, per step. Pure,
 * so the rules are testable alone.
 */
import { outcomeOf, routeTaken } from '../../definitions/hazard-case/routing.ts';
import type { EscalationReason, HazardCaseDefinition, StepId } from '../../definitions/hazard-case/types.ts';
import type { BuildingChange, CaseChange } from '../../domain/cases/transition.ts';
import type { CaseState, CompleteTaskArgs, TaskState } from './messages.ts';

/** Everything a completion changes, for the workflow to write in one transition. */
export interface CompletionPlan {
  outcome: string;
  nextStep: StepId | null;
  /** The next task's due time when the form sets it (assign's rectification deadline); undefined: the definition's. */
  nextDueAt: string | null | undefined;
  closes: boolean;
  caseChange: CaseChange;
  stateChange: Partial<CaseState>;
  building: BuildingChange | null;
  escalate: { reason: string; text: string } | null;
  /** BPMN elements passed from the completed task to the next one. */
  path(next: TaskState | null): string[];
}

/** End of a Beijing calendar day (deadlines given as dates mean the whole day). */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

/** The escalation's text, as the supervision system shows it, per reason. */
const ESCALATION_TEXT: Record<EscalationReason, (failures: number | null, form: Record<string, unknown>) => string> = {
  recheck_failed_twice: (failures) => `复核第 ${failures ?? 0} 次不通过`,
  resent: (_failures, form) => `督办重新上报：${String(form.note ?? '')}`,
};

/** The plan for completing `task` with `args`: the route from the definition's table, the form's changes from the step. */
export function completionPlan(
  def: HazardCaseDefinition,
  state: CaseState,
  task: TaskState,
  args: Pick<CompleteTaskArgs, 'form' | 'actor' | 'fileIds'>,
  buildingCode: string,
  /** Whether a serious case's rectify task (after control) takes the deadline set at assignment (patched in; see the workflow). */
  deadlineAfterControl: boolean,
): CompletionPlan {
  const form = args.form;
  const step = task.step;
  const outcome = outcomeOf(def.steps[step], form);
  const { hop, failures } = routeTaken(def, step, outcome, state);
  const next = hop.to;
  const caseChange: CaseChange = { status: next ? (def.steps[next].status ?? undefined) : hop.closes ? 'closed' : undefined };
  const stateChange: Partial<CaseState> = {};
  let nextDueAt: string | null | undefined;
  let building: BuildingChange | null = null;

  // What each step's form changes on the case (routing aside).
  switch (step) {
    case 'assign': {
      caseChange.responsible = form.responsibleParty as Record<string, unknown>;
      caseChange.measures = form.measures as string[];
      const deadline = typeof form.rectifyDeadline === 'string' ? form.rectifyDeadline : null;
      caseChange.rectifyDeadline = deadline;
      stateChange.rectifyDeadline = deadline;
      // A serious case goes to control first; the officer's rectification deadline applies to rectify,
      // set when control completes.
      if (next === 'rectify' && deadline) nextDueAt = endOfDay(deadline);
      break;
    }
    case 'control':
      if (deadlineAfterControl && state.rectifyDeadline) nextDueAt = endOfDay(state.rectifyDeadline);
      break;
    case 'rectify': {
      stateChange.evidenceSubmitterId = args.actor.id;
      caseChange.evidenceSubmitterId = args.actor.id;
      if (typeof form.appraisalGrade === 'string') {
        caseChange.appraisalGrade = form.appraisalGrade;
        stateChange.appraisalGrade = form.appraisalGrade;
      }
      if (form.demolished === true) {
        caseChange.demolished = true;
        stateChange.demolished = true;
      }
      break;
    }
    case 'close': {
      const grade = (form.appraisalGrade as string | undefined) ?? state.appraisalGrade;
      if (grade) caseChange.appraisalGrade = grade;
      if (form.demolished === true) caseChange.demolished = true;
      building = { code: buildingCode, latestJudgement: 'none', rectificationStatus: 'done', appraisalGrade: grade ?? null };
      break;
    }
    case 'recheck':
    case 'escalationRefused':
      break;
  }
  if (failures !== null) {
    caseChange.recheckFailures = failures;
    stateChange.recheckFailures = failures;
  }
  if (hop.closes) caseChange.closed = true;
  return {
    outcome,
    nextStep: next,
    nextDueAt,
    closes: hop.closes === true,
    caseChange,
    stateChange,
    building,
    escalate: hop.escalate ? { reason: hop.escalate, text: ESCALATION_TEXT[hop.escalate](failures, form) } : null,
    path: (nextTask) => [...hop.via, ...(nextTask ? [nextTask.elementId] : [])],
  };
}
