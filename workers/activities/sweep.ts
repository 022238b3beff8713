/** The sweeper's activity: starts the workflow of every row that should have one and may not (see the sweep workflow). */
import { Context } from '@temporalio/activity';
import type { Config } from '../../domain/config.ts';
import { CaseStore } from '../../domain/cases/store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { CampaignWorkflows } from '../../domain/campaigns/workflow-client.ts';
import { DatabaseComplaintStore } from '../../domain/complaints/database-store.ts';
import { ComplaintWorkflows } from '../../domain/complaints/workflow-client.ts';
import type { Db } from '../../domain/db.ts';
import { startImportWorkflow } from '../../domain/imports/submit.ts';
import { startLabelBatchWorkflow } from '../../domain/labels/batches.ts';
import type { SweepResult } from '../../workflows/sweep/workflow.ts';

export function createSweepActivities(deps: { db: Db; config: Config }) {
  const cases = new CaseStore(deps.db);
  const complaints = new DatabaseComplaintStore(deps.db);
  return {
    /** Starts missing workflows of rows written more than `olderThanMs` ago; returns how many of each. */
    async startMissingWorkflows({ olderThanMs }: { olderThanMs: number }): Promise<SweepResult> {
      const temporal = Context.current().client;
      const workflows = new CaseWorkflows(temporal, deps.config);
      const missing = await cases.unstarted(olderThanMs);
      for (const c of missing) {
        await workflows.start(c, null);
        await cases.markStarted(c.id);
      }
      // A queued batch or import has not been picked up by its workflow yet: started or not, starting it
      // again is harmless (the id exists) and starts the ones a crash left behind.
      const cutoff = deps.db.raw(`now() - make_interval(secs => ?)`, [olderThanMs / 1000]);
      const target = { temporal, taskQueue: deps.config.temporalTaskQueue, db: deps.db };
      const batches = (await deps
        .db('label_batches')
        .where('status', 'queued')
        .where('created_at', '<', cutoff)
        .limit(100)
        .select('id')) as {
        id: string;
      }[];
      for (const b of batches) await startLabelBatchWorkflow(target, b.id);
      const imports = (await deps.db('import_jobs').where('status', 'queued').where('created_at', '<', cutoff).limit(100).select('id')) as {
        id: string;
      }[];
      for (const j of imports) await startImportWorkflow(target, j.id);
      const lostComplaints = await complaints.unstarted(olderThanMs);
      const complaintWorkflows = new ComplaintWorkflows(temporal, deps.config);
      for (const c of lostComplaints) {
        await complaintWorkflows.start(c);
        await complaints.markStarted(c.id);
      }
      const lostCampaigns = (await deps.db('campaigns').whereNull('workflow_started_at').where('created_at', '<', cutoff).limit(100)) as {
        id: string;
        region_code: string;
        due_at: Date;
        remind_days_before: number;
      }[];
      const campaignWorkflows = new CampaignWorkflows(temporal, deps.config);
      for (const c of lostCampaigns) {
        await campaignWorkflows.start({
          id: c.id,
          regionCode: c.region_code,
          dueAt: c.due_at.toISOString(),
          remindDaysBefore: c.remind_days_before,
        });
        await deps.db('campaigns').where({ id: c.id }).update({ workflow_started_at: deps.db.fn.now() });
      }
      return {
        cases: missing.length,
        labelBatches: batches.length,
        imports: imports.length,
        complaints: lostComplaints.length,
        campaigns: lostCampaigns.length,
      };
    },
  };
}

export type SweepActivities = ReturnType<typeof createSweepActivities>;
