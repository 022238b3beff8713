/**
 * The case rules of DOMAIN.md as pure functions over the workflow state: who may work a task (the
 * definition's eligibility rule, as refusals), the serious case's closing gate, and deadlines. Where a
 * completion leads is the definition's routing table (see plan.ts). The workflow's update validators
 * call them, and so can the API to answer early; unit tests run them without a server.
 */
import { ineligibility } from '../../definitions/hazard-case/eligibility.ts';
import { hazardCaseDefinition } from '../../definitions/hazard-case/index.ts';
import type { Ineligibility } from '../../definitions/hazard-case/eligibility.ts';
import type { RegionLevel, StepDefinition } from '../../definitions/hazard-case/types.ts';
import { REFUSAL } from './messages.ts';
import type { Actor, CaseState, StartIndex, TaskState } from './messages.ts';

/** A refusal the validator throws; the workflow turns it into an ApplicationFailure of `type`. */
export class Refusal extends Error {
  constructor(
    readonly type: (typeof REFUSAL)[keyof typeof REFUSAL],
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

const REGION_LENGTH: Record<RegionLevel, number> = { district: 6, town: 9, village: 12 };

/** The region a step's task belongs to: the house's village code cut to the step's level. */
export function taskRegion(villageCode: string, level: RegionLevel): string {
  return villageCode.slice(0, REGION_LENGTH[level]);
}

export function findTask(state: CaseState, taskId: string): TaskState {
  const task = state.openTasks.find((t) => t.id === taskId);
  if (!task) throw new Refusal(REFUSAL.conflict, '该任务已办结、已撤销或不存在，请刷新后重试');
  return task;
}

const INELIGIBLE: Record<Ineligibility, string> = {
  roleOrRegion: '您的角色或辖区不能办理该任务',
  ownEvidence: '复核人不能是整改材料的提交人',
};

/** May this person take this task? Role, region, and the four-eyes rule of the steps carrying it (the recheck). */
export function checkEligible(state: CaseState, task: TaskState, actor: Actor): void {
  const why = ineligibility(hazardCaseDefinition(state.definitionVersion), task, actor, state.evidenceSubmitterId);
  if (why) throw new Refusal(REFUSAL.forbidden, INELIGIBLE[why]);
}

export function checkClaim(state: CaseState, args: { taskId: string; actor: Actor }): TaskState {
  const task = findTask(state, args.taskId);
  checkEligible(state, task, args.actor);
  if (task.status === 'claimed' && task.assigneeId !== args.actor.id) throw new Refusal(REFUSAL.conflict, '该任务已被他人认领');
  return task;
}

/** Completing needs the task claimed by the actor, or open and theirs to claim (claim and complete at once). */
export function checkComplete(state: CaseState, args: { taskId: string; actor: Actor }): TaskState {
  return checkClaim(state, args);
}

const OFFICER_ROLES = ['district_admin', 'district_officer', 'town_officer'];

export function checkRelease(state: CaseState, args: { taskId: string; actor: Actor }): TaskState {
  const task = findTask(state, args.taskId);
  if (task.status !== 'claimed') throw new Refusal(REFUSAL.conflict, '该任务未被认领');
  if (task.assigneeId !== args.actor.id && !OFFICER_ROLES.includes(args.actor.role)) {
    throw new Refusal(REFUSAL.forbidden, '只能退回自己认领的任务');
  }
  return task;
}

/** The gate of DOMAIN.md: a serious case closes only with appraisal grade A or B, or proof of demolition. */
export function checkClosingGate(
  state: CaseState,
  form: { appraisalGrade?: unknown; demolished?: unknown; demolitionFileIds?: unknown },
  fileIds: string[],
): void {
  if (state.severity !== 'serious') return;
  const grade = (form.appraisalGrade as string | undefined) ?? state.appraisalGrade;
  if (grade === 'A' || grade === 'B') return;
  const demolished = form.demolished === true || state.demolished;
  if (demolished && fileIds.length > 0) return;
  throw new Refusal(
    REFUSAL.rule,
    demolished ? '已拆除的严重隐患案件销号须上传拆除证明' : '严重隐患案件须有 A 级或 B 级鉴定结论，或拆除证明，方可销号',
  );
}

/** Due time of a step's task, from the definition's days and the case's day length; null without one. */
export function dueAt(step: StepDefinition, severity: 'serious' | 'general', nowMs: number, daySeconds: number): string | null {
  const days = step.deadlineDays[severity];
  return days == null ? null : new Date(nowMs + days * daySeconds * 1000).toISOString();
}

/** What a case registered now is indexed by once its first task is open (the start sets it, sparing an upsert). */
export function startIndex(definitionVersion: number, severity: 'serious' | 'general', nowMs: number, daySeconds: number): StartIndex {
  const def = hazardCaseDefinition(definitionVersion);
  const first = def.steps[def.firstStep];
  return { status: first.status ?? 'registered', dueAt: dueAt(first, severity, nowMs, daySeconds) };
}
