/**
 * Activities of the hazard case. `applyCaseTransition` writes one workflow step to the read models in
 * one statement (the database function `apply_case_transition`), keyed by (case, seq): a retry after
 * a lost answer finds the step applied and writes nothing. `sendEscalation` builds the escalation from
 * the database and sends it once per attempt; the supervision system de-duplicates by the idempotency
 * key, so retries never file it twice.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { Config } from '../../domain/config.ts';
import { escalationPayload } from '../../domain/cases/escalation.ts';
import type { CaseStore } from '../../domain/cases/store.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import type { Db } from '../../domain/db.ts';
import type { BuildingFields } from '../../domain/buildings/schema.ts';
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import { refreshRiskTier } from '../../domain/risk/refresh.ts';
import { SupervisionRefused } from '../../domain/supervision/client.ts';
import type { SupervisionClient } from '../../domain/supervision/client.ts';
import type { SupervisionStore } from '../../domain/supervision/store.ts';
import type { CaseNotifier } from '../../domain/notifications/case-notices.ts';
import type { EscalationReceipt } from '../../domain/supervision/types.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

export interface CaseActivityDeps {
  /** Only to open the transaction a step shares with its house's safety state. */
  db: Db;
  config: Config;
  supervision: SupervisionClient;
  cases: CaseStore;
  supervisionStore: SupervisionStore;
  /** Writes what a step tells people (notifications, text messages), each once. */
  notifier: CaseNotifier;
}

/**
 * The statuses a case enters that can change the house's derived state (domain/buildings/safety-state.ts):
 * 待分派 is still 待整治 and 待复核/待销号 are reached only through 整改 (already 整治中); the case's
 * registration was applied with the house when it was written.
 */
const STATE_MOVING: ReadonlySet<string> = new Set(['controlling', 'rectifying', 'closed', 'cancelled']);

export function createCaseActivities({ db, config, supervision, cases, supervisionStore, notifier }: CaseActivityDeps) {
  /** Writes the step to the read models (and, when it can change them, the house's state and tier). */
  async function applyStep(t: Transition): Promise<{ applied: boolean }> {
    const write = async (tx?: Db): Promise<boolean> => {
      try {
        return await cases.applyTransition(t, tx);
      } catch (error) {
        // An unknown case will not appear by retrying; the other refusals are retried (and logged).
        if ((error as { code?: string }).code === 'YD001')
          throw ApplicationFailure.nonRetryable((error as Error).message, FAILURE.caseMissing);
        throw error;
      }
    };
    // One round trip for a step (migration 0014). A step that can change its house's safety state
    // (measures assigned, rectification begun, the case closed or cancelled, a grade recorded) also
    // brings that state (and with it the risk tier) up to date in the same transaction, with the
    // change recorded on the house file. A new deadline alone can change only the risk tier (an
    // overdue case is orange), so such a step brings only the tier up to date.
    const status = t.case?.status;
    const moves = (status !== undefined && STATE_MOVING.has(status)) || t.case?.measures !== undefined || t.building !== undefined;
    const newDeadline = t.case?.dueAt !== undefined;
    if (!moves) {
      // The step's write stays one statement (so a worker that dies while it waits still commits it, and
      // the retry writes nothing twice). A new deadline can only lower the house's tier (a case no longer
      // overdue): the tier is brought up to date right after, on every attempt, so a retry after a crash
      // between the two still does it; the risk sweep is the backstop.
      const applied = await write();
      if (newDeadline) {
        await db.transaction(async (trx) => refreshRiskTier(trx, await cases.buildingCodeOf(t.caseId, trx), `case:${t.caseId}`));
      }
      return { applied };
    }
    return db.transaction(async (trx) => {
      if (!(await write(trx))) return { applied: false };
      const code = await cases.buildingCodeOf(t.caseId, trx);
      const who = { actorId: t.event.actor?.id ?? null, actorName: t.event.actor?.name ?? null, source: `case:${t.caseId}` };
      const grade = t.building?.appraisalGrade;
      await refreshSafetyState(
        trx,
        code,
        { ...who, at: t.occurredAt },
        grade ? ({ appraisalGrade: grade } as Partial<BuildingFields>) : {},
      );
      return { applied: true };
    });
  }

  return {
    async applyCaseTransition(t: Transition): Promise<{ applied: boolean }> {
      const result = await applyStep(t);
      // On every attempt, not only the one that applied the step: an attempt that died after the write
      // left its notices unwritten, and their keys make writing them again harmless.
      await notifier.afterStep(t);
      return result;
    },

    async sendEscalation({ caseId, no }: { caseId: string; no: number }): Promise<EscalationReceipt> {
      const payload = await escalationPayload(supervisionStore, config, caseId, no);
      try {
        return await supervision.sendEscalation(payload);
      } catch (error) {
        // A refusal is an answer, not an outage: retrying would be refused again. The workflow opens a task.
        if (error instanceof SupervisionRefused) throw ApplicationFailure.nonRetryable(error.message, FAILURE.supervisionRefused);
        throw error;
      }
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
