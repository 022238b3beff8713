/**
 * The supervision system's callbacks as a use case: a webhook id seen before is a replay and refused; a
 * redelivered message (same idempotency key) is answered without being applied twice. The message
 * reaches the case's workflow as a signal inside the transaction that records it, so a failed signal
 * leaves nothing behind and the sender retries.
 */
import type { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import type { Db } from '../../domain/db.ts';
import { RuleError, UnauthenticatedError } from '../../domain/errors.ts';
import type { NewCallback, SupervisionStore } from '../../domain/supervision/store.ts';
import { supervisionCallbackSignal } from '../../workflows/hazard-case/messages.ts';

export interface SupervisionServiceDeps {
  /** Only to open the transaction the callback's record and signal share. */
  db: Db;
  supervision: SupervisionStore;
  workflows: CaseWorkflows;
}

export class SupervisionService {
  constructor(private readonly deps: SupervisionServiceDeps) {}

  /** Records a verified callback and signals its case once; `duplicate` when it was already recorded. */
  async receiveCallback(
    callback: NewCallback & { kind: 'acknowledged' | 'instruction' | 'result' },
  ): Promise<{ accepted: true; duplicate: boolean }> {
    const { supervision, workflows } = this.deps;
    return this.deps.db.transaction(async (trx) => {
      if (await supervision.callbackSeen(callback.id, trx)) {
        throw new UnauthenticatedError('SIGNATURE_REPLAYED', '重复的回调消息（重放）已被拒绝');
      }
      if (await supervision.callbackKeySeen(callback.idempotencyKey, trx)) return { accepted: true, duplicate: true };
      if (!(await supervision.hasEscalation(callback.caseId, callback.receiptId, trx))) {
        throw RuleError.field('body.receiptId', 'unknown', '没有与该回执对应的督办记录', 'UNKNOWN_RECEIPT');
      }
      // A concurrent delivery of the same message loses on the keys and is told it is a duplicate.
      if (!(await supervision.recordCallback(callback, trx))) return { accepted: true, duplicate: true };
      await workflows.signal(callback.caseId, (handle) =>
        handle.signal(supervisionCallbackSignal, {
          callbackId: callback.id,
          receiptId: callback.receiptId,
          kind: callback.kind,
          text: callback.text,
          sentAt: callback.sentAt,
        }),
      );
      return { accepted: true, duplicate: false };
    });
  }
}
