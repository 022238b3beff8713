/**
 * One step of a case as the workflow hands it to the read models: an event for the trail plus the
 * changes to the case row, its tasks, its escalations and (at close) the house. The activity applies
 * it in one transaction, keyed by (case, seq), so a retry or a replay writes nothing twice.
 */
import type { Actor, CaseStatus, TaskStatus } from '../../workflows/hazard-case/messages.ts';

export interface TransitionEvent {
  type: string;
  elementId: string | null;
  taskId: string | null;
  actor: Actor | null;
  data: Record<string, unknown>;
}

export interface TaskOpen {
  id: string;
  taskNo: number;
  step: string;
  elementId: string;
  roles: string[];
  regionCode: string;
  dueAt: string | null;
  assigneeId: string | null;
}

export interface TaskChange {
  id: string;
  status: TaskStatus;
  assigneeId?: string | null;
  /** completed tasks: who, what and the form */
  completedBy?: string;
  outcome?: string;
  form?: Record<string, unknown>;
  /** evidence files to attach to this task */
  fileIds?: string[];
}

export interface CaseChange {
  status?: CaseStatus;
  activeElements?: string[];
  dueAt?: string | null;
  recheckFailures?: number;
  evidenceSubmitterId?: string;
  escalationCount?: number;
  responsible?: Record<string, unknown>;
  measures?: string[];
  rectifyDeadline?: string | null;
  appraisalGrade?: string | null;
  demolished?: boolean;
  cancelReason?: string;
  closed?: boolean;
}

export interface EscalationChange {
  no: number;
  reason?: string;
  reasonText?: string;
  elementId?: string | null;
  status: 'sending' | 'accepted' | 'refused' | 'handled';
  receiptId?: string | null;
  error?: string | null;
}

export interface BuildingChange {
  code: string;
  latestJudgement: string;
  rectificationStatus: string;
  appraisalGrade?: string | null;
}

export interface Transition {
  caseId: string;
  seq: number;
  /** Workflow time (deterministic), ISO 8601. */
  occurredAt: string;
  event: TransitionEvent;
  case?: CaseChange;
  openTasks?: TaskOpen[];
  taskChanges?: TaskChange[];
  escalation?: EscalationChange;
  building?: BuildingChange;
}
