/** Case shapes as the API returns them (`/api/cases…`). Personal data arrives masked. */
import type { Severity } from '../../../definitions/hazard-case/index.ts';
import { CASE_CATEGORY, CASE_SEVERITY, CASE_STATUS } from '../../../domain/cases/enums.ts';
import type { CASE_SOURCE, CaseCategory } from '../../../domain/cases/enums.ts';
import type { TaskRow } from '../tasks/types.ts';
import type { DeadlineInForce } from '../../../domain/cases/deadline.ts';
import type { Discovery } from '../../../domain/cases/discovery.ts';

export type { DeadlineInForce, Discovery };

export type { CaseCategory };
export const CASE_CATEGORIES = CASE_CATEGORY.values;
export const CASE_STATUSES = CASE_STATUS.values;
export type { CaseStatus } from '../../../domain/cases/enums.ts';
import type { CaseStatus } from '../../../domain/cases/enums.ts';
export const SEVERITIES: readonly Severity[] = CASE_SEVERITY.values;
export type CaseSource = (typeof CASE_SOURCE.values)[number];

/** A finished case: nothing more can be done to it. */
export const isFinished = (status: CaseStatus) => status === 'closed' || status === 'cancelled';

/** One row of `GET /api/cases` (the API's own type). */
export type { CaseSummary } from '../../../domain/cases/store.ts';
import type { CaseSummary } from '../../../domain/cases/store.ts';

export type EscalationStatus = 'sending' | 'accepted' | 'refused' | 'handled';

export interface CaseEscalation {
  no: number;
  reason: string;
  reasonText: string;
  status: EscalationStatus;
  receiptId: string | null;
  error: string | null;
  requestedAt: string;
  answeredAt: string | null;
}

export type CallbackKind = 'acknowledged' | 'instruction' | 'result';

/** A message the supervision system sent back about an escalation. */
export interface SupervisionCallback {
  id: string;
  receiptId: string;
  kind: CallbackKind;
  text: string;
  sentAt: string;
  receivedAt: string;
}

/** Where a BPMN element stands in this case: how often it was entered, and whether it is now. */
export interface ElementState {
  visits: number;
  active: boolean;
}

/** `GET /api/cases/:id`: the case page. */
export interface CaseDetail extends CaseSummary {
  definitionVersion: number;
  description: string;
  source: CaseSource;
  /** The inspection or complaint that opened the case; null when an officer registered it. */
  sourceRef: string | null;
  /** Masked (张**, 138****5678); the house file shows owners in full, audited. */
  responsible: { name: string | null; phone: string | null; relation: string | null } | null;
  measures: string[];
  rectifyDeadline: string | null;
  /** The rectification deadline that applies: the date set at assignment, or the default one. */
  deadlineInForce: DeadlineInForce | null;
  appraisalGrade: string | null;
  demolished: boolean;
  cancelReason: string | null;
  createdByName: string | null;
  createdByUsername: string | null;
  openTasks: TaskRow[];
  /** The inspections and complaints that reported the hazard, with their photos, position and notes. */
  discoveries: Discovery[];
  elements: Record<string, ElementState>;
  escalations: CaseEscalation[];
  callbacks: SupervisionCallback[];
  supervision: { simulator: boolean; url: string };
}

/**
 * Whether a record is the full case page or only a list row: react-admin shows the list's row while
 * the case loads, and the row has no tasks, elements or escalations.
 */
export function isCaseDetail(record: CaseSummary | undefined): record is CaseDetail {
  return record !== undefined && 'elements' in record && 'openTasks' in record && 'escalations' in record;
}

/** A stored evidence file of a case (`POST /api/cases/:id/files`). */
export interface CaseFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** One entry of the case's audit trail; each entry's hash covers the previous one's. */
export interface CaseEvent {
  seq: number;
  type: string;
  elementId: string | null;
  stepName: string | null;
  actorName: string | null;
  /** The actor's account: two staff may share a display name. */
  actorUsername: string | null;
  actorRole: string | null;
  occurredAt: string;
  summary: string;
  /** What a completed step's form recorded, labelled (the responsible party masked). */
  details: { label: string; value: string }[];
  data: Record<string, unknown>;
  hash: string;
  prevHash: string | null;
  files: CaseFile[];
}

/** The verification of the whole chain: where it first breaks, if it does. */
export interface ChainCheck {
  ok: boolean;
  events: number;
  brokenAt: { seq: number; reason: string } | null;
  lastHash: string | null;
}

/** `GET /api/cases/:id/events`. */
export interface CaseEvents {
  data: CaseEvent[];
  chain: ChainCheck;
}
