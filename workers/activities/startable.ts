/**
 * The registry of startable row kinds: every table whose rows are written first and then start a
 * workflow (the platform's dual write). The sweeper reads this list and nothing else, so a new
 * workflow kind (a recurring inspection schedule, a warning) registers itself here once: its name in
 * the sweep's result, how its store finds rows whose workflow may not have started, and how one is
 * started (through its aggregate's workflow client, where "already started" counts as started).
 */
import type { Client } from '@temporalio/client';
import { DatabaseBulletinStore } from '../../domain/bulletins/database-store.ts';
import { startBulletinWorkflow } from '../../domain/bulletins/workflow-client.ts';
import { DatabaseCampaignStore } from '../../domain/campaigns/database-store.ts';
import { CampaignWorkflows } from '../../domain/campaigns/workflow-client.ts';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { DatabaseComplaintStore } from '../../domain/complaints/database-store.ts';
import { ComplaintWorkflows } from '../../domain/complaints/workflow-client.ts';
import { verificationNotice } from '../../domain/complaints/verification-notice.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { DatabaseImportJobStore } from '../../domain/imports/database-store.ts';
import { startImportWorkflow } from '../../domain/imports/workflow-client.ts';
import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';
import { startLabelBatchWorkflow } from '../../domain/labels/workflow-client.ts';
import { DatabaseDataReportStore } from '../../domain/reports/database-store.ts';
import { startDataReportWorkflow } from '../../domain/reports/workflow-client.ts';
import { DatabaseWarningStore } from '../../domain/warnings/database-store.ts';
import { WarningWorkflows } from '../../domain/warnings/workflow-client.ts';
import { raisedNotice } from '../../domain/warnings/notices.ts';
import { DatabaseNotificationStore } from '../../domain/notifications/database-store.ts';

/** One kind of row whose workflow is started after the row is written. */
export interface StartableKind<Row> {
  /** The name the sweep's result counts this kind under. */
  readonly kind: string;
  /** Rows written more than `olderThanMs` ago whose workflow may not have started (a bounded batch). */
  unstarted(olderThanMs: number): Promise<Row[]>;
  /** Starts one row's workflow ("already started" counts as started) and records that it did. */
  start(row: Row): Promise<void>;
}

/** What the kinds need to find and start their rows. */
export interface StartableDeps {
  db: Db;
  temporal: Client;
  config: Config;
}

/** Forgets a kind's row type, so kinds of different rows share one list (each reads only its own rows). */
const startable = <Row>(kind: StartableKind<Row>): StartableKind<unknown> => kind;

/** Every startable row kind, in the order a sweep visits them. */
export function startableKinds({ db, temporal, config }: StartableDeps): StartableKind<unknown>[] {
  const cases = new DatabaseCaseStore(db);
  const caseWorkflows = new CaseWorkflows(temporal, config);
  const batches = new DatabaseLabelBatchStore(db);
  const imports = new DatabaseImportJobStore(db);
  const complaints = new DatabaseComplaintStore(db);
  const complaintWorkflows = new ComplaintWorkflows(temporal, config);
  const campaigns = new DatabaseCampaignStore(db);
  const campaignWorkflows = new CampaignWorkflows(temporal, config);
  const warnings = new DatabaseWarningStore(db);
  const warningWorkflows = new WarningWorkflows(temporal, config);
  const notifications = new DatabaseNotificationStore(db);
  const bulletins = new DatabaseBulletinStore(db);
  const reports = new DatabaseDataReportStore(db);
  const target = { temporal, taskQueue: config.temporalTaskQueue };
  return [
    startable({
      kind: 'cases',
      unstarted: (olderThanMs) => cases.unstarted(olderThanMs),
      async start(c) {
        await caseWorkflows.start(c, null);
        await cases.markStarted(c.id);
      },
    }),
    // A queued batch or import has not been picked up by its workflow yet: started or not, starting it
    // again is harmless (the id exists) and starts the ones a crash left behind.
    startable({
      kind: 'labelBatches',
      unstarted: (olderThanMs) => batches.queued(olderThanMs),
      start: (b) => startLabelBatchWorkflow(target, b.id),
    }),
    startable({
      kind: 'imports',
      unstarted: (olderThanMs) => imports.queued(olderThanMs),
      start: (j) => startImportWorkflow(target, j.id),
    }),
    startable({
      kind: 'dataReports',
      unstarted: (olderThanMs) => reports.queued(olderThanMs),
      start: (r) => startDataReportWorkflow(target, r.id),
    }),
    startable({
      kind: 'complaints',
      unstarted: (olderThanMs) => complaints.unstarted(olderThanMs),
      async start(c) {
        await complaintWorkflows.start(c);
        await notifications.notify(verificationNotice(c));
        await complaints.markStarted(c.id);
      },
    }),
    startable({
      kind: 'campaigns',
      unstarted: (olderThanMs) => campaigns.unstarted(olderThanMs),
      async start(c) {
        await campaignWorkflows.start(c);
        await campaigns.markStarted(c.id);
      },
    }),
    // A rule's next run starts its own warnings; this covers a rule no longer run (retired in a new version).
    startable({
      kind: 'warnings',
      unstarted: (olderThanMs) => warnings.unstarted({ olderThanMs }),
      async start(w) {
        await warningWorkflows.start(w);
        await notifications.notify(raisedNotice(w));
        await warnings.markStarted(w.id);
      },
    }),
    // A bulletin an officer asked for, still queued: as a label batch, starting it again is harmless.
    startable({
      kind: 'bulletins',
      unstarted: (olderThanMs) => bulletins.queued(olderThanMs),
      start: (b) => startBulletinWorkflow(target, b.id),
    }),
  ];
}
