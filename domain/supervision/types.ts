/**
 * The messages exchanged with the supervision system (政务监督信息化系统): what the platform sends when a
 * case is escalated (督办), what it gets back, and what the system later posts to the platform.
 */

/** One escalation of one case, sent by the platform. The idempotency key is `${caseId}:${escalationNo}`. */
export interface EscalationPayload {
  caseId: string;
  caseNumber: string;
  /** 1 for the first escalation of the case, 2 for the next…; with caseId it makes the idempotency key. */
  escalationNo: number;
  reason: 'overdue' | 'recheck_failed_twice' | 'manual' | string;
  /** The reason in Chinese, as the supervision system's staff read it. */
  reasonText: string;
  building: { code: string; address: string | null; villageCode: string; villageName: string | null; townName: string | null };
  hazard: { category: string; severity: 'serious' | 'general'; description: string };
  /** The step the case is stuck in (BPMN element id and name) and its deadline. */
  step: { elementId: string; name: string; dueAt: string | null };
  history: { at: string; type: string; elementId: string | null; actor: string | null; summary: string }[];
  evidence: { name: string; url: string; sha256: string; mime: string }[];
  /** Where the supervision system posts instructions and results. */
  callbackUrl: string;
  sentAt: string;
}

/** The system's answer to an escalation; `duplicate` is true when it already had that idempotency key. */
export interface EscalationReceipt {
  receiptId: string;
  duplicate: boolean;
  receivedAt: string;
}

/**
 * A message from the supervision system about an escalation. `idempotencyKey` stays the same across
 * redeliveries of one message, so the platform applies it once.
 */
export interface SupervisionCallback {
  id: string;
  idempotencyKey: string;
  caseId: string;
  receiptId: string;
  kind: 'acknowledged' | 'instruction' | 'result';
  text: string;
  at: string;
}

/**
 * An anchor of the platform's audit trail: the Merkle root over every case chain's head at one moment.
 * The system keeps it as the copy of the root the platform's own operators cannot change. The
 * idempotency key is `anchor:${no}`.
 */
export interface AnchorPayload {
  no: number;
  createdAt: string;
  root: string;
  cases: number;
}
