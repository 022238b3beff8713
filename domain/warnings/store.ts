/**
 * Warnings (预警) as the API and the workers read them, and the two stores behind them: the warning
 * queries (`WarningQueries`, database-queries.ts), one named SQL query per kind of condition, and the
 * warnings themselves (`WarningStore`, database-store.ts). A reader sees the warnings raised within
 * their area (the same `regionCode` prefix rule as every read).
 */
import type { WarningDispatch, WarningQueryName } from '../../definitions/warning-rules/index.ts';
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';

export const WARNING_STATUSES = ['open', 'acknowledged', 'escalated', 'dispatched', 'dismissed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
/** Still waiting for someone: the same condition raises no second warning while one of these is there. */
export const ACTIVE_WARNING_STATUSES = ['open', 'acknowledged', 'escalated'] as const;

/** Figures a rule found, shown on the warning page as they are (numbers, codes, dates). */
export type Evidence = Record<string, string | number | boolean | null | readonly (string | number)[]>;

/** One condition a query found. */
export interface WarningCandidate {
  /** Names the condition within its rule (a village, a house, a case, a town); with the rule id, the dedupe key. */
  subject: string;
  /** Names this occurrence of the condition (a rise to red, a failure count); '' lets the rule decide. */
  occurrence: string;
  /** The finest region the condition is in (a village or a town); the rule's level cuts it to size. */
  regionCode: string;
  buildingCodes: string[];
  caseIds: string[];
  evidence: Evidence;
}

/** What the queries need besides the thresholds: the moment, and how long a definition day is. */
export interface QueryContext {
  now: Date;
  daySeconds: number;
}

export interface WarningQueries {
  run(name: WarningQueryName, thresholds: Readonly<Record<string, number>>, ctx: QueryContext): Promise<WarningCandidate[]>;
}

export type DispatchRecord = { kind: 'inspection'; campaignId: string } | { kind: 'case'; caseIds: string[] };

export interface Warning {
  id: string;
  ruleId: string;
  ruleVersion: number;
  ruleName: string;
  regionCode: string;
  regionName: string | null;
  assigneeRole: string;
  escalateToRole: string;
  buildingCodes: string[];
  caseIds: string[];
  evidence: Evidence;
  status: WarningStatus;
  raisedAt: string;
  acknowledgeDueAt: string;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
  handledByName: string | null;
  dispatch: DispatchRecord | null;
  dismissReason: string | null;
  /** What the rule allows to open (from the rule's definition). */
  opens: readonly WarningDispatch[];
}

/** A new warning, as the rule evaluation writes it. */
export interface NewWarning {
  ruleId: string;
  ruleVersion: number;
  dedupeKey: string;
  occurrence: string;
  regionCode: string;
  assigneeRole: string;
  escalateToRole: string;
  buildingCodes: string[];
  caseIds: string[];
  evidence: Evidence;
  acknowledgeDueAt: string;
}

export interface WarningListParams extends ListParams {
  status?: WarningStatus | undefined;
  /** Only those still waiting for someone (open, acknowledged, escalated). */
  active?: boolean | undefined;
  ruleId?: string | undefined;
  regionCode?: string | undefined;
}

/** The warning's workflow input: enough to run its deadline without reading the row. */
export interface UnstartedWarning {
  id: string;
  ruleId: string;
  ruleVersion: number;
  regionCode: string;
  assigneeRole: string;
  acknowledgeDueAt: string;
}

export interface Handler {
  id: string;
  name: string;
}

export interface WarningStore {
  /** Writes the warnings whose condition has no active warning and whose occurrence was never raised; returns how many were new. */
  raise(warnings: NewWarning[], tx?: Db): Promise<number>;
  /**
   * Active warnings whose workflow was never seen to start, oldest first: of one rule (its next run
   * starts them) or, for the sweeper, of any rule written more than `olderThanMs` ago.
   */
  unstarted(which: { ruleId?: string | null; olderThanMs?: number }, limit?: number): Promise<UnstartedWarning[]>;
  markStarted(id: string): Promise<void>;
  /** A page of the warnings within `scope`, newest first by default. */
  list(scope: string, params: WarningListParams): Promise<ListResult<Warning>>;
  /** The active warnings waiting for this user: their role's (or escalated to it), within their area. */
  tasks(user: { role: string; regionCode: string }, params: ListParams): Promise<ListResult<Warning>>;
  /** One warning within `scope`; null scope: any. */
  find(scope: string | null, id: string, tx?: Db): Promise<Warning | undefined>;
  /** Locks the row for one handling; returns its status. */
  lock(id: string, tx: Db): Promise<WarningStatus | undefined>;
  acknowledge(id: string, by: Handler, tx?: Db): Promise<void>;
  dispatch(id: string, by: Handler, what: DispatchRecord, tx?: Db): Promise<void>;
  dismiss(id: string, by: Handler, reason: string, tx?: Db): Promise<void>;
  /**
   * Marks an open warning escalated (once, the first time stamped): 'now' when this call escalated it,
   * 'before' when it already was (a retry finds its own write), false when it was handled first.
   */
  escalate(id: string, tx?: Db): Promise<'now' | 'before' | false>;
}
