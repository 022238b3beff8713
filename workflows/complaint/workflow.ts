/**
 * A citizen's complaint: the village inspector verifies it on site before its deadline. Confirmed, it
 * opens or joins a hazard case; unfounded, it closes with a reply. A missed deadline is recorded once
 * (the town sees it; the citizen reads that it is being pressed) and the complaint keeps waiting.
 */
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { isWithinRegion } from '../../domain/regions.ts';
import type { ComplaintActivities } from '../../workers/activities/complaints.ts';
import { REFUSAL } from '../shared/messages.ts';
import { complaintStateQuery, verifyComplaintUpdate } from './messages.ts';
import type { ComplaintInput, ComplaintState } from './messages.ts';

const { verifyComplaint, markComplaintOverdue } = proxyActivities<ComplaintActivities>({
  startToCloseTimeout: '30 seconds',
  // A database or Temporal outage delays a verification, never loses it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const VERIFIERS = ['inspector', 'town_officer', 'district_officer', 'district_admin'];

export async function complaintWorkflow(input: ComplaintInput): Promise<ComplaintState> {
  const state: ComplaintState = { complaintId: input.complaintId, status: 'verifying', overdue: false, caseId: null };
  let verifying = false;

  setHandler(complaintStateQuery, () => state);
  setHandler(
    verifyComplaintUpdate,
    async (args) => {
      verifying = true;
      const result = await verifyComplaint({ complaintId: input.complaintId, ...args });
      Object.assign(state, result);
      return state;
    },
    {
      validator: (args) => {
        if (state.status !== 'verifying' || verifying)
          throw ApplicationFailure.create({ type: REFUSAL.conflict, message: '该投诉已核实', nonRetryable: true });
        if (!VERIFIERS.includes(args.actor.role) || !isWithinRegion(input.regionCode, args.actor.regionCode))
          throw ApplicationFailure.create({ type: REFUSAL.forbidden, message: '只有本辖区的排查员或镇街人员可以核实', nonRetryable: true });
      },
    },
  );

  const dueInMs = Date.parse(input.verifyDueAt) - Date.now();
  const done = () => state.status !== 'verifying';
  if (!(await condition(done, Math.max(dueInMs, 1)))) {
    state.overdue = true;
    await markComplaintOverdue({ complaintId: input.complaintId });
    await condition(done);
  }
  await condition(allHandlersFinished);
  return state;
}
