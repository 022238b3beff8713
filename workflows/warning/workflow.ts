/**
 * One raised warning (预警处置): it waits to be acknowledged by its deadline, then to be dispatched
 * (a special inspection or hazard cases opened) or dismissed with a reason. Not acknowledged in time,
 * it is escalated once (recorded on the row, shown to the role above) and keeps waiting, like a case
 * deadline. Each handling is recorded by an activity that reads the row first, so a retry does nothing twice.
 */
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { isWithinRegion } from '../../domain/regions.ts';
import type { WarningActivities } from '../../workers/activities/warnings.ts';
import { REFUSAL } from '../shared/messages.ts';
import { WARNING_HANDLERS, handleWarningUpdate, warningStateQuery } from './messages.ts';
import type { WarningInput, WarningState } from './messages.ts';

const { handleWarning, escalateWarning } = proxyActivities<WarningActivities>({
  startToCloseTimeout: '1 minute',
  // A database or Temporal outage delays a handling, never loses it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const closed = (s: WarningState) => s.status === 'dispatched' || s.status === 'dismissed';

export async function warningWorkflow(input: WarningInput): Promise<WarningState> {
  const state: WarningState = { warningId: input.warningId, status: 'open', escalated: false };
  let busy = false;

  setHandler(warningStateQuery, () => state);
  setHandler(
    handleWarningUpdate,
    async (args) => {
      busy = true;
      try {
        state.status = await handleWarning({ warningId: input.warningId, ...args });
      } finally {
        busy = false;
      }
      return state;
    },
    {
      validator: (args) => {
        if (closed(state) || busy) throw ApplicationFailure.create({ type: REFUSAL.conflict, message: '该预警已处置', nonRetryable: true });
        if (args.action === 'acknowledge' && state.status === 'acknowledged')
          throw ApplicationFailure.create({ type: REFUSAL.conflict, message: '该预警已签收', nonRetryable: true });
        if (!(WARNING_HANDLERS as readonly string[]).includes(args.actor.role) || !isWithinRegion(input.regionCode, args.actor.regionCode))
          throw ApplicationFailure.create({
            type: REFUSAL.forbidden,
            message: '只有本辖区的镇街或区住建局人员可以处置该预警',
            nonRetryable: true,
          });
        if (args.action === 'dismiss' && args.reason.trim().length < 2)
          throw ApplicationFailure.create({ type: REFUSAL.rule, message: '请填写忽略理由', nonRetryable: true });
      },
    },
  );

  const dueInMs = Date.parse(input.acknowledgeDueAt) - Date.now();
  if (!(await condition(() => state.status !== 'open', Math.max(dueInMs, 1)))) {
    // The escalation is written even if an acknowledgement is being recorded at this moment: the row decides.
    if (await escalateWarning({ warningId: input.warningId })) {
      state.escalated = true;
      if (state.status === 'open') state.status = 'escalated';
    }
  }
  await condition(() => closed(state));
  await condition(allHandlersFinished);
  return state;
}
