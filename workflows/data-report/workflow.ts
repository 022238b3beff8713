/**
 * An upward report (数据上报): one activity writes the files, the snapshot and the "done" in one
 * transaction, so a worker that dies midway commits nothing and the retried activity starts over; the
 * report row stays queued/running until then, and is marked failed only when the retries run out.
 */
import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { DataReportActivities } from '../../workers/activities/reports.ts';
import { FAILURE } from '../shared/messages.ts';
import type { DataReportInput } from './messages.ts';

// A district of 260,000 houses takes minutes; the heartbeat (each page) notices a dead worker sooner.
const { buildDataReport } = proxyActivities<DataReportActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [FAILURE.dataReportMissing],
  },
});

const { failDataReport } = proxyActivities<DataReportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 20 },
});

/** The root cause's message: an activity failure wraps the error the activity threw. */
function innermostMessage(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** Writes one report; returns its digest. */
export async function dataReportWorkflow({ reportId }: DataReportInput): Promise<{ digest: string; rows: number }> {
  try {
    return await buildDataReport(reportId);
  } catch (error) {
    const reason = isCancellation(error) ? '已取消' : `生成上报文件失败：${innermostMessage(error)}`;
    await CancellationScope.nonCancellable(() => failDataReport({ reportId, error: reason }));
    throw error;
  }
}
