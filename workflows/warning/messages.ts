/**
 * A warning's messages: its handling (acknowledge, dispatch, dismiss) arrives as one update, validated
 * before it is recorded; the live state is a query. The API imports these same constants.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../shared/messages.ts';

export const WARNING_WORKFLOW = 'warningWorkflow';

/** One workflow per warning: starting it twice is harmless, and a rule run finds it by id. */
export function warningWorkflowId(warningId: string): string {
  return `warning-${warningId}`;
}

export interface WarningInput {
  warningId: string;
  /** The region the warning was raised at: its handlers work there or above. */
  regionCode: string;
  /** When it escalates if nobody has acknowledged it (ISO). */
  acknowledgeDueAt: string;
}

export type WarningWorkflowStatus = 'open' | 'acknowledged' | 'escalated' | 'dispatched' | 'dismissed';

export interface WarningState {
  warningId: string;
  status: WarningWorkflowStatus;
  escalated: boolean;
}

/** What a dispatch opens: a special inspection of the warning's houses, or a hazard case on each. */
export type DispatchArgs =
  { kind: 'inspection'; dueAt: string } | { kind: 'case'; category: string; severity: 'serious' | 'general'; description: string };

/** One handling of a warning: 签收, 忽略 (with its reason) or 派发. */
export type WarningHandling =
  { action: 'acknowledge' } | { action: 'dismiss'; reason: string } | { action: 'dispatch'; dispatch: DispatchArgs };

export type HandleWarningArgs = { actor: Actor } & WarningHandling;

/** Roles that may handle a warning of their area. */
export const WARNING_HANDLERS = ['town_officer', 'district_officer', 'district_admin'] as const;

export const handleWarningUpdate = defineUpdate<WarningState, [HandleWarningArgs]>('handleWarning');
export const warningStateQuery = defineQuery<WarningState>('warningState');
