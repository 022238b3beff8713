/**
 * The notification centre's entry point for workflows (see domain/notifications/store.ts): a workflow
 * (inspection schedules, warning rules…) calls `notify` as an activity; safe to retry, since a key gives
 * each user one notification:
 *
 * ```ts
 * const { notify } = proxyActivities<NotificationActivities>({ startToCloseTimeout: '30 seconds' });
 * await notify({ key: `warning:${id}`, kind: 'warning', recipients: { roles: ['town_officer'], regionCode }, title, body, link });
 * ```
 */
import type { NotificationStore, NotifyRequest } from '../../domain/notifications/store.ts';

export function createNotificationActivities({ notifications }: { notifications: NotificationStore }) {
  return {
    /** Notifies the request's recipients once per key; returns how many users were newly notified. */
    async notify(request: NotifyRequest): Promise<number> {
      return notifications.notify(request);
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
