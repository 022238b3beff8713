/**
 * The notification centre (通知中心): the signed-in user's own notifications, newest first, the unread
 * count for the app bar's bell, and marking read. Nothing here takes a user id: it is the session's.
 */
import { Type } from '@sinclair/typebox';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, Timestamp, Uuid, listOf } from '../http/schemas.ts';
import type { NotificationService } from '../services/notifications.ts';

const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});
const Unread = Type.Object({ unread: Type.Integer() });

export function notificationRoutes(api: ApiRouter, deps: { service: NotificationService }): void {
  const { service } = deps;

  api.route({
    method: 'get',
    path: '/notifications',
    summary: "The signed-in user's notifications, newest first",
    tags: ['notifications'],
    auth: true,
    query: Type.Object(
      {
        page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
        perPage: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })),
      },
      { additionalProperties: false },
    ),
    responses: { 200: { description: '通知列表', schema: listOf(Notification) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await service.list(ctx.user.id, query.page, query.perPage, query.unread === true) }),
  });

  api.route({
    method: 'get',
    path: '/notifications/unread-count',
    summary: "How many of the signed-in user's notifications are unread",
    tags: ['notifications'],
    auth: true,
    responses: { 200: { description: '未读数量', schema: Unread }, ...AUTH_ERRORS },
    handler: async ({ ctx }) => ({ body: await service.unreadCount(ctx.user.id) }),
  });

  api.route({
    method: 'post',
    path: '/notifications/read-all',
    summary: "Marks all of the signed-in user's notifications read",
    tags: ['notifications'],
    auth: true,
    responses: {
      200: { description: '已全部标为已读', schema: Type.Object({ marked: Type.Integer(), unread: Type.Integer() }) },
      ...AUTH_ERRORS,
    },
    handler: async ({ ctx }) => ({ body: await service.markAllRead(ctx.user.id) }),
  });

  api.route({
    method: 'post',
    path: '/notifications/:id/read',
    summary: 'Marks one of the signed-in user’s notifications read',
    tags: ['notifications'],
    auth: true,
    params: Type.Object({ id: Uuid }),
    responses: {
      200: { description: '已标为已读', schema: Unread },
      ...AUTH_ERRORS,
      404: { description: '通知不存在（或不是本人的）', schema: ErrorResponse },
    },
    handler: async ({ params, ctx }) => ({ body: await service.markRead(ctx.user.id, params.id) }),
  });
}
