/**
 * The supervision system's callbacks (instructions and results about an escalation). No session: the
 * Standard Webhooks signature over id, timestamp and raw body proves the sender; the service refuses a
 * replay, answers a redelivery without applying it twice, and signals the case's workflow in the same
 * transaction as its record (api/services/supervision.ts).
 */
import { Type } from '@sinclair/typebox';
import type { Config } from '../../domain/config.ts';
import { verifySignature } from '../../domain/supervision/signing.ts';
import type { ApiRouter } from '../http/router.ts';
import { ErrorResponse, Text } from '../http/schemas.ts';
import type { SupervisionService } from '../services/supervision.ts';

/** Requests whose raw body the JSON parser keeps for signature checks. */
export const RAW_BODY_PATHS = ['/supervision/callbacks'];

export function supervisionRoutes(api: ApiRouter, deps: { config: Config; service: SupervisionService }): void {
  api.route({
    method: 'post',
    path: '/supervision/callbacks',
    summary: 'Callback of the supervision system (signed, Standard Webhooks): acknowledgement, instruction or result of an escalation',
    tags: ['supervision'],
    auth: false,
    idempotent: false,
    body: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 200, title: '消息编号' }),
        idempotencyKey: Type.String({ minLength: 1, maxLength: 200, title: '幂等键' }),
        caseId: Type.String({ format: 'uuid', maxLength: 36, title: '案件' }),
        receiptId: Type.String({ minLength: 1, maxLength: 200, title: '督办回执号' }),
        kind: Type.Union([Type.Literal('acknowledged'), Type.Literal('instruction'), Type.Literal('result')], { title: '回复类型' }),
        text: Text({ maxLength: 2000, title: '回复内容' }),
        at: Type.String({ format: 'date-time', maxLength: 40, title: '回复时间' }),
      },
      // Fields a later version of the sender may add are accepted, within bounds.
      { additionalProperties: true, maxProperties: 30 },
    ),
    responses: {
      200: { description: '已接收', schema: Type.Object({ accepted: Type.Boolean(), duplicate: Type.Boolean() }) },
      400: { description: '消息格式错误', schema: ErrorResponse },
      401: { description: '签名无效、已过期或重放', schema: ErrorResponse },
      422: { description: '案件或督办回执不存在', schema: ErrorResponse },
    },
    handler: async ({ body, req }) => {
      // Only the bytes received are verified, never a re-serialisation: with no raw body (another path
      // or content type) the signature is checked against nothing and fails.
      const raw = (req as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      const { id } = verifySignature(deps.config.supervisionSecret, { get: (name: string) => req.get(name) ?? null }, raw);
      const result = await deps.service.receiveCallback({
        id,
        idempotencyKey: body.idempotencyKey,
        caseId: body.caseId,
        receiptId: body.receiptId,
        kind: body.kind,
        text: body.text,
        sentAt: body.at,
      });
      return { body: result };
    },
  });
}
