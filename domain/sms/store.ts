/**
 * Every text message the platform sends (`sms_messages`): queued once per event and recipient (the
 * key), held through quiet hours, sent, then delivered or failed by the provider's receipt. The case
 * page lists a case's messages with phones masked. The SQL lives in `database-store.ts`.
 */
import type { Db } from '../db.ts';
import type { SmsTemplate } from './templates.ts';

export type SmsStatus = 'held' | 'queued' | 'sent' | 'delivered' | 'failed';

/** A message to queue. */
export interface NewSms {
  key: string;
  caseId: string | null;
  kind: string;
  audience: 'owner' | 'staff';
  userId: string | null;
  recipientName: string | null;
  phone: string;
  template: SmsTemplate;
  text: string;
  /** Now, or the end of quiet hours. */
  sendAfter: Date;
}

export interface SmsRecord {
  id: string;
  key: string;
  caseId: string | null;
  kind: string;
  audience: 'owner' | 'staff';
  recipientName: string | null;
  phone: string;
  template: string;
  text: string;
  status: SmsStatus;
  sendAfter: Date;
  providerId: string | null;
  attempts: number;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
}

export interface SmsStore {
  /** Queues the messages whose keys are new; returns the records of all the keys given (new or not). */
  queue(messages: NewSms[], tx?: Db): Promise<SmsRecord[]>;
  find(id: string): Promise<SmsRecord | undefined>;
  /** Counts one more attempt; the message is now being sent (held becomes queued). */
  attempt(id: string): Promise<void>;
  /** The provider took the message. A receipt that came first keeps its status. */
  sent(id: string, providerId: string): Promise<void>;
  /** The provider refused the message: it will not be sent. */
  refused(id: string, error: string): Promise<void>;
  /** A delivery receipt; false when no message has this provider id and key. */
  receipt(providerId: string, key: string, status: 'delivered' | 'failed', error: string | null, at: Date): Promise<boolean>;
  /** A case's messages in the order queued. */
  ofCase(caseId: string): Promise<SmsRecord[]>;
}
