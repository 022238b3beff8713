/**
 * The notification centre as a use case: a user reads and marks only their own notifications (the
 * store's every query is by user id, taken from the session, never from the request).
 */
import { NotFoundError } from '../../domain/errors.ts';
import type { ListResult } from '../../domain/paging.ts';
import type { NotificationRecord, NotificationStore } from '../../domain/notifications/store.ts';

export class NotificationService {
  constructor(private readonly deps: { notifications: NotificationStore }) {}

  list(userId: string, page: number, perPage: number, unreadOnly: boolean): Promise<ListResult<NotificationRecord>> {
    return this.deps.notifications.list(userId, { page, perPage }, unreadOnly);
  }

  async unreadCount(userId: string): Promise<{ unread: number }> {
    return { unread: await this.deps.notifications.unreadCount(userId) };
  }

  async markRead(userId: string, id: string): Promise<{ unread: number }> {
    // Another user's notification is as absent as one that never existed.
    if (!(await this.deps.notifications.markRead(userId, id))) throw new NotFoundError('通知不存在');
    return this.unreadCount(userId);
  }

  async markAllRead(userId: string): Promise<{ marked: number; unread: number }> {
    const marked = await this.deps.notifications.markAllRead(userId);
    return { marked, ...(await this.unreadCount(userId)) };
  }
}
