/** The notification centre's calls (the signed-in user's own notifications) and a case's text messages. */
import { apiRequest } from '../http.ts';
import type { AppNotification, CaseMessage } from '../notifications/types.ts';
import { segment, url } from './request.ts';

export interface NotificationCalls {
  /** Newest first. */
  notifications(page: number, perPage: number, signal?: AbortSignal): Promise<{ data: AppNotification[]; total: number }>;
  /** The bell's number. */
  unreadNotifications(signal?: AbortSignal): Promise<number>;
  markNotificationRead(id: string): Promise<number>;
  markAllNotificationsRead(): Promise<number>;
  caseMessages(caseId: string, signal?: AbortSignal): Promise<CaseMessage[]>;
}

export const notificationCalls: NotificationCalls = {
  async notifications(page, perPage, signal) {
    return (await apiRequest(url('/notifications', { page: String(page), perPage: String(perPage) }), { signal })) as {
      data: AppNotification[];
      total: number;
    };
  },
  async unreadNotifications(signal) {
    return ((await apiRequest(url('/notifications/unread-count'), { signal })) as { unread: number }).unread;
  },
  async markNotificationRead(id) {
    return ((await apiRequest(url(`/notifications/${segment(id)}/read`), { method: 'POST' })) as { unread: number }).unread;
  },
  async markAllNotificationsRead() {
    return ((await apiRequest(url('/notifications/read-all'), { method: 'POST' })) as { unread: number }).unread;
  },
  async caseMessages(caseId, signal) {
    return ((await apiRequest(url(`/cases/${segment(caseId)}/messages`), { signal })) as { data: CaseMessage[] }).data;
  },
};
