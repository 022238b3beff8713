/**
 * The in-app notification centre (通知中心, issue 19 §3): what the platform tells a user (a task given
 * to them or open for them to claim, a deadline approaching, a warning, an escalation's result), kept
 * per user with a read mark.
 *
 * ONE entry point for every producer (the case workflow's steps, inspection schedules, warning rules):
 * `notify(request)` (the store method, or the `notify` activity in workers/activities/notifications.ts
 * for workflows):
 *
 * ```ts
 * notify({
 *   key: 'warning:<warningId>',        // idempotency: at most one notification per (user, key)
 *   kind: 'warning',                    // see NOTIFICATION_KINDS
 *   recipients: {
 *     userIds: ['…'],                   // these accounts, and/or
 *     roles: ['town_officer'],          // the enabled accounts of these roles …
 *     regionCode: '441802006001',       // … whose region covers this code (their code is a prefix of it)
 *   },
 *   title: '预警：…', body: '…', link: '/cases/…' | null,   // link: a path in the admin UI
 * })
 * ```
 *
 * Calling it again with the same key (a retried activity, a replayed step) adds nothing for a user who
 * has it already, so producers need no bookkeeping of their own. Recipients resolve at the time of the
 * call; disabled accounts get nothing. The SQL lives in `database-store.ts`.
 */
import type { ListParams, ListResult } from '../paging.ts';

/** What a notification is about; the UI picks its icon by kind. Producers may add kinds here. */
export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_claimable',
  'deadline_approaching',
  'warning',
  'escalation_result',
  'inspection_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who receives a notification: the union of the accounts named and the accounts of the roles in the region. */
export interface NotificationRecipients {
  userIds?: string[];
  /** With `regionCode`: the accounts of these roles whose region covers it; without, of these roles anywhere. */
  roles?: string[];
  regionCode?: string;
}

/** One call of the entry point; see the head of this file. */
export interface NotifyRequest {
  key: string;
  kind: NotificationKind;
  recipients: NotificationRecipients;
  title: string;
  body: string;
  link: string | null;
}

/** One notification as its user reads it. */
export interface NotificationRecord {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationStore {
  /** Writes the request's notification for each recipient that lacks it; returns how many were new. */
  notify(request: NotifyRequest): Promise<number>;
  /** The user's notifications, newest first. */
  list(userId: string, params: Pick<ListParams, 'page' | 'perPage'>, unreadOnly?: boolean): Promise<ListResult<NotificationRecord>>;
  unreadCount(userId: string): Promise<number>;
  /** Marks one of the user's notifications read; false when the user has no such notification. */
  markRead(userId: string, id: string): Promise<boolean>;
  /** Marks all of the user's notifications read; returns how many were unread. */
  markAllRead(userId: string): Promise<number>;
}
