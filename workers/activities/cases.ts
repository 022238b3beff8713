/**
 * Activities of the hazard case. `applyCaseTransition` writes one workflow step to the read models in
 * one transaction, keyed by (case, seq): a retry after a lost answer finds the step applied and writes
 * nothing. `sendEscalation` builds the escalation from the database and sends it once per attempt; the
 * supervision system de-duplicates by the idempotency key, so retries never file it twice.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { Config } from '../../domain/config.ts';
import { GENESIS_HASH, eventHash } from '../../domain/cases/chain.ts';
import { escalationPayload } from '../../domain/cases/escalation.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import type { Db } from '../../domain/db.ts';
import type { BuildingFields } from '../../domain/buildings/schema.ts';
import { BuildingStore } from '../../domain/buildings/store.ts';
import { beijingDate } from '../../domain/time.ts';
import { SupervisionRefused } from '../../domain/supervision/client.ts';
import type { SupervisionClient } from '../../domain/supervision/client.ts';
import type { EscalationReceipt } from '../../domain/supervision/types.ts';

export interface CaseActivityDeps {
  db: Db;
  config: Config;
  supervision: SupervisionClient;
}

export function createCaseActivities({ db, config, supervision }: CaseActivityDeps) {
  return {
    async applyCaseTransition(t: Transition): Promise<{ applied: boolean }> {
      return db.transaction(async (trx) => {
        // The row lock and the chain's last link in one round trip.
        const current = (await trx('cases as c')
          .where('c.id', t.caseId)
          .forUpdate('c')
          .first('c.last_seq', trx.raw('(SELECT hash FROM case_events e WHERE e.case_id = c.id AND e.seq = c.last_seq) AS last_hash'))) as
          { last_seq: number; last_hash: string | null } | undefined;
        if (!current) throw ApplicationFailure.nonRetryable(`case ${t.caseId} is missing`, 'CaseMissing');
        if (current.last_seq >= t.seq) return { applied: false };
        if (current.last_seq !== t.seq - 1) throw new Error(`case ${t.caseId}: step ${t.seq} after ${current.last_seq}`);

        const prev = t.seq === 1 ? GENESIS_HASH : current.last_hash;
        if (!prev) throw new Error(`case ${t.caseId}: event ${t.seq - 1} is missing from the trail`);
        const event = {
          caseId: t.caseId,
          seq: t.seq,
          type: t.event.type,
          elementId: t.event.elementId,
          taskId: t.event.taskId,
          actorId: t.event.actor?.id ?? null,
          actorName: t.event.actor?.name ?? null,
          actorRole: t.event.actor?.role ?? null,
          data: t.event.data,
          occurredAt: new Date(t.occurredAt).toISOString(),
        };
        await trx('case_events').insert({
          case_id: event.caseId,
          seq: event.seq,
          type: event.type,
          element_id: event.elementId,
          task_id: event.taskId,
          actor_id: event.actorId,
          actor_name: event.actorName,
          actor_role: event.actorRole,
          data: JSON.stringify(event.data),
          occurred_at: event.occurredAt,
          prev_hash: prev,
          hash: eventHash(prev, event),
        });

        for (const task of t.openTasks ?? []) {
          await trx('tasks').insert({
            id: task.id,
            case_id: t.caseId,
            task_no: task.taskNo,
            step: task.step,
            element_id: task.elementId,
            roles: task.roles,
            region_code: task.regionCode,
            case_region_code: trx.raw('(SELECT region_code FROM cases WHERE id = ?)', [t.caseId]),
            status: task.assigneeId ? 'claimed' : 'open',
            assignee_id: task.assigneeId,
            due_at: task.dueAt,
            created_at: t.occurredAt,
          });
        }
        for (const change of t.taskChanges ?? []) {
          const row: Record<string, unknown> = { status: change.status };
          if (change.assigneeId !== undefined) {
            row.assignee_id = change.assigneeId;
            row.claimed_at = change.assigneeId ? t.occurredAt : null;
          }
          if (change.status === 'completed') {
            Object.assign(row, {
              completed_at: t.occurredAt,
              completed_by: change.completedBy,
              assignee_id: change.completedBy,
              outcome: change.outcome,
              form: JSON.stringify(change.form ?? {}),
            });
          }
          await trx('tasks').where({ id: change.id, case_id: t.caseId }).update(row);
          if (change.fileIds?.length) {
            await trx('case_files').where({ case_id: t.caseId }).whereIn('id', change.fileIds).update({ task_id: change.id });
          }
        }

        const c = t.case ?? {};
        const row: Record<string, unknown> = { last_seq: t.seq, updated_at: t.occurredAt };
        if (t.seq === 1) row.workflow_started_at = trx.raw('coalesce(workflow_started_at, ?)', [t.occurredAt]);
        if (c.status) row.status = c.status;
        if (c.activeElements) row.active_elements = c.activeElements;
        if (c.dueAt !== undefined) row.due_at = c.dueAt;
        if (c.recheckFailures !== undefined) row.recheck_failures = c.recheckFailures;
        if (c.evidenceSubmitterId !== undefined) row.evidence_submitter_id = c.evidenceSubmitterId;
        if (c.escalationCount !== undefined) row.escalation_count = c.escalationCount;
        if (c.responsible) row.responsible = JSON.stringify(c.responsible);
        if (c.measures) row.measures = c.measures;
        if (c.rectifyDeadline !== undefined) row.rectify_deadline = c.rectifyDeadline;
        if (c.appraisalGrade !== undefined) row.appraisal_grade = c.appraisalGrade;
        if (c.demolished !== undefined) row.demolished = c.demolished;
        if (c.cancelReason !== undefined) row.cancel_reason = c.cancelReason;
        if (c.closed || c.status === 'cancelled') row.closed_at = t.occurredAt;
        await trx('cases').where({ id: t.caseId }).update(row);

        const e = t.escalation;
        if (e) {
          await trx('case_escalations')
            .insert({
              case_id: t.caseId,
              no: e.no,
              reason: e.reason ?? '',
              reason_text: e.reasonText ?? '',
              element_id: e.elementId ?? null,
              status: e.status,
              receipt_id: e.receiptId ?? null,
              error: e.error ?? null,
              requested_at: t.occurredAt,
            })
            .onConflict(['case_id', 'no'])
            .merge({
              status: e.status,
              ...(e.receiptId !== undefined ? { receipt_id: e.receiptId } : {}),
              ...(e.error !== undefined ? { error: e.error } : {}),
              answered_at: t.occurredAt,
            });
        }

        const b = t.building;
        if (b) {
          const buildings = new BuildingStore(trx);
          const before = await buildings.find(null, b.code, trx);
          if (before) {
            const changes = {
              latestJudgement: b.latestJudgement,
              latestJudgementAt: beijingDate(t.occurredAt),
              rectificationStatus: b.rectificationStatus,
              ...(b.appraisalGrade ? { appraisalGrade: b.appraisalGrade } : {}),
            } as Partial<BuildingFields>;
            const who = { actorId: t.event.actor?.id ?? null, actorName: t.event.actor?.name ?? null, source: `case:${t.caseId}` };
            await buildings.update(b.code, changes, before, who, trx);
          }
        }
        return { applied: true };
      });
    },

    async sendEscalation({ caseId, no }: { caseId: string; no: number }): Promise<EscalationReceipt> {
      const payload = await escalationPayload(db, config, caseId, no);
      try {
        return await supervision.sendEscalation(payload);
      } catch (error) {
        // A refusal is an answer, not an outage: retrying would be refused again. The workflow opens a task.
        if (error instanceof SupervisionRefused) throw ApplicationFailure.nonRetryable(error.message, 'SupervisionRefused');
        throw error;
      }
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
