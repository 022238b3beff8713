/**
 * The supervision system's callbacks (instructions and results about an escalation). No session: the
 * Standard Webhooks signature over id, timestamp and raw body proves the sender; a webhook id seen
 * before is a replay and refused; a redelivered message (same idempotency key) is answered without
 * being applied twice. The message reaches the case's workflow as a signal, in the same transaction
 * as its record, so a failed signal leaves nothing behind and the sender retries.
 */
import { Type } from '@sinclair/typebox';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { RuleError, UnauthenticatedError } from '../../domain/errors.ts';
import { verifySignature } from '../../domain/supervision/signing.ts';
import { supervisionCallbackSignal } from '../../workflows/hazard-case/messages.ts';
import type { ApiRouter } from '../http/router.ts';
import { ErrorResponse, Text } from '../http/schemas.ts';
import type { CaseWorkflows } from '../../domain/cases/workflow-client.ts';

/** Requests whose raw body the JSON parser keeps for signature checks. */
export const RAW_BODY_PATHS = ['/supervision/callbacks'];

export function supervisionRoutes(api: ApiRouter, deps: { db: Db; config: Config; workflows: CaseWorkflows }): void {
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
      return deps.db.transaction(async (trx) => {
        if (await trx('supervision_callbacks').where({ id }).first('id')) {
          throw new UnauthenticatedError('SIGNATURE_REPLAYED', '重复的回调消息（重放）已被拒绝');
        }
        if (await trx('supervision_callbacks').where({ idempotency_key: body.idempotencyKey }).first('id')) {
          return { body: { accepted: true, duplicate: true } };
        }
        const escalation = await trx('case_escalations').where({ case_id: body.caseId, receipt_id: body.receiptId }).first('no');
        if (!escalation) throw RuleError.field('body.receiptId', 'unknown', '没有与该回执对应的督办记录', 'UNKNOWN_RECEIPT');
        // A concurrent delivery of the same message loses on the keys and is told it is a duplicate.
        const inserted = await trx('supervision_callbacks')
          .insert({
            id,
            idempotency_key: body.idempotencyKey,
            case_id: body.caseId,
            receipt_id: body.receiptId,
            kind: body.kind,
            text: body.text,
            sent_at: body.at,
          })
          .onConflict()
          .ignore()
          .returning('id');
        if (inserted.length === 0) return { body: { accepted: true, duplicate: true } };
        await deps.workflows.signal(body.caseId, (handle) =>
          handle.signal(supervisionCallbackSignal, {
            callbackId: id,
            receiptId: body.receiptId,
            kind: body.kind,
            text: body.text,
            sentAt: body.at,
          }),
        );
        return { body: { accepted: true, duplicate: false } };
      });
    },
  });
}
