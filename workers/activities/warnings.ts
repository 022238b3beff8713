/**
 * The warning rules' activities: evaluating a rule (its query, then the new warnings written at once),
 * starting the warnings' workflows, and each warning's handling and escalation. Every one is safe to
 * run again: the unique indexes decide what a rule raises, and a handling reads the row's status first.
 *
 * The notification centre tells a warning's handlers when its workflow is started (here, or by the
 * sweeper), before the start is marked, so a retry tells again under the same key (no one twice); and the
 * role above when it is escalated (domain/warnings/notices.ts).
 */
import { ApplicationFailure, heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { CURRENT_WARNING_RULES_VERSION, warningRule } from '../../definitions/warning-rules/index.ts';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import type { Building } from '../../domain/buildings/store.ts';
import { DatabaseCampaignStore } from '../../domain/campaigns/database-store.ts';
import { CampaignWorkflows } from '../../domain/campaigns/workflow-client.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import type { CaseCategory } from '../../domain/cases/enums.ts';
import { lockHouse, openOrJoinCase } from '../../domain/cases/open-or-join.ts';
import type { CaseRecord } from '../../domain/cases/store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { ROOT_REGION_CODE } from '../../domain/regions.ts';
import { DatabaseWarningQueries } from '../../domain/warnings/database-queries.ts';
import { DatabaseWarningStore } from '../../domain/warnings/database-store.ts';
import { toNewWarnings } from '../../domain/warnings/evaluate.ts';
import type { DispatchRecord, Warning } from '../../domain/warnings/store.ts';
import { WarningWorkflows } from '../../domain/warnings/workflow-client.ts';
import { escalatedNotice, raisedNotice } from '../../domain/warnings/notices.ts';
import { DatabaseNotificationStore } from '../../domain/notifications/database-store.ts';
import type { AuditContext } from '../../domain/stores/audit.ts';
import { DatabaseAuditStore } from '../../domain/stores/database-audit.ts';
import type { DispatchArgs, HandleWarningArgs, WarningWorkflowStatus } from '../../workflows/warning/messages.ts';
import type { Actor } from '../../workflows/shared/messages.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

/** The audit log's actor for what the warning workflow does by itself (no person, no request; shown as 系统). */
const SYSTEM_ACTOR: AuditContext = { actorId: null, actorName: null, actorRole: null, ip: null, userAgent: null, requestId: null };

/** Warning workflows started per call at most; the next run starts the rest. */
const START_BATCH = 200;

export function createWarningActivities({ db, config, temporal }: { db: Db; config: Config; temporal: Client }) {
  const queries = new DatabaseWarningQueries(db);
  const warnings = new DatabaseWarningStore(db);
  const workflows = new WarningWorkflows(temporal, config);
  const cases = new DatabaseCaseStore(db);
  const caseWorkflows = new CaseWorkflows(temporal, config);
  const campaigns = new DatabaseCampaignStore(db);
  const campaignWorkflows = new CampaignWorkflows(temporal, config);
  const buildings = new DatabaseBuildingStore(db);
  const notifications = new DatabaseNotificationStore(db);
  const audit = new DatabaseAuditStore(db);

  /** Opens what a dispatch asks for, in the caller's transaction; the workflows are started after the commit. */
  async function open(trx: Db, w: Warning, actor: Actor, what: DispatchArgs): Promise<DispatchRecord> {
    if (what.kind === 'inspection') {
      const { id } = await campaigns.create(
        {
          name: `${w.ruleName}专项排查`,
          regionCode: w.regionCode,
          filters: { ids: w.buildingCodes },
          assigneeRole: 'inspector',
          dueAt: what.dueAt,
          remindDaysBefore: 1,
          createdBy: { id: actor.id, name: actor.name },
        },
        trx,
      );
      return { kind: 'inspection', campaignId: id };
    }
    const caseIds: string[] = [];
    for (const code of [...w.buildingCodes].sort()) {
      await lockHouse(trx, code);
      const house = (await buildings.find(null, code, trx)) as Building;
      const { caseId } = await openOrJoinCase(trx, cases, {
        buildingCode: code,
        regionCode: house.villageCode as string,
        category: what.category as CaseCategory,
        severity: what.severity,
        description: what.description,
        source: 'officer',
        sourceRef: `warning:${w.id}`,
        createdBy: actor.id,
      });
      await refreshSafetyState(trx, code, {
        at: new Date().toISOString(),
        actorId: actor.id,
        actorName: actor.name,
        source: `case:${caseId}`,
      });
      caseIds.push(caseId);
    }
    return { kind: 'case', caseIds };
  }

  return {
    /** Runs the rule's query with its thresholds and writes what is new; returns how many it found and raised. */
    async evaluateWarningRule({ ruleId }: { ruleId: string }): Promise<{ found: number; raised: number }> {
      const version = CURRENT_WARNING_RULES_VERSION;
      const rule = warningRule(ruleId, version);
      const ctx = { now: new Date(), daySeconds: config.caseDaySeconds };
      const found = await queries.run(rule.query, rule.thresholds, ctx);
      const raised = await warnings.raise(toNewWarnings(rule, version, found, ctx));
      return { found: found.length, raised };
    },

    /** Starts the workflow of every warning of the rule that has none yet (notifications go here too). */
    async startWarningWorkflows({ ruleId }: { ruleId: string }): Promise<number> {
      const waiting = await warnings.unstarted({ ruleId }, START_BATCH);
      for (const w of waiting) {
        // A worker lost here is noticed by the heartbeat's timeout, not the activity's 5 minutes.
        heartbeat(w.id);
        await workflows.start(w);
        await notifications.notify(raisedNotice(w));
        await warnings.markStarted(w.id);
      }
      return waiting.length;
    },

    /** Records one handling; a handling already recorded (a retry) returns the row's status as it is. */
    async handleWarning(args: HandleWarningArgs & { warningId: string }): Promise<WarningWorkflowStatus> {
      const { warningId, actor } = args;
      const by = { id: actor.id, name: actor.name };
      const out = await db.transaction(async (trx) => {
        const status = await warnings.lock(warningId, trx);
        if (!status) throw ApplicationFailure.nonRetryable(`warning ${warningId} not found`, FAILURE.warningMissing);
        if (status === 'dispatched' || status === 'dismissed') return { status, opened: null };
        if (args.action === 'acknowledge') {
          if (status !== 'acknowledged') await warnings.acknowledge(warningId, by, trx);
          return { status: 'acknowledged' as const, opened: null };
        }
        if (args.action === 'dismiss') {
          await warnings.dismiss(warningId, by, args.reason.trim(), trx);
          return { status: 'dismissed' as const, opened: null };
        }
        const w = (await warnings.find(null, warningId, trx)) as Warning;
        const opened = await open(trx, w, actor, args.dispatch);
        await warnings.dispatch(warningId, by, opened, trx);
        return { status: 'dispatched' as const, opened };
      });
      // The rows are committed; a start lost here is made by the sweeper (cases and campaigns alike).
      if (out.opened?.kind === 'inspection') {
        const c = await campaigns.find(ROOT_REGION_CODE, out.opened.campaignId);
        if (c) {
          await campaignWorkflows.start({ id: c.id, regionCode: c.regionCode, dueAt: c.dueAt, remindDaysBefore: c.remindDaysBefore });
          await campaigns.markStarted(c.id);
        }
      } else if (out.opened?.kind === 'case') {
        for (const id of out.opened.caseIds) {
          const record = await cases.find(null, id);
          if (record && !record.workflowStarted) {
            await caseWorkflows.start(record as CaseRecord, actor);
            await cases.markStarted(record.id);
          }
        }
      }
      return out.status;
    },

    /**
     * Marks the warning escalated if it is still open, and writes the escalation to the audit log in the
     * same transaction, once (a retry finds it escalated and writes nothing); true when it is escalated.
     * The role above is told (again under the same key on a retry: no one twice).
     */
    async escalateWarning({ warningId }: { warningId: string }): Promise<boolean> {
      const escalated = await db.transaction(async (trx) => {
        const result = await warnings.escalate(warningId, trx);
        if (result === 'now') {
          const w = (await warnings.find(null, warningId, trx)) as Warning;
          await audit.record(
            SYSTEM_ACTOR,
            {
              action: 'warning.escalate',
              subjectType: 'Warning',
              subjectId: warningId,
              regionCode: w.regionCode,
              details: { ruleId: w.ruleId, ruleVersion: w.ruleVersion, escalateTo: w.escalateToRole, acknowledgeDueAt: w.acknowledgeDueAt },
            },
            trx,
          );
        }
        return result !== false;
      });
      if (!escalated) return false;
      const w = await warnings.find(null, warningId);
      if (w) await notifications.notify(escalatedNotice(w));
      return true;
    },
  };
}

export type WarningActivities = ReturnType<typeof createWarningActivities>;
