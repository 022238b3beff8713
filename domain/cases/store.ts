/**
 * Cases as the API and the workers read and write them: the domain types and the store's interface.
 * The rows are the workflow's read models, scoped by the reader's CASL rules; the only writes outside
 * a workflow step are the registration (the first half of the dual write) and the evidence files.
 * The SQL lives in `database-store.ts`.
 */
import type { AppAbility } from '../abilities.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { ChainVerdict } from './chain.ts';
import type { DeadlineInForce } from './deadline.ts';
import type { Discovery } from './discovery.ts';
import type { CaseCategory, CaseStatus } from './enums.ts';
import type { InboxUser, TaskFilter, TaskInCase, TaskRow, TaskView } from './tasks.ts';
import type { HouseBrief, HouseOpenCase } from './task-context-house.ts';
import type { Transition } from './transition.ts';
import type { CaseHouseFilter } from './house-filter-sql.ts';

/** The sortable fields of the case list. */
export const CASE_SORT = { createdAt: 'c.created_at', dueAt: 'c.due_at', number: 'c.number' };

export interface CaseSummary {
  id: string;
  number: string;
  buildingCode: string;
  address: string | null;
  villageName: string | null;
  townName: string | null;
  regionCode: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  status: CaseStatus;
  activeElements: string[];
  dueAt: string | null;
  /** When the clock of `dueAt` started (the open task's creation): due dates are coloured by the share of time left. */
  dueFrom: string | null;
  overdue: boolean;
  escalationCount: number;
  recheckFailures: number;
  createdAt: string;
  closedAt: string | null;
}

export interface CaseRecord extends CaseSummary {
  definitionVersion: number;
  description: string;
  source: string;
  /** The inspection or complaint that opened the case (by `source`); null when an officer registered it. */
  sourceRef: string | null;
  responsible: { name: string | null; phone: string | null; relation: string | null } | null;
  measures: string[];
  rectifyDeadline: string | null;
  /** The rectification deadline that applies: the date set at assignment or the default one (`deadline.ts`). */
  deadlineInForce: DeadlineInForce | null;
  appraisalGrade: string | null;
  demolished: boolean;
  cancelReason: string | null;
  evidenceSubmitterId: string | null;
  createdByName: string | null;
  /** The registering account, telling apart two staff of the same name. */
  createdByUsername: string | null;
  workflowStarted: boolean;
}

/** The case list's filters; the house's are the registry's (house-filter-sql.ts). */
export interface CaseFilter extends CaseHouseFilter {
  status?: string | undefined;
  /** open: neither closed nor cancelled; closed; found: not cancelled (a 误报 is no hazard found). */
  state?: 'open' | 'closed' | 'found' | undefined;
  /** Where the hazard came from (statistics CASE_ORIGIN): officer, daily, special, complaint. */
  origin?: string | undefined;
  /** Open cases whose deadline falls on a Beijing day before this date (overdue as of that day). */
  dueBefore?: string | undefined;
  /** The Beijing day of the case's first escalation, inclusive. */
  escalatedFrom?: string | undefined;
  escalatedTo?: string | undefined;
  /** The Beijing day the case was closed, inclusive. */
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  regionCode?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  overdue?: boolean | undefined;
  buildingCode?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  q?: string | undefined;
}

export interface NewCase {
  buildingCode: string;
  regionCode: string;
  category: CaseCategory;
  severity: 'serious' | 'general';
  description: string;
  source: 'officer' | 'inspection' | 'complaint';
  sourceRef: string | null;
  definitionVersion: number;
  createdBy: string | null;
  /** The registering request's Idempotency-Key, as the idempotency record's keyed hash (see migration 0800). */
  requestRef?: string | null;
}

/** The case page's state: the case, its open tasks as the reader's inbox shows them, and BPMN element visits. */
export interface CaseState {
  record: CaseRecord;
  openTasks: TaskRow[];
  /** How many times each BPMN element was entered. */
  visits: Record<string, number>;
}

/** One event of a case's trail, as stored (data unmasked: the caller masks it). */
export interface CaseTrailEvent {
  seq: number;
  type: string;
  elementId: string | null;
  taskId: string | null;
  actorName: string | null;
  actorRole: string | null;
  /** The actor's account beside the display name: two staff may share a name, never an account. */
  actorUsername: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

/** An evidence file a step named (its task), with the step it was attached to. */
export interface CaseStepFile {
  id: string;
  taskId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** The step of the file's task. */
  step: string | null;
  createdAt: Date;
}

/** A stored evidence file, for serving it. */
export interface CaseFileRef {
  storageKey: string;
  mime: string;
  name: string;
}

export interface CaseStore {
  /** Writes the case row (first half of the dual write); the workflow is started after the commit. */
  create(input: NewCase, tx?: Db): Promise<{ id: string; number: string }>;
  /** The case a request with this key's hash registered, if any. */
  findByRequestRef(requestRef: string, tx?: Db): Promise<{ id: string; number: string } | undefined>;
  /** One page of the cases the ability may read, filtered and sorted. */
  list(ability: AppAbility, params: ListParams & CaseFilter): Promise<ListResult<CaseSummary>>;
  /** One case the ability may read (any case when `ability` is null, for the workflow side); the owner masked. */
  find(ability: AppAbility | null, id: string, tx?: Db): Promise<CaseRecord | undefined>;
  /** The case page in one query, if the ability may read the case: the case, its open tasks (for `user`), element visits. */
  findWithState(ability: AppAbility, user: InboxUser, id: string): Promise<CaseState | undefined>;
  /** Cases written more than `olderThanMs` ago whose workflow was never seen to start (the sweeper's list), oldest first. */
  unstarted(olderThanMs: number, limit?: number): Promise<CaseRecord[]>;
  /** Records that the case's workflow started (only the first time). */
  markStarted(id: string): Promise<void>;
  /** The case's trail in sequence order (the caller has checked the reader may see the case). */
  trail(caseId: string): Promise<CaseTrailEvent[]>;
  /** The evidence files the case's steps named, oldest first. */
  stepFiles(caseId: string): Promise<CaseStepFile[]>;
  /** Which of `ids` are files of the case (uploaded to it), in any order. */
  knownFiles(caseId: string, ids: readonly string[]): Promise<string[]>;
  /** One stored (not pending) evidence file of the case. */
  file(caseId: string, fileId: string): Promise<CaseFileRef | undefined>;
  /** Recomputes the case's hash chain from its stored events, in one snapshot with its `last_seq`. */
  verifyChain(caseId: string): Promise<ChainVerdict>;
  /** How the case was found (`discovery.ts`): the opening report first, then the others oldest first. */
  discoveries(kase: { id: string; source: string; sourceRef: string | null }): Promise<Discovery[]>;
  /** The case's house in brief, the owner masked (the case's read rule covers its house). */
  houseBrief(code: string): Promise<HouseBrief | null>;
  /** The house's other open cases the ability may read, oldest first, each with its open assign task if any. */
  otherOpenCases(ability: AppAbility, c: Pick<CaseRecord, 'id' | 'buildingCode'>): Promise<HouseOpenCase[]>;
  /**
   * Writes one workflow step to the read models (the database function `apply_case_transition`), keyed
   * by (case, seq): false when the step was already applied. The event's hash covers its canonical
   * form (chain.ts), as the verifier reads it back. Rejects with the database's error `YD001` when the
   * case does not exist (`YD002`, `YD003`: a step out of order).
   */
  applyTransition(t: Transition, tx?: Db): Promise<boolean>;
  /** The house a case is about. */
  buildingCodeOf(caseId: string, tx?: Db): Promise<string>;
}

/** A user who could take a task (for reassigning). */
export interface TaskCandidate {
  id: string;
  name: string;
  role: string;
  regionCode: string;
}

/** The task inbox, read from the `tasks` rows the workflow writes; each row shaped for one user (`toTaskRow`). */
export interface TaskStore {
  /** One page of a view of the user's inbox, sorted by due date unless asked otherwise. */
  list(user: InboxUser, view: TaskView, params: ListParams & TaskFilter): Promise<ListResult<TaskRow>>;
  /** How many tasks each view of the user's inbox holds. */
  counts(user: InboxUser): Promise<Record<TaskView, number>>;
  /**
   * One task with what the API needs to authorise work on it without reading its case again: the
   * case's region (checked by the caller against the user's abilities) and definition version.
   */
  find(id: string, user: InboxUser): Promise<TaskInCase | undefined>;
  /** Enabled users who could take a task: its roles, a region meeting the task's and the case's, never the evidence's submitter for a recheck. */
  candidates(task: TaskRow, caseRegion: string, submitterId: string | null): Promise<TaskCandidate[]>;
  /** The due time of the case's latest rectify task, or null when it has none (or none due). */
  lastRectifyDue(caseId: string): Promise<Date | null>;
}
