/**
 * The state machine of one hazard case, apart from the message wiring (as in the samples'
 * `safe-message-handlers`): the live state, the serial queue every change goes through, the one write
 * to the read models (`apply`), the tasks and their deadline watchers. What each message does with it is
 * in `work.ts`, escalations in `escalation.ts`.
 */
import { CancellationScope, isCancellation, proxyLocalActivities, sleep, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import { hazardCaseDefinition } from '../../definitions/hazard-case/index.ts';
import type { HazardCaseDefinition, StepId } from '../../definitions/hazard-case/types.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import { SA_CASE_STATUS, SA_DUE_AT } from '../../domain/search-attributes.ts';
import type { CaseActivities } from '../../workers/activities/cases.ts';
import { escalateNow } from './escalation.ts';
import type { CaseAck, CaseState, HazardCaseInput, TaskState } from './messages.ts';
import { dueAt, taskRegion } from './rules.ts';

// A local activity: one short transaction, run by the worker inside the workflow task instead of a
// round trip through the server, which is most of a step's latency. Keyed by seq, so a re-run after a
// crash writes nothing twice.
const { applyCaseTransition } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  // A database outage must delay a case, never lose a step: retry until it is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** One step for the read models, before the case machine numbers and dates it. */
export type Step = Omit<Transition, 'caseId' | 'seq' | 'occurredAt'>;

const taskOpen = (t: TaskState) => ({ ...t, assigneeId: t.assigneeId });

/** The BPMN elements where the case's tasks wait. */
export const activeElements = (tasks: TaskState[]) => [...new Set(tasks.map((t) => t.elementId))];

/** One case: its definition, its live state, and the only ways to change it. */
export class HazardCase {
  readonly def: HazardCaseDefinition;
  readonly state: CaseState;
  /** Escalations sent in the background and not yet answered; the workflow ends only at zero. */
  deliveries = 0;
  private readonly watchers = new Map<string, CancellationScope>();
  /** The search attributes as last set: by the start (`startIndex`), else 'registered' and none. */
  private readonly indexed: { status: string; due: string | null | undefined };
  private taskNo = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly input: HazardCaseInput) {
    this.def = hazardCaseDefinition(input.definitionVersion);
    this.indexed = input.startIndex
      ? { status: input.startIndex.status, due: input.startIndex.dueAt }
      : { status: 'registered', due: undefined };
    this.state = {
      caseId: input.caseId,
      definitionVersion: this.def.version,
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
  }

  /** Closed or cancelled: no more work, and the workflow ends once its escalations are answered. */
  terminal(): boolean {
    return this.state.status === 'closed' || this.state.status === 'cancelled';
  }

  /** What an update answers. */
  ack(): CaseAck {
    return { caseId: this.state.caseId, seq: this.state.seq, status: this.state.status };
  }

  /** One change at a time, in arrival order: updates, timers and escalation results all queue here. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Settles when every change queued so far is done. */
  drained(): Promise<unknown> {
    return this.queue;
  }

  /** Writes one transition; never cancelled half way, so the workflow and the database agree on `seq`. */
  async apply(t: Step): Promise<void> {
    const state = this.state;
    const seq = state.seq + 1;
    await CancellationScope.nonCancellable(() =>
      applyCaseTransition({ caseId: this.input.caseId, seq, occurredAt: new Date().toISOString(), ...t }),
    );
    state.seq = seq;
    for (const id of (t.event.data.path as string[] | undefined) ?? []) state.visits[id] = (state.visits[id] ?? 0) + 1;
    if (t.case?.status) state.status = t.case.status;
    const main = state.openTasks.find((task) => task.step !== 'escalationRefused');
    const due = main?.dueAt ?? null;
    // Only on a change: each upsert is a command the server indexes.
    if (state.status !== this.indexed.status || due !== this.indexed.due) {
      upsertSearchAttributes([
        { key: SA_CASE_STATUS, value: state.status },
        { key: SA_DUE_AT, value: due ? new Date(due) : null },
      ]);
      Object.assign(this.indexed, { status: state.status, due });
    }
  }

  /** A new task of `step` (not yet open): its region, roles and due time from the definition unless `due` is given. */
  newTask(step: StepId, due?: string | null): TaskState {
    const s = this.def.steps[step];
    return {
      id: uuid4(),
      taskNo: ++this.taskNo,
      step,
      elementId: s.elementId,
      roles: [...s.roles],
      regionCode: taskRegion(this.input.regionCode, s.regionLevel),
      status: 'open',
      assigneeId: null,
      dueAt: due !== undefined ? due : dueAt(s, this.input.severity, Date.now(), this.input.daySeconds),
    };
  }

  /** Stops a task's reminders and deadline. */
  stopWatching(taskId: string): void {
    this.watchers.get(taskId)?.cancel();
    this.watchers.delete(taskId);
  }

  /** Opens tasks with the transition that creates them, then starts their deadline watchers. */
  async openTasks(tasks: TaskState[], t: Step): Promise<void> {
    // In the state before the write completes: an update arriving meanwhile passes its validator and
    // then waits in the queue behind this write, instead of being refused for a task it can already see.
    this.state.openTasks.push(...tasks);
    await this.apply({ ...t, openTasks: tasks.map(taskOpen) });
    tasks.forEach((task) => this.watch(task));
  }

  /** Registers the case: its first task, the definition's first step. */
  register(): Promise<void> {
    return this.serial(async () => {
      const el = this.def.elements;
      // The due time the start indexed the case by, when it did (undefined: counted here).
      const first = this.newTask(this.def.firstStep, this.input.startIndex?.dueAt);
      await this.openTasks([first], {
        event: {
          type: 'case.registered',
          elementId: el.start,
          taskId: null,
          actor: this.input.registeredBy,
          data: { severity: this.input.severity, definitionVersion: this.def.version, path: [el.start, first.elementId] },
        },
        case: { status: this.def.steps[first.step].status ?? undefined, activeElements: [first.elementId], dueAt: first.dueAt },
      });
    });
  }

  /** Reminders before the task's deadline, then one escalation when it passes. */
  private watch(task: TaskState): void {
    if (!task.dueAt) return;
    const step = this.def.steps[task.step];
    const scope = new CancellationScope();
    this.watchers.set(task.id, scope);
    const due = Date.parse(task.dueAt);
    const daySeconds = this.input.daySeconds;
    const stillOpen = () => this.state.openTasks.some((t) => t.id === task.id);
    scope
      .run(async () => {
        for (const before of [...step.reminderDaysBefore].sort((a, b) => b - a)) {
          const at = due - before * daySeconds * 1000;
          if (at <= Date.now()) continue;
          await sleep(at - Date.now());
          await this.serial(async () => {
            if (stillOpen()) {
              await this.apply({
                event: { type: 'task.reminded', elementId: task.elementId, taskId: task.id, actor: null, data: { daysBefore: before } },
              });
            }
          });
        }
        await sleep(Math.max(0, due - Date.now()));
        await this.serial(async () => {
          if (!stillOpen() || this.terminal()) return;
          await this.apply({
            event: {
              type: 'task.overdue',
              elementId: step.overdueElementId,
              taskId: task.id,
              actor: null,
              data: { step: task.step, dueAt: task.dueAt, path: [step.timerElementId, step.overdueElementId].filter(Boolean) },
            },
          });
          await escalateNow(this, 'overdue', `${step.name}超期未办结（期限 ${task.dueAt}）`, null);
        });
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
  }
}
