/**
 * What completing a task does to a case, as data: the outcome, the next step, the changes to the case
 * and the house, whether it escalates, and the BPMN path taken. Pure, so the rules are testable alone.
 */
import type { HazardCaseDefinition, StepId } from '../../definitions/hazard-case/types.ts';
import type { BuildingChange, CaseChange } from '../../domain/cases/transition.ts';
import type { CaseState, CompleteTaskArgs, TaskState } from './messages.ts';
import { nextStep } from './rules.ts';

const STATUS: Record<StepId, CaseChange['status']> = {
  assign: 'assigning',
  control: 'controlling',
  rectify: 'rectifying',
  recheck: 'rechecking',
  close: 'closing',
  escalationRefused: undefined,
};

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

export function completionPlan(
  def: HazardCaseDefinition,
  state: CaseState,
  task: TaskState,
  args: Pick<CompleteTaskArgs, 'form' | 'actor' | 'fileIds'>,
  buildingCode: string,
  /** Whether a serious case's rectify task (after control) takes the deadline set at assignment (patched in; see the workflow). */
  deadlineAfterControl: boolean,
): CompletionPlan {
  const el = def.elements;
  const form = args.form;
  const step = task.step;
  const next = step === 'escalationRefused' ? null : nextStep(state, step, form);
  const caseChange: CaseChange = { status: next ? STATUS[next] : step === 'close' ? 'closed' : undefined };
  const stateChange: Partial<CaseState> = {};
  let outcome = def.steps[step].outcomes[0] ?? 'done';
  let nextDueAt: string | null | undefined;
  let escalate: CompletionPlan['escalate'] = null;
  let building: BuildingChange | null = null;
  let via: string[] = [];

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
      via = next === 'control' ? [el.severityGateway] : [el.severityGateway, el.toRectify];
      break;
    }
    case 'control':
      if (deadlineAfterControl && state.rectifyDeadline) nextDueAt = endOfDay(state.rectifyDeadline);
      via = [el.toRectify];
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
    case 'recheck': {
      outcome = form.result === 'pass' ? 'pass' : 'fail';
      if (outcome === 'fail') {
        const failures = state.recheckFailures + 1;
        caseChange.recheckFailures = failures;
        stateChange.recheckFailures = failures;
        if (failures >= def.recheckFailuresToEscalate) {
          escalate = { reason: 'recheck_failed_twice', text: `复核第 ${failures} 次不通过` };
          via = [el.recheckGateway, el.recheckEscalation, el.toRectify];
        } else via = [el.recheckGateway, el.toRectify];
      } else via = [el.recheckGateway];
      break;
    }
    case 'close': {
      const grade = (form.appraisalGrade as string | undefined) ?? state.appraisalGrade;
      if (grade) caseChange.appraisalGrade = grade;
      if (form.demolished === true) caseChange.demolished = true;
      caseChange.closed = true;
      building = {
        code: buildingCode,
        latestJudgement: 'none',
        rectificationStatus: 'done',
        appraisalGrade: grade ?? null,
      };
      via = [el.closed];
      break;
    }
    case 'escalationRefused':
      outcome = form.action === 'resent' ? 'resent' : 'handled';
      if (outcome === 'resent') escalate = { reason: 'resent', text: `督办重新上报：${String(form.note ?? '')}` };
      else via = [el.escalationHandled];
      break;
  }
  return {
    outcome,
    nextStep: next,
    nextDueAt,
    closes: step === 'close',
    caseChange,
    stateChange,
    building,
    escalate,
    path: (nextTask) => [...via, ...(nextTask ? [nextTask.elementId] : [])],
  };
}
