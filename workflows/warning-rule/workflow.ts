/**
 * One run of one warning rule, started by the rule's Temporal Schedule (workers/schedules.ts): the
 * rule's query is evaluated and the new warnings written in one activity (a unique index makes a
 * repeated or retried run write nothing twice), then every warning of the rule whose workflow has not
 * started yet gets it (also those a run killed between the two steps left behind).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { WarningActivities } from '../../workers/activities/warnings.ts';

const RETRY = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 5 };
const { evaluateWarningRule } = proxyActivities<WarningActivities>({ startToCloseTimeout: '5 minutes', retry: RETRY });
/** It heartbeats before each start: a killed worker's run is taken up again within the heartbeat's timeout. */
const { startWarningWorkflows } = proxyActivities<WarningActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '20 seconds',
  retry: RETRY,
});

export interface WarningRuleRun {
  ruleId: string;
  found: number;
  raised: number;
  started: number;
}

export async function warningRuleWorkflow({ ruleId }: { ruleId: string }): Promise<WarningRuleRun> {
  const { found, raised } = await evaluateWarningRule({ ruleId });
  const started = await startWarningWorkflows({ ruleId });
  return { ruleId, found, raised, started };
}
