/** The notification centre's records as the API answers them (api/routes/notifications.ts). */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path in the admin UI, e.g. `/inbox/<taskId>`. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One text message of a case (api/routes/sms.ts), phone and name masked. */
export interface CaseMessage {
  id: string;
  kind: string;
  audience: 'owner' | 'staff';
  recipientName: string | null;
  phone: string | null;
  text: string;
  status: 'held' | 'queued' | 'sent' | 'delivered' | 'failed';
  sendAfter: string;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}
