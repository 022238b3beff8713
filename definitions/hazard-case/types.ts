/**
 * The shape of a hazard case definition (隐患案件): the steps of the BPMN process with who works them,
 * at which region level, their deadlines, outcomes and routing (the case status a step gives, and where
 * each outcome leads, through which BPMN elements). Pure types, so workflow code, the API and the UI can
 * all import them; the workflow, its completion plan and the inbox all read the one routing table.
 */

/** A human step of the case, one BPMN user task. */
export type StepId = 'assign' | 'control' | 'rectify' | 'recheck' | 'close' | 'escalationRefused';

/** The roles that may work a case step (DOMAIN.md "Who uses it"). */
export type CaseRole = 'district_admin' | 'district_officer' | 'town_officer' | 'inspector';

/** The level of the region whose users get a step's task. */
export type RegionLevel = 'district' | 'town' | 'village';

/** Follows the preliminary judgement: 存在严重安全隐患 or 存在一定安全隐患. */
export type Severity = 'serious' | 'general';

/** The case status while a step's task is the case's main task (a subset of the case's statuses). */
export type StepStatus = 'assigning' | 'controlling' | 'rectifying' | 'rechecking' | 'closing';

/** Why a hop escalates the case to the supervision system (the escalation's `reason`). */
export type EscalationReason = 'recheck_failed_twice' | 'resent';

/** One hop out of a completed task: the step it leads to and the BPMN elements passed on the way. */
export interface Hop {
  /** The step whose task opens next; null: none (the case closes, or a side branch ends). */
  to: StepId | null;
  /** The elements passed after the completed task, in order, before the next task (or ending the branch). */
  via: readonly string[];
  /** The case closes: its other tasks are cancelled and its status becomes closed. */
  closes?: true;
  /** After the hop, the case is escalated to the supervision system for this reason. */
  escalate?: EscalationReason;
}

/**
 * Where one outcome leads: the same hop for every case, a hop per severity, or (a failed recheck) a
 * counted failure that takes `below` until the count reaches `recheckFailuresToEscalate`, then `atThreshold`.
 */
export type Route = { hop: Hop } | { bySeverity: Readonly<Record<Severity, Hop>> } | { failure: { below: Hop; atThreshold: Hop } };

/** One human step: its BPMN element, who works it, its deadline, and where its outcomes lead. */
export interface StepDefinition {
  id: StepId;
  /** The BPMN user task. */
  elementId: string;
  /** Chinese name, as in the diagram. */
  name: string;
  nameEn: string;
  roles: readonly CaseRole[];
  regionLevel: RegionLevel;
  /** deadline in definition days per severity; null = no deadline */
  deadlineDays: { serious: number | null; general: number | null };
  /** reminders, in days before the deadline */
  reminderDaysBefore: readonly number[];
  /** The outcomes a completion may report. */
  outcomes: readonly string[];
  /**
   * The form field that names the outcome when there is a choice; a value not among `outcomes` counts
   * as the last one. null: the step has one outcome.
   */
  outcomeField: string | null;
  /** The case status while this step's task is open; null: a side task that leaves the status as it is. */
  status: StepStatus | null;
  /** Where each outcome leads (one entry per outcome). */
  next: Readonly<Record<string, Route>>;
  /** Four eyes: whoever submitted the case's latest rectification evidence may not work this step. */
  notByEvidenceSubmitter: boolean;
  /** boundary timer element, when the step has a deadline */
  timerElementId: string | null;
  /** escalation end event reached when the deadline passes */
  overdueElementId: string | null;
}

/** One version of the hazard case process. A running case keeps the version it started with. */
export interface HazardCaseDefinition {
  type: 'hazard';
  version: number;
  name: string;
  /** The BPMN process id. */
  processId: string;
  steps: Readonly<Record<StepId, StepDefinition>>;
  /** The step whose task a registered case opens first. */
  firstStep: StepId;
  /** every other element the workflow reports, by meaning */
  elements: {
    start: string;
    severityGateway: string;
    toRectify: string;
    recheckGateway: string;
    recheckEscalation: string;
    closed: string;
    escalationStart: string;
    escalate: string;
    escalationResult: string;
    escalationSent: string;
    escalationHandled: string;
    cancelStart: string;
    cancelled: string;
  };
  /** the recheck failure count that escalates (2) */
  recheckFailuresToEscalate: number;
}
