/**
 * The hazard case (隐患案件): one workflow per case, from registration to closing or cancelling. It owns
 * the process state; every change goes to the read models through one idempotent activity, in order
 * (a serial queue), before an update answers, so the caller reads its own write. Deadlines are timers
 * started with each task: reminders before, one escalation after. Escalations are sent in the
 * background, retried until the supervision system takes them; a refusal becomes a district task.
 *
 * This file is the message wiring only (as in the samples' `safe-message-handlers`): the case machine
 * is `case.ts`, what each message does `work.ts`, escalation `escalation.ts`, routing the definition's.
 */
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { HazardCase } from './case.ts';
import {
  cancelCaseUpdate,
  caseStateQuery,
  claimTaskUpdate,
  completeTaskUpdate,
  escalateCaseUpdate,
  reassignTaskUpdate,
  registeredUpdate,
  releaseTaskUpdate,
  supervisionCallbackSignal,
} from './messages.ts';
import type { CaseState, HazardCaseInput } from './messages.ts';
import { checkClaim, checkRelease } from './rules.ts';
import {
  cancel,
  checkCompletion,
  checkOpen,
  checkReassign,
  claim,
  complete,
  escalateManually,
  guard,
  reassign,
  release,
  supervisionCallback,
} from './work.ts';

export async function hazardCaseWorkflow(input: HazardCaseInput): Promise<CaseState> {
  const c = new HazardCase(input);

  setHandler(caseStateQuery, () => c.state);
  // Queued behind the registration below, so it answers when the first task is in the read models.
  setHandler(registeredUpdate, () => c.serial(async () => c.ack()));

  setHandler(claimTaskUpdate, (args) => claim(c, args), {
    validator: (args) => void guard(() => checkClaim(c.state, args)),
  });
  setHandler(releaseTaskUpdate, (args) => release(c, args), {
    validator: (args) => void guard(() => checkRelease(c.state, args)),
  });
  setHandler(reassignTaskUpdate, (args) => reassign(c, args), {
    validator: (args) => void guard(() => checkReassign(c, args)),
  });
  setHandler(completeTaskUpdate, (args) => complete(c, args), {
    validator: (args) => void guard(() => checkCompletion(c, args)),
  });
  setHandler(cancelCaseUpdate, (args) => cancel(c, args), {
    validator: (_args) => void guard(() => checkOpen(c)),
  });
  setHandler(escalateCaseUpdate, (args) => escalateManually(c, args), {
    validator: (_args) => void guard(() => checkOpen(c)),
  });
  setHandler(supervisionCallbackSignal, (args) => supervisionCallback(c, args));

  await c.register();

  await condition(() => c.terminal() && c.deliveries === 0 && allHandlersFinished());
  await c.drained();
  return c.state;
}
