/**
 * The hazard case (隐患案件): one workflow per case, from registration to closing or cancelling. It owns
 * the process state; every change goes to the read models through one idempotent activity, in order
 * (a serial queue), before an update answers, so the caller reads its own write. Deadlines are timers
 * started with each task: reminders before, one escalation after. Escalations are sent in the
 * background, retried until the supervision system takes them; a refusal becomes a district task.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import { hazardCaseDefinition } from '../../definitions/hazard-case/index.ts';
import type { StepId } from '../../definitions/hazard-case/types.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import { SA_CASE_STATUS, SA_DUE_AT } from '../../domain/search-attributes.ts';
import type { CaseActivities } from '../../workers/activities/cases.ts';
import { FAILURE, REFUSAL } from '../shared/messages.ts';
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
import type { Actor, CaseAck, CaseState, CaseStatus, HazardCaseInput, TaskState } from './messages.ts';
import { completionPlan } from './plan.ts';
import { Refusal, checkClaim, checkClosingGate, checkComplete, checkEligible, checkRelease, dueAt, findTask, taskRegion } from './rules.ts';

// A local activity: one short transaction, run by the worker inside the workflow task instead of a
// round trip through the server, which is most of a step's latency. Keyed by seq, so a re-run after a
// crash writes nothing twice.
const { applyCaseTransition } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  // A database outage must delay a case, never lose a step: retry until it is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const { sendEscalation } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [FAILURE.supervisionRefused],
  },
});

export const STEP_STATUS: Record<StepId, CaseStatus> = {
  assign: 'assigning',
  control: 'controlling',
  rectify: 'rectifying',
  recheck: 'rechecking',
  close: 'closing',
  escalationRefused: 'rectifying',
};

/** Runs a check for a validator or a handler: a Refusal becomes the update's failure, typed for the API. */
function guard<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof Refusal) throw ApplicationFailure.create({ type: error.type, message: error.message, nonRetryable: true });
    throw error;
  }
}

export async function hazardCaseWorkflow(input: HazardCaseInput): Promise<CaseState> {
  const def = hazardCaseDefinition(input.definitionVersion);
  const el = def.elements;
  const state: CaseState = {
    caseId: input.caseId,
    definitionVersion: def.version,
    severity: input.severity,
    status: 'registered',
    openTasks: [],
    recheckFailures: 0,
    escalations: [],
    evidenceSubmitterId: null,
    appraisalGrade: null,
    demolished: false,
    visits: {},
    seq: 0,
  };
  const watchers = new Map<string, CancellationScope>();
  const indexed: { status: string; due: string | null | undefined } = { status: 'registered', due: undefined };
  let taskNo = 0;
  let deliveries = 0;
  const terminal = () => state.status === 'closed' || state.status === 'cancelled';
  const ack = (): CaseAck => ({ caseId: state.caseId, seq: state.seq, status: state.status });

  // One change at a time, in arrival order: updates, timers and escalation results all queue here.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Writes one transition; never cancelled half way, so the workflow and the database agree on `seq`. */
  async function apply(t: Omit<Transition, 'caseId' | 'seq' | 'occurredAt'>): Promise<void> {
    const seq = state.seq + 1;
    await CancellationScope.nonCancellable(() =>
      applyCaseTransition({ caseId: input.caseId, seq, occurredAt: new Date().toISOString(), ...t }),
    );
    state.seq = seq;
    for (const id of (t.event.data.path as string[] | undefined) ?? []) state.visits[id] = (state.visits[id] ?? 0) + 1;
    if (t.case?.status) state.status = t.case.status;
    const main = state.openTasks.find((task) => task.step !== 'escalationRefused');
    const due = main?.dueAt ?? null;
    // Only on a change: each upsert is a command the server indexes.
    if (state.status !== indexed.status || due !== indexed.due) {
      upsertSearchAttributes([
        { key: SA_CASE_STATUS, value: state.status },
        { key: SA_DUE_AT, value: due ? new Date(due) : null },
      ]);
      Object.assign(indexed, { status: state.status, due });
    }
  }

  function newTask(step: StepId, due?: string | null): TaskState {
    const s = def.steps[step];
    return {
      id: uuid4(),
      taskNo: ++taskNo,
      step,
      elementId: s.elementId,
      roles: [...s.roles],
      regionCode: taskRegion(input.regionCode, s.regionLevel),
      status: 'open',
      assigneeId: null,
      dueAt: due !== undefined ? due : dueAt(s, input.severity, Date.now(), input.daySeconds),
    };
  }

  const taskOpen = (t: TaskState) => ({ ...t, assigneeId: t.assigneeId });
  const activeElements = (tasks: TaskState[]) => [...new Set(tasks.map((t) => t.elementId))];

  function stopWatching(taskId: string): void {
    watchers.get(taskId)?.cancel();
    watchers.delete(taskId);
  }

  /** Reminders before the task's deadline, then one escalation when it passes. */
  function watch(task: TaskState): void {
    if (!task.dueAt) return;
    const step = def.steps[task.step];
    const scope = new CancellationScope();
    watchers.set(task.id, scope);
    const due = Date.parse(task.dueAt);
    const stillOpen = () => state.openTasks.some((t) => t.id === task.id);
    scope
      .run(async () => {
        for (const before of [...step.reminderDaysBefore].sort((a, b) => b - a)) {
          const at = due - before * input.daySeconds * 1000;
          if (at <= Date.now()) continue;
          await sleep(at - Date.now());
          await serial(async () => {
            if (stillOpen()) {
              await apply({
                event: { type: 'task.reminded', elementId: task.elementId, taskId: task.id, actor: null, data: { daysBefore: before } },
              });
            }
          });
        }
        await sleep(Math.max(0, due - Date.now()));
        await serial(async () => {
          if (!stillOpen() || terminal()) return;
          await apply({
            event: {
              type: 'task.overdue',
              elementId: step.overdueElementId,
              taskId: task.id,
              actor: null,
              data: { step: task.step, dueAt: task.dueAt, path: [step.timerElementId, step.overdueElementId].filter(Boolean) },
            },
          });
          await escalateNow('overdue', `${step.name}超期未办结（期限 ${task.dueAt}）`, null);
        });
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
  }

  async function openTasks(tasks: TaskState[], t: Omit<Transition, 'caseId' | 'seq' | 'occurredAt'>): Promise<void> {
    // In the state before the write completes: an update arriving meanwhile passes its validator and
    // then waits in the queue behind this write, instead of being refused for a task it can already see.
    state.openTasks.push(...tasks);
    await apply({ ...t, openTasks: tasks.map(taskOpen) });
    tasks.forEach(watch);
  }

  /** Records an escalation and sends it in the background (inside the queue). */
  async function escalateNow(reason: string, reasonText: string, actor: Actor | null, path: string[] = []): Promise<void> {
    const no = state.escalations.length + 1;
    await apply({
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
    state.escalations.push({ no, reason, reasonText, status: 'sending', receiptId: null });
    deliveries++;
    void deliver(no).finally(() => deliveries--);
  }

  async function deliver(no: number): Promise<void> {
    const escalation = state.escalations.find((e) => e.no === no);
    if (!escalation) return;
    try {
      const receipt = await sendEscalation({ caseId: input.caseId, no });
      await serial(async () => {
        await apply({
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
      await serial(async () => {
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
        if (terminal()) return apply(t);
        const task = { ...newTask('escalationRefused'), escalationNo: no };
        (t.event.data.path as string[]).push(task.elementId);
        await openTasks([task], t);
      });
    }
  }

  setHandler(caseStateQuery, () => state);
  // Queued behind the registration below, so it answers when the first task is in the read models.
  setHandler(registeredUpdate, () => serial(async () => ack()));

  setHandler(
    claimTaskUpdate,
    async (args) => {
      const task = guard(() => checkClaim(state, args));
      if (task.status === 'claimed') return ack();
      task.status = 'claimed';
      task.assigneeId = args.actor.id;
      await serial(() =>
        apply({
          event: { type: 'task.claimed', elementId: task.elementId, taskId: task.id, actor: args.actor, data: {} },
          taskChanges: [{ id: task.id, status: 'claimed', assigneeId: args.actor.id }],
        }),
      );
      return ack();
    },
    { validator: (args) => void guard(() => checkClaim(state, args)) },
  );

  setHandler(
    releaseTaskUpdate,
    async (args) => {
      const task = guard(() => checkRelease(state, args));
      task.status = 'open';
      task.assigneeId = null;
      await serial(() =>
        apply({
          event: { type: 'task.released', elementId: task.elementId, taskId: task.id, actor: args.actor, data: {} },
          taskChanges: [{ id: task.id, status: 'open', assigneeId: null }],
        }),
      );
      return ack();
    },
    { validator: (args) => void guard(() => checkRelease(state, args)) },
  );

  setHandler(
    reassignTaskUpdate,
    async (args) => {
      const task = guard(() => findTask(state, args.taskId));
      guard(() => checkEligible(state, task, args.to));
      const from = task.assigneeId;
      task.status = 'claimed';
      task.assigneeId = args.to.id;
      await serial(() =>
        apply({
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
      return ack();
    },
    {
      validator: (args) =>
        void guard(() => {
          const task = findTask(state, args.taskId);
          checkEligible(state, task, args.to);
        }),
    },
  );

  const checkCompletion = (args: Parameters<typeof checkComplete>[1] & { form: Record<string, unknown>; fileIds: string[] }) => {
    const task = checkComplete(state, args);
    if (task.step === 'close') checkClosingGate(state, args.form, args.fileIds);
    return task;
  };

  setHandler(
    completeTaskUpdate,
    async (args) => {
      const task = guard(() => checkCompletion(args));
      // Taken now, before waiting for the queue: a second completion racing this one is refused (409).
      state.openTasks = state.openTasks.filter((t) => t.id !== task.id);
      stopWatching(task.id);
      await serial(async () => {
        // Cases whose control was completed before the officer's deadline was carried past it replay
        // with the default rectification deadline they were given.
        const afterControl = task.step === 'control' && patched('rectify-deadline-after-control');
        const plan = completionPlan(def, state, task, args, input.buildingCode, afterControl);
        const next = plan.nextStep ? newTask(plan.nextStep, plan.nextDueAt) : null;
        if (plan.closes) for (const other of state.openTasks) stopWatching(other.id);
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
        if (next) await openTasks([next], transition);
        else await apply(transition);
        if (plan.escalate) await escalateNow(plan.escalate.reason, plan.escalate.text, args.actor);
      });
      return ack();
    },
    { validator: (args) => void guard(() => checkCompletion(args)) },
  );

  const checkOpen = () => {
    if (terminal()) throw new Refusal(REFUSAL.conflict, '案件已销号或已撤销');
  };

  setHandler(
    cancelCaseUpdate,
    async (args) => {
      guard(checkOpen);
      await serial(async () => {
        guard(checkOpen);
        for (const t of state.openTasks) stopWatching(t.id);
        const cancelled = state.openTasks.map((t) => ({ id: t.id, status: 'cancelled' as const }));
        state.openTasks = [];
        await apply({
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
      return ack();
    },
    { validator: (_args) => void guard(checkOpen) },
  );

  setHandler(
    escalateCaseUpdate,
    async (args) => {
      guard(checkOpen);
      await serial(async () => {
        guard(checkOpen);
        await escalateNow('manual', args.reason, args.actor);
      });
      return ack();
    },
    { validator: (_args) => void guard(checkOpen) },
  );

  setHandler(supervisionCallbackSignal, (args) => {
    void serial(async () => {
      const escalation = state.escalations.find((e) => e.receiptId === args.receiptId);
      await apply({
        event: {
          type: 'supervision.callback',
          elementId: el.escalate,
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
  });

  await serial(async () => {
    const assign = newTask('assign');
    await openTasks([assign], {
      event: {
        type: 'case.registered',
        elementId: el.start,
        taskId: null,
        actor: input.registeredBy,
        data: { severity: input.severity, definitionVersion: def.version, path: [el.start, assign.elementId] },
      },
      case: { status: STEP_STATUS.assign, activeElements: [assign.elementId], dueAt: assign.dueAt },
    });
  });

  await condition(() => terminal() && deliveries === 0 && allHandlersFinished());
  await queue;
  return state;
}
