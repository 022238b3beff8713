/**
 * The shape of a hazard case definition (隐患案件): the steps of the BPMN process with who works them,
 * at which region level, their deadlines and outcomes. Pure types, so workflow code, the API and the UI
 * can all import them.
 */

/** A human step of the case, one BPMN user task. */
export type StepId = 'assign' | 'control' | 'rectify' | 'recheck' | 'close' | 'escalationRefused';

/** The roles that may work a case step (DOMAIN.md "Who uses it"). */
export type CaseRole = 'district_admin' | 'district_officer' | 'town_officer' | 'inspector';

/** The level of the region whose users get a step's task. */
export type RegionLevel = 'district' | 'town' | 'village';

/** Follows the preliminary judgement: 存在严重安全隐患 or 存在一定安全隐患. */
export type Severity = 'serious' | 'general';

/** One human step: its BPMN element, who works it, and its deadline. */
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
