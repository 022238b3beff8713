/**
 * Text messages: the SMS provider's delivery receipts (no session: the Standard Webhooks signature with
 * SMS_SECRET over the raw body proves the sender), and a case's messages for its page, phones masked.
 */
import { Type } from '@sinclair/typebox';
import type { Config } from '../../domain/config.ts';
import { verifySignature } from '../../domain/supervision/signing.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, Timestamp, Uuid, literals } from '../http/schemas.ts';
import type { SmsService } from '../services/sms.ts';
import type { SmsReceipt } from '../../domain/sms/types.ts';

/** Requests whose raw body the JSON parser keeps for signature checks. */
export const SMS_RAW_BODY_PATHS = ['/sms/receipts'];

const CaseMessage = Type.Object({
  id: Uuid,
  kind: Type.String(),
  audience: literals(['owner', 'staff']),
  recipientName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  text: Type.String(),
  status: literals(['held', 'queued', 'sent', 'delivered', 'failed']),
  sendAfter: Timestamp,
  attempts: Type.Integer(),
  error: Nullable(Type.String()),
  createdAt: Timestamp,
  sentAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
});

export function smsRoutes(api: ApiRouter, deps: { config: Config; service: SmsService }): void {
  api.route({
    method: 'post',
    path: '/sms/receipts',
    summary: 'Delivery receipt of a text message from the SMS provider (signed, Standard Webhooks)',
    tags: ['sms'],
    auth: false,
    idempotent: false,
    body: Type.Object(
      {
        providerId: Type.String({ minLength: 1, maxLength: 200, title: '短信编号' }),
        key: Type.String({ minLength: 1, maxLength: 300, title: '幂等键' }),
        status: literals(['delivered', 'failed'], { title: '送达状态' }),
        error: Nullable(Type.String({ maxLength: 500, title: '失败原因' })),
        at: Type.String({ format: 'date-time', maxLength: 40, title: '回执时间' }),
      },
      { additionalProperties: true, maxProperties: 20 },
    ),
    responses: {
      200: { description: '已接收', schema: Type.Object({ accepted: Type.Boolean() }) },
      400: { description: '回执格式错误', schema: ErrorResponse },
      401: { description: '签名无效或已过期', schema: ErrorResponse },
      422: { description: '没有对应的短信', schema: ErrorResponse },
    },
    handler: async ({ body, req }) => {
      const raw = (req as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      verifySignature(deps.config.smsSecret, { get: (name: string) => req.get(name) ?? null }, raw);
      return { body: await deps.service.receipt({ ...body, status: body.status as SmsReceipt['status'] }) };
    },
  });

  api.route({
    method: 'get',
    path: '/cases/:id/messages',
    summary: "The case's text messages (rectification notices, deadline reminders) with their delivery status; phones masked",
    tags: ['cases', 'sms'],
    auth: true,
    params: Type.Object({ id: Uuid }),
    responses: {
      200: { description: '短信记录', schema: Type.Object({ data: Type.Array(CaseMessage) }) },
      ...AUTH_ERRORS,
      404: { description: '案件不存在或无权查看', schema: ErrorResponse },
    },
    handler: async ({ params, ctx }) => ({ body: await deps.service.ofCase(ctx.ability, params.id) }),
  });
}
