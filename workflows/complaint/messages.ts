/**
 * The complaint's messages: the inspector's on-site verification arrives as an update (validated
 * before it is recorded); the live state is a query.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../shared/messages.ts';

export const COMPLAINT_WORKFLOW = 'complaintWorkflow';

/** One workflow per complaint: starting it twice is harmless, and the sweeper can find it by id. */
export function complaintWorkflowId(complaintId: string): string {
  return `complaint-${complaintId}`;
}

export interface ComplaintInput {
  complaintId: string;
  /** The village the complaint is about. */
  regionCode: string;
  /** When the on-site verification is due (ISO). */
  verifyDueAt: string;
}

export interface VerifyArgs {
  actor: Actor;
  result: 'confirmed' | 'unfounded';
  /** For a confirmed complaint: the case's severity. */
  severity?: 'serious' | 'general';
  /** For a complaint filed from a map position: the house the inspector found on site. */
  buildingCode?: string;
  /** What the citizen reads. */
  reply: string;
  /** Internal: never shown to the citizen. */
  note?: string;
  /** Photos the verifier took on site (uploaded for this complaint beforehand). */
  fileIds?: string[];
  /** Where the verifier's phone was when the verification was sent; null when it could not tell. */
  position?: { latitude: number; longitude: number; accuracy?: number } | null;
}

export type ComplaintStatus = 'verifying' | 'confirmed' | 'unfounded';

export interface ComplaintState {
  complaintId: string;
  status: ComplaintStatus;
  overdue: boolean;
  caseId: string | null;
}

export const verifyComplaintUpdate = defineUpdate<ComplaintState, [VerifyArgs]>('verifyComplaint');
export const complaintStateQuery = defineQuery<ComplaintState>('complaintState');
