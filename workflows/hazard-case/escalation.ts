/**
 * Escalation to the supervision system (督办): recorded in the case at once, then sent in the
 * background, retried until the system takes it. An acceptance is recorded with its receipt; a refusal
 * opens a district task (督办退回处理) unless the case has ended meanwhile.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../workers/activities/cases.ts';
import { FAILURE } from '../shared/messages.ts';
import type { HazardCase } from './case.ts';
import type { Actor } from './messages.ts';

const { sendEscalation } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [FAILURE.supervisionRefused],
  },
});

/** Records an escalation and sends it in the background (call inside the case's queue). */
export async function escalateNow(
  c: HazardCase,
  reason: string,
  reasonText: string,
  actor: Actor | null,
  path: string[] = [],
): Promise<void> {
  const el = c.def.elements;
  const no = c.state.escalations.length + 1;
  await c.apply({
    event: {
      type: 'escalation.requested',
      elementId: el.escalationStart,
      taskId: null,
      actor,
      data: { no, reason, reasonText, path: [...path, el.escalationStart, el.escalate] },
    },
    case: { escalationCount: no },
    escalation: { no, reason, reasonText, elementId: el.escalate, status: 'sending' },
  });
  c.state.escalations.push({ no, reason, reasonText, status: 'sending', receiptId: null });
  c.deliveries++;
  void deliver(c, no).finally(() => c.deliveries--);
}

/** Sends escalation `no` and records the answer, in the queue. */
async function deliver(c: HazardCase, no: number): Promise<void> {
  const el = c.def.elements;
  const escalation = c.state.escalations.find((e) => e.no === no);
  if (!escalation) return;
  try {
    const receipt = await sendEscalation({ caseId: c.input.caseId, no });
    await c.serial(async () => {
      await c.apply({
        event: {
          type: 'escalation.accepted',
          elementId: el.escalationSent,
          taskId: null,
          actor: null,
          data: { no, receiptId: receipt.receiptId, duplicate: receipt.duplicate, path: [el.escalationResult, el.escalationSent] },
        },
        escalation: { no, status: 'accepted', receiptId: receipt.receiptId, error: null },
      });
      Object.assign(escalation, { status: 'accepted', receiptId: receipt.receiptId });
    });
  } catch (error) {
    const refused =
      error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === FAILURE.supervisionRefused;
    if (!refused) throw error;
    const message = error.cause?.message ?? '督办被退回';
    await c.serial(async () => {
      escalation.status = 'refused';
      const t = {
        event: {
          type: 'escalation.refused',
          elementId: el.escalationResult,
          taskId: null,
          actor: null,
          data: { no, error: message, path: [el.escalationResult] },
        },
        escalation: { no, status: 'refused' as const, error: message },
      };
      if (c.terminal()) return c.apply(t);
      const task = { ...c.newTask('escalationRefused'), escalationNo: no };
      (t.event.data.path as string[]).push(task.elementId);
      await c.openTasks([task], t);
    });
  }
}
