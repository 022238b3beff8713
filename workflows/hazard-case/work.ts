/**
 * What each message does to a case: the checks its validator runs (refusals typed for the API) and the
 * change its handler queues. The workflow function wires them to the messages; the case machine
 * (`case.ts`) does the writing. Completing a task follows the definition's routing table (`plan.ts`).
 */
import { ApplicationFailure, patched } from '@temporalio/workflow';
import { activeElements } from './case.ts';
import type { HazardCase } from './case.ts';
import { escalateNow } from './escalation.ts';
import type {
  CaseAck,
  CaseActionArgs,
  CompleteTaskArgs,
  ReassignTaskArgs,
  SupervisionCallbackArgs,
  TaskArgs,
  TaskState,
} from './messages.ts';
import { REFUSAL } from './messages.ts';
import { completionPlan } from './plan.ts';
import { Refusal, checkClaim, checkClosingGate, checkComplete, checkEligible, checkRelease, findTask } from './rules.ts';

/** Runs a check for a validator or a handler: a Refusal becomes the update's failure, typed for the API. */
export function guard<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof Refusal) throw ApplicationFailure.create({ type: error.type, message: error.message, nonRetryable: true });
    throw error;
  }
}

/** The reassign validator: the task is open and the new assignee may work it. */
export function checkReassign(c: HazardCase, args: ReassignTaskArgs): TaskState {
  const task = findTask(c.state, args.taskId);
  checkEligible(c.state, task, args.to);
  return task;
}

/** The complete validator: the actor may complete the task, and a closing passes the serious case's gate. */
export function checkCompletion(c: HazardCase, args: CompleteTaskArgs): TaskState {
  const task = checkComplete(c.state, args);
  if (task.step === 'close') checkClosingGate(c.state, args.form, args.fileIds);
  return task;
}

/** A case that has ended takes no more work. */
export function checkOpen(c: HazardCase): void {
  if (c.terminal()) throw new Refusal(REFUSAL.conflict, '案件已销号或已撤销');
}

/** Claims a task for the actor (claiming one's own claimed task again changes nothing). */
export async function claim(c: HazardCase, args: TaskArgs): Promise<CaseAck> {
  const task = guard(() => checkClaim(c.state, args));
  if (task.status === 'claimed') return c.ack();
  task.status = 'claimed';
  task.assigneeId = args.actor.id;
  await c.serial(() =>
    c.apply({
      event: { type: 'task.claimed', elementId: task.elementId, taskId: task.id, actor: args.actor, data: {} },
      taskChanges: [{ id: task.id, status: 'claimed', assigneeId: args.actor.id }],
    }),
  );
  return c.ack();
}

/** Puts a claimed task back in the pool. */
export async function release(c: HazardCase, args: TaskArgs): Promise<CaseAck> {
  const task = guard(() => checkRelease(c.state, args));
  task.status = 'open';
  task.assigneeId = null;
  await c.serial(() =>
    c.apply({
      event: { type: 'task.released', elementId: task.elementId, taskId: task.id, actor: args.actor, data: {} },
      taskChanges: [{ id: task.id, status: 'open', assigneeId: null }],
    }),
  );
  return c.ack();
}

/** Gives a task to another eligible person, claimed for them. */
export async function reassign(c: HazardCase, args: ReassignTaskArgs): Promise<CaseAck> {
  const task = guard(() => checkReassign(c, args));
  const from = task.assigneeId;
  task.status = 'claimed';
  task.assigneeId = args.to.id;
  await c.serial(() =>
    c.apply({
      event: {
        type: 'task.reassigned',
        elementId: task.elementId,
        taskId: task.id,
        actor: args.actor,
        data: { from, to: args.to.id, toName: args.to.name, reason: args.reason ?? null },
      },
      taskChanges: [{ id: task.id, status: 'claimed', assigneeId: args.to.id }],
    }),
  );
  return c.ack();
}

/**
 * Completes a task: the plan (from the routing table) says where the case goes; the next task opens in
 * the same write, and an escalation the route asks for follows it.
 */
export async function complete(c: HazardCase, args: CompleteTaskArgs): Promise<CaseAck> {
  const { state, def, input } = c;
  const task = guard(() => checkCompletion(c, args));
  // Taken now, before waiting for the queue: a second completion racing this one is refused (409).
  state.openTasks = state.openTasks.filter((t) => t.id !== task.id);
  c.stopWatching(task.id);
  await c.serial(async () => {
    // Cases whose control was completed before the officer's deadline was carried past it replay
    // with the default rectification deadline they were given.
    const afterControl = task.step === 'control' && patched('rectify-deadline-after-control');
    const plan = completionPlan(def, state, task, args, input.buildingCode, afterControl);
    const next = plan.nextStep ? c.newTask(plan.nextStep, plan.nextDueAt) : null;
    if (plan.closes) for (const other of state.openTasks) c.stopWatching(other.id);
    const remaining = plan.closes ? [] : state.openTasks;
    const tasksAfter = next ? [...remaining, next] : remaining;
    const transition = {
      event: {
        type: 'task.completed',
        elementId: task.elementId,
        taskId: task.id,
        actor: args.actor,
        data: { step: task.step, outcome: plan.outcome, form: args.form, fileIds: args.fileIds, path: plan.path(next) },
      },
      taskChanges: [
        {
          id: task.id,
          status: 'completed' as const,
          completedBy: args.actor.id,
          outcome: plan.outcome,
          form: args.form,
          fileIds: args.fileIds,
        },
        ...(plan.closes ? state.openTasks.map((t) => ({ id: t.id, status: 'cancelled' as const })) : []),
      ],
      case: {
        ...plan.caseChange,
        activeElements: activeElements(tasksAfter),
        dueAt: tasksAfter.find((t) => t.step !== 'escalationRefused')?.dueAt ?? null,
      },
      ...(plan.building ? { building: plan.building } : {}),
    };
    Object.assign(state, plan.stateChange);
    if (plan.closes) state.openTasks = [];
    if (next) await c.openTasks([next], transition);
    else await c.apply(transition);
    if (plan.escalate) await escalateNow(c, plan.escalate.reason, plan.escalate.text, args.actor);
  });
  return c.ack();
}

/** Cancels the case: every open task is cancelled and its watchers stopped. */
export async function cancel(c: HazardCase, args: CaseActionArgs): Promise<CaseAck> {
  const { state } = c;
  const el = c.def.elements;
  guard(() => checkOpen(c));
  await c.serial(async () => {
    guard(() => checkOpen(c));
    for (const t of state.openTasks) c.stopWatching(t.id);
    const cancelled = state.openTasks.map((t) => ({ id: t.id, status: 'cancelled' as const }));
    state.openTasks = [];
    await c.apply({
      event: {
        type: 'case.cancelled',
        elementId: el.cancelled,
        taskId: null,
        actor: args.actor,
        data: { reason: args.reason, path: [el.cancelStart, el.cancelled] },
      },
      taskChanges: cancelled,
      case: { status: 'cancelled', cancelReason: args.reason, activeElements: [], dueAt: null },
    });
  });
  return c.ack();
}

/** An officer's escalation, sent like any other. */
export async function escalateManually(c: HazardCase, args: CaseActionArgs): Promise<CaseAck> {
  guard(() => checkOpen(c));
  await c.serial(async () => {
    guard(() => checkOpen(c));
    await escalateNow(c, 'manual', args.reason, args.actor);
  });
  return c.ack();
}

/** The supervision system's answer to an escalation; a result marks it handled. */
export function supervisionCallback(c: HazardCase, args: SupervisionCallbackArgs): void {
  void c.serial(async () => {
    const escalation = c.state.escalations.find((e) => e.receiptId === args.receiptId);
    await c.apply({
      event: {
        type: 'supervision.callback',
        elementId: c.def.elements.escalate,
        taskId: null,
        actor: null,
        data: { ...args, no: escalation?.no ?? null },
      },
      ...(escalation && args.kind === 'result'
        ? { escalation: { no: escalation.no, status: 'handled' as const, receiptId: args.receiptId } }
        : {}),
    });
    if (escalation && args.kind === 'result') escalation.status = 'handled';
  });
}
