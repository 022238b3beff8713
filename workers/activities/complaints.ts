/**
 * The complaint workflow's activities: the verification (a confirmed complaint opens or joins a hazard
 * case, whose workflow is started here) and the missed deadline. Each is safe to run again: the
 * complaint row says whether it was already done.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import type { Building, BuildingStore } from '../../domain/buildings/store.ts';
import { lockHouse, openOrJoinCase } from '../../domain/cases/open-or-join.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import type { CaseRecord } from '../../domain/cases/store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { DatabaseComplaintStore } from '../../domain/complaints/database-store.ts';
import { NOTICE } from '../../domain/complaints/notices.ts';
import type { VerificationSubject } from '../../domain/complaints/store.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { presenceOf } from '../../domain/inspections/presence.ts';
import type { ComplaintState, VerifyArgs } from '../../workflows/complaint/messages.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

/**
 * Where the verifier's phone was, and how far from the house (the house found on site for a map
 * complaint; for one never tied to a house, the point the citizen picked).
 */
async function evidence(trx: Db, buildings: BuildingStore, c: VerificationSubject, args: VerifyArgs) {
  const position = args.position ?? null;
  const code = c.buildingCode ?? args.buildingCode ?? null;
  const house = code ? await buildings.find(null, code, trx) : (c.position ?? { latitude: null, longitude: null });
  const presence = presenceOf(position, house ?? { latitude: null, longitude: null });
  return {
    position: position && { latitude: position.latitude, longitude: position.longitude, accuracy: position.accuracy ?? null },
    distanceM: presence.distanceM,
    presence: presence.presence,
  };
}

export function createComplaintActivities({ db, config, temporal }: { db: Db; config: Config; temporal: Client }) {
  const cases = new DatabaseCaseStore(db);
  const caseWorkflows = new CaseWorkflows(temporal, config);
  const complaints = new DatabaseComplaintStore(db);
  const buildings = new DatabaseBuildingStore(db);
  return {
    async verifyComplaint(args: VerifyArgs & { complaintId: string }): Promise<Pick<ComplaintState, 'status' | 'caseId'>> {
      const { complaintId, actor } = args;
      const out = await db.transaction(async (trx) => {
        const c = await complaints.lockForVerification(complaintId, trx);
        if (!c) throw ApplicationFailure.nonRetryable(`complaint ${complaintId} not found`, FAILURE.complaintMissing);
        if (c.status !== 'verifying') return { status: c.status, caseId: c.caseId };
        const verified = {
          actor: { id: actor.id, name: actor.name },
          note: args.note ?? null,
          reply: args.reply,
          ...(await evidence(trx, buildings, c, args)),
        };
        await complaints.attachVerificationFiles(complaintId, args.fileIds ?? [], trx);
        if (args.result === 'unfounded') {
          await complaints.recordVerdict(complaintId, { ...verified, outcome: { status: 'unfounded' } }, trx);
          await complaints.appendNotice(complaintId, 'unfounded', NOTICE.unfounded(args.reply), trx);
          return { status: 'unfounded' as const, caseId: null };
        }
        const code = c.buildingCode ?? args.buildingCode;
        if (!code) throw ApplicationFailure.nonRetryable('a confirmed complaint needs its house', FAILURE.complaintWithoutHouse);
        await lockHouse(trx, code);
        const house = (await buildings.find(null, code, trx)) as Building;
        const { caseId, joined } = await openOrJoinCase(trx, cases, {
          buildingCode: code,
          regionCode: house.villageCode as string,
          category: c.category,
          severity: args.severity ?? 'general',
          description: c.description,
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
        const { number } = (await cases.find(null, caseId, trx)) as CaseRecord;
        await complaints.recordVerdict(
          complaintId,
          { ...verified, outcome: { status: 'confirmed', buildingCode: code, caseId, joined } },
          trx,
        );
        await complaints.appendNotice(complaintId, 'confirmed', NOTICE.confirmed(number, joined, args.reply), trx);
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
        if (await complaints.markOverdue(complaintId, trx)) await complaints.appendNotice(complaintId, 'overdue', NOTICE.overdue(), trx);
      });
    },
  };
}

export type ComplaintActivities = ReturnType<typeof createComplaintActivities>;
