/**
 * Activities of the data-report workflow. Building a report is one transaction (files written under
 * fixed keys, snapshot and "done" committed together), so a retry repeats it whole and a report already
 * done is not written again.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import { buildReport } from '../../domain/reports/build.ts';
import { DatabaseDataReportStore } from '../../domain/reports/database-store.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

export function createDataReportActivities(deps: { db: Db; files: FileStore }) {
  const store = new DatabaseDataReportStore(deps.db);
  return {
    /** Writes the report's files and snapshot and marks it done (at once when it is done already). */
    async buildDataReport(reportId: string): Promise<{ digest: string; rows: number }> {
      const report = await store.find(null, reportId);
      if (!report) throw ApplicationFailure.nonRetryable(`data report ${reportId} does not exist`, FAILURE.dataReportMissing);
      if (report.status === 'done' && report.digest && report.counts) return { digest: report.digest, rows: report.counts.rows };
      await store.markRunning(reportId);
      const done = await buildReport({ db: deps.db, files: deps.files, store, beat: (p) => Context.current().heartbeat(p) }, report);
      return { digest: done.digest, rows: done.counts.rows };
    },

    /** Records why the report failed (nothing once it is done). */
    async failDataReport(input: { reportId: string; error: string }): Promise<void> {
      await store.fail(input.reportId, input.error);
    },
  };
}

/** Types of the activities, for `proxyActivities` in the workflow. */
export type DataReportActivities = ReturnType<typeof createDataReportActivities>;
