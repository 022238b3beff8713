/**
 * The hazard case's messages, defined once: the workflow sets their handlers, the API calls them by the
 * same constants. Human work arrives as updates (validated before they are recorded); the supervision
 * system's callbacks as a signal; the live state as a query.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Severity, StepId } from '../../definitions/hazard-case/types.ts';
import type { CaseStatus } from '../../domain/cases/enums.ts';
import type { Actor } from '../shared/messages.ts';

// Defined once elsewhere, re-exported here so the case's callers find them beside its messages.
export type { CaseStatus } from '../../domain/cases/enums.ts';
export type { Actor } from '../shared/messages.ts';
export { REFUSAL } from '../shared/messages.ts';

export const HAZARD_CASE_WORKFLOW = 'hazardCaseWorkflow';

/** One workflow per case: starting it twice is harmless, and the sweeper can find it by id. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export interface HazardCaseInput {
  caseId: string;
  definitionVersion: number;
  severity: Severity;
  /** The house's village code. */
  regionCode: string;
  buildingCode: string;
  /** Seconds in one definition day, fixed for the life of the case (tests use 1). */
  daySeconds: number;
  registeredBy: Actor | null;
  /**
   * The `CaseStatus` and `DueAt` search attributes the start already set: the first step's status and
   * due time (see `startIndex`), so registering needs no upsert, and the first task takes this due
   * time. Absent in cases started before it was sent, which upsert them as they always did.
   */
  startIndex?: StartIndex;
}

/** The search attributes a case is indexed by from its start: the status and due time of its first task. */
export interface StartIndex {
  status: CaseStatus;
  dueAt: string | null;
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

export interface TaskState {
  id: string;
  taskNo: number;
  step: StepId;
  elementId: string;
  roles: string[];
  regionCode: string;
  status: TaskStatus;
  assigneeId: string | null;
  dueAt: string | null;
  /** For an escalation-refused task: which escalation it is about. */
  escalationNo?: number;
}

export interface EscalationState {
  no: number;
  reason: string;
  reasonText: string;
  status: 'sending' | 'accepted' | 'refused' | 'handled';
  receiptId: string | null;
}

/** Answer of the `caseState` query (and the workflow's result). */
export interface CaseState {
  caseId: string;
  definitionVersion: number;
  severity: Severity;
  status: CaseStatus;
  /** Tasks not yet completed or cancelled. */
  openTasks: TaskState[];
  recheckFailures: number;
  escalations: EscalationState[];
  /** Who submitted the latest rectification evidence (never its rechecker). */
  evidenceSubmitterId: string | null;
  appraisalGrade: string | null;
  demolished: boolean;
  /** The rectification deadline set at assignment (YYYY-MM-DD); absent on states from before it was kept. */
  rectifyDeadline?: string | null;
  /** Times each BPMN element was entered. */
  visits: Record<string, number>;
  seq: number;
}

export interface TaskArgs {
  taskId: string;
  actor: Actor;
}

export interface CompleteTaskArgs extends TaskArgs {
  /** The step's form, already checked against its schema by the API. */
  form: Record<string, unknown>;
  /** Evidence files of this completion, already stored and checked to belong to the case. */
  fileIds: string[];
}

export interface ReassignTaskArgs extends TaskArgs {
  to: Actor;
  reason?: string;
}

export interface CaseActionArgs {
  actor: Actor;
  reason: string;
}

export interface SupervisionCallbackArgs {
  callbackId: string;
  receiptId: string;
  kind: 'acknowledged' | 'instruction' | 'result';
  text: string;
  sentAt: string;
}

export const caseStateQuery = defineQuery<CaseState>('caseState');
/** Sent with the start (update-with-start): answers once the registration is written, so the caller sees the first task. */
/**
 * What an update answers: the step it was recorded as. The caller reads the case from the read models,
 * already written when the answer comes; `caseStateQuery` gives the whole live state. Small, because
 * each answer is kept in the workflow's history.
 */
export interface CaseAck {
  caseId: string;
  seq: number;
  status: CaseStatus;
}

export const registeredUpdate = defineUpdate<CaseAck, []>('awaitRegistration');
export const claimTaskUpdate = defineUpdate<CaseAck, [TaskArgs]>('claimTask');
export const releaseTaskUpdate = defineUpdate<CaseAck, [TaskArgs]>('releaseTask');
export const completeTaskUpdate = defineUpdate<CaseAck, [CompleteTaskArgs]>('completeTask');
export const reassignTaskUpdate = defineUpdate<CaseAck, [ReassignTaskArgs]>('reassignTask');
export const cancelCaseUpdate = defineUpdate<CaseAck, [CaseActionArgs]>('cancelCase');
export const escalateCaseUpdate = defineUpdate<CaseAck, [CaseActionArgs]>('escalateCase');
export const supervisionCallbackSignal = defineSignal<[SupervisionCallbackArgs]>('supervisionCallback');
