/**
 * The complaint workflow's activities: the verification (a confirmed complaint opens or joins a hazard
 * case, whose workflow is started here) and the missed deadline. Each is safe to run again: the
 * complaint row says whether it was already done.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import { lockHouse, openOrJoinCase } from '../../domain/cases/open-or-join.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { NOTICE, appendNotice } from '../../domain/complaints/notices.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { presenceOf } from '../../domain/inspections/presence.ts';
import type { ComplaintState, VerifyArgs } from '../../workflows/complaint/messages.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

/**
 * Where the verifier's phone was, and how far from the house (the house found on site for a map
 * complaint; for one never tied to a house, the point the citizen picked).
 */
async function evidence(trx: Db, c: Record<string, unknown>, args: VerifyArgs) {
  const position = args.position ?? null;
  const code = (c.building_code as string | null) ?? args.buildingCode ?? null;
  const house = code
    ? ((await trx('buildings').where({ code }).first('latitude', 'longitude')) as
        { latitude: number | null; longitude: number | null } | undefined)
    : { latitude: (c.latitude as number | null) ?? null, longitude: (c.longitude as number | null) ?? null };
  const presence = presenceOf(position, house ?? { latitude: null, longitude: null });
  return {
    verify_latitude: position?.latitude ?? null,
    verify_longitude: position?.longitude ?? null,
    verify_accuracy_m: position?.accuracy == null ? null : Math.round(position.accuracy),
    verify_distance_m: presence.distanceM,
    verify_presence: presence.presence,
  };
}

export function createComplaintActivities({ db, config, temporal }: { db: Db; config: Config; temporal: Client }) {
  const cases = new DatabaseCaseStore(db);
  const caseWorkflows = new CaseWorkflows(temporal, config);
  return {
    async verifyComplaint(args: VerifyArgs & { complaintId: string }): Promise<Pick<ComplaintState, 'status' | 'caseId'>> {
      const { complaintId, actor } = args;
      const out = await db.transaction(async (trx) => {
        const c = (await trx('complaints').where({ id: complaintId }).forUpdate().first()) as Record<string, unknown> | undefined;
        if (!c) throw ApplicationFailure.nonRetryable(`complaint ${complaintId} not found`, FAILURE.complaintMissing);
        if (c.status !== 'verifying') return { status: c.status as ComplaintState['status'], caseId: (c.case_id as string | null) ?? null };
        const verified = {
          verified_at: trx.fn.now(),
          verified_by: actor.id,
          verified_by_name: actor.name,
          verify_note: args.note ?? null,
          reply: args.reply,
          ...(await evidence(trx, c, args)),
        };
        if (args.fileIds?.length)
          await trx('complaint_verification_files')
            .whereIn('id', args.fileIds)
            .where({ complaint_id: complaintId })
            .update({ attached: true });
        if (args.result === 'unfounded') {
          await trx('complaints')
            .where({ id: complaintId })
            .update({ ...verified, status: 'unfounded' });
          await appendNotice(trx, complaintId, 'unfounded', NOTICE.unfounded(args.reply));
          return { status: 'unfounded' as const, caseId: null };
        }
        const code = (c.building_code as string | null) ?? args.buildingCode;
        if (!code) throw ApplicationFailure.nonRetryable('a confirmed complaint needs its house', FAILURE.complaintWithoutHouse);
        await lockHouse(trx, code);
        const house = (await trx('buildings').where({ code }).first('village_code')) as { village_code: string };
        const { caseId, joined } = await openOrJoinCase(trx, cases, {
          buildingCode: code,
          regionCode: house.village_code,
          category: c.category as never,
          severity: args.severity ?? 'general',
          description: c.description as string,
          source: 'complaint',
          sourceRef: complaintId,
          createdBy: actor.id,
        });
        await refreshSafetyState(trx, code, {
          at: new Date().toISOString(),
          actorId: actor.id,
          actorName: actor.name,
          source: `complaint:${complaintId}`,
        });
        const { number } = (await trx('cases').where({ id: caseId }).first('number')) as { number: string };
        await trx('complaints')
          .where({ id: complaintId })
          .update({ ...verified, status: 'confirmed', building_code: code, case_id: caseId, joined_case: joined });
        await appendNotice(trx, complaintId, 'confirmed', NOTICE.confirmed(number, joined, args.reply));
        return { status: 'confirmed' as const, caseId };
      });
      if (out.caseId) {
        // A new case's workflow; also after a retry whose first run stopped between the commit and the start.
        const record = await cases.find(null, out.caseId);
        if (record && !record.workflowStarted) {
          await caseWorkflows.start(record, actor);
          await cases.markStarted(record.id);
        }
      }
      return out;
    },

    async markComplaintOverdue({ complaintId }: { complaintId: string }): Promise<void> {
      await db.transaction(async (trx) => {
        const marked = await trx('complaints')
          .where({ id: complaintId, status: 'verifying' })
          .whereNull('overdue_at')
          .update({ overdue_at: trx.fn.now() });
        if (marked) await appendNotice(trx, complaintId, 'overdue', NOTICE.overdue());
      });
    },
  };
}

export type ComplaintActivities = ReturnType<typeof createComplaintActivities>;
