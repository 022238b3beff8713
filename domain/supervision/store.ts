/**
 * What the platform keeps of its exchanges with the supervision system: the escalations of a case (督办)
 * and the callbacks received about them, and what an escalation is built from. The SQL lives in
 * `database-store.ts`.
 */
import type { Db } from '../db.ts';

/** One escalation of a case, as the case page shows it. */
export interface EscalationRecord {
  no: number;
  reason: string;
  reasonText: string;
  status: 'sending' | 'accepted' | 'refused' | 'handled';
  receiptId: string | null;
  error: string | null;
  requestedAt: Date;
  answeredAt: Date | null;
}

/** One callback received about an escalation, as the case page shows it. */
export interface CallbackRecord {
  id: string;
  receiptId: string;
  kind: string;
  text: string;
  sentAt: Date;
  receivedAt: Date;
}

/** A callback to record: the webhook id, the sender's idempotency key, and the message. */
export interface NewCallback {
  id: string;
  idempotencyKey: string;
  caseId: string;
  receiptId: string;
  kind: string;
  text: string;
  sentAt: string;
}

/** What an escalation is built from at sending time: the case and its house, the escalation, the trail, the step files. */
export interface EscalationFacts {
  case: {
    number: string;
    definitionVersion: number;
    buildingCode: string;
    address: string | null;
    villageCode: string;
    villageName: string | null;
    townName: string | null;
    category: string;
    severity: 'serious' | 'general';
    description: string;
    activeElements: string[];
    dueAt: Date | null;
  };
  escalation: { reason: string; reasonText: string };
  events: {
    type: string;
    elementId: string | null;
    actorName: string | null;
    actorRole: string | null;
    data: Record<string, unknown>;
    occurredAt: Date;
  }[];
  files: { id: string; name: string; mime: string; sha256: string }[];
}

export interface SupervisionStore {
  /** The case's escalations, by number. */
  escalations(caseId: string): Promise<EscalationRecord[]>;
  /** The callbacks received about the case's escalations, in the order received. */
  callbacks(caseId: string): Promise<CallbackRecord[]>;
  /** Whether a callback with this webhook id was received (a replay). */
  callbackSeen(id: string, tx?: Db): Promise<boolean>;
  /** Whether a callback with this idempotency key was recorded (a redelivery). */
  callbackKeySeen(idempotencyKey: string, tx?: Db): Promise<boolean>;
  /** Whether the case has an escalation with this receipt. */
  hasEscalation(caseId: string, receiptId: string, tx?: Db): Promise<boolean>;
  /** Records a callback; false when a concurrent delivery recorded it first (same id or key). */
  recordCallback(callback: NewCallback, tx?: Db): Promise<boolean>;
  /** What escalation `no` of the case is built from; throws when the case or the escalation is missing. */
  escalationFacts(caseId: string, no: number): Promise<EscalationFacts>;
}
