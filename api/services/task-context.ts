/**
 * What beside a task lets its person act (the hazard as found, the house, its other open cases, the
 * decision in force), and 分派 of several open cases of one house at once: one responsible party, one
 * decision per case, each case completed through the same workflow update as a single completion.
 */
import { hazardForms } from '../../definitions/hazard-case/forms.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { CaseStore, TaskStore } from '../../domain/cases/store.ts';
import type { AssignResult, TaskContext } from '../../domain/cases/task-context.ts';
import { AppError, InputError, NotFoundError, RuleError } from '../../domain/errors.ts';
import { validator } from '../http/validation.ts';
import type { CaseService, CaseUser } from './cases.ts';
import type { TaskService } from './tasks.ts';

export interface AssignTogetherInput {
  responsibleParty: Record<string, unknown>;
  cases: { taskId: string; measures: string[]; rectifyDeadline?: string | undefined; note?: string | undefined }[];
}

/** A Beijing calendar date (YYYY-MM-DD) of an instant. */
const beijingDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export class TaskContextService {
  constructor(private readonly deps: { cases: CaseStore; tasks: TaskStore; service: CaseService; work: TaskService }) {}

  async context(ability: AppAbility, user: CaseUser, taskId: string): Promise<TaskContext> {
    const task = await this.deps.work.task(ability, user, taskId);
    const c = await this.deps.service.get(ability, task.caseId);
    const { cases, tasks } = this.deps;
    const [discoveries, house, others, rectifyDue] = await Promise.all([
      cases.discoveries(c),
      cases.houseBrief(c.buildingCode),
      cases.otherOpenCases(ability, c),
      tasks.lastRectifyDue(c.id),
    ]);
    const assigned = c.measures.length > 0 || c.responsible !== null;
    const defaultDue = rectifyDue ? beijingDay(rectifyDue) : null;
    return {
      taskId,
      caseId: c.id,
      hazard: { category: c.category, severity: c.severity, description: c.description, source: c.source },
      discoveries,
      house,
      otherOpenCases: await Promise.all(
        others.map(async (o) => ({ ...o, assignable: await this.mayComplete(ability, user, o.assignTaskId) })),
      ),
      decision: assigned
        ? {
            responsible: c.responsible,
            measures: c.measures,
            rectifyDeadline: c.rectifyDeadline ?? defaultDue,
            rectifyDeadlineIsDefault: c.rectifyDeadline === null && defaultDue !== null,
          }
        : null,
    };
  }

  /** Whether the user may complete the task now, as the task's own read says (false when none or unseen). */
  private async mayComplete(ability: AppAbility, user: CaseUser, taskId: string | null): Promise<boolean> {
    if (!taskId) return false;
    try {
      return (await this.deps.work.task(ability, user, taskId)).canComplete;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /**
   * Assigns several open cases of one house. Everything is checked before anything is applied (each
   * task visible, an assign task, the same house; each case's form valid for its definition version),
   * so bad input changes nothing. Then each case's task is completed in turn through the single
   * completion's path, its update id derived from the request's Idempotency-Key and the task: a retried
   * request applies each case once, and finishes those a first attempt could not (a refusal leaves no
   * trace on the workflow). One case's refusal does not stop the others; each result says which and why.
   */
  async assignTogether(ability: AppAbility, user: CaseUser, input: AssignTogetherInput, key: string | undefined): Promise<AssignResult[]> {
    // The route is not replayed whole, so the key's form is checked here as the replay layer would.
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key))
      throw InputError.field('header.Idempotency-Key', 'format', 'Idempotency-Key 应为 1–200 个可见 ASCII 字符');
    const seen = new Set<string>();
    const prepared: { taskId: string; caseId: string; caseNumber: string; form: Record<string, unknown> }[] = [];
    let house: string | undefined;
    for (const [i, item] of input.cases.entries()) {
      const field = `body.cases.${i}`;
      if (seen.has(item.taskId)) throw RuleError.field(`${field}.taskId`, 'duplicate', '同一任务只能出现一次', 'DUPLICATE_TASK');
      seen.add(item.taskId);
      const task = await this.deps.work.task(ability, user, item.taskId).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw RuleError.field(`${field}.taskId`, 'unknown', '任务不存在或无权查看', 'UNKNOWN_TASK');
        throw error;
      });
      if (task.step !== 'assign') throw RuleError.field(`${field}.taskId`, 'notAssign', '只能一并办理分派任务', 'NOT_ASSIGN_TASK');
      if (house !== undefined && task.buildingCode !== house)
        throw RuleError.field(`${field}.taskId`, 'otherHouse', '一并分派的案件须属于同一栋房屋', 'OTHER_HOUSE');
      house = task.buildingCode;
      const c = await this.deps.service.get(ability, task.caseId);
      const form: Record<string, unknown> = {
        responsibleParty: input.responsibleParty,
        measures: item.measures,
        ...(item.rectifyDeadline ? { rectifyDeadline: item.rectifyDeadline } : {}),
        ...(item.note ? { note: item.note } : {}),
      };
      prepared.push({ taskId: item.taskId, caseId: c.id, caseNumber: c.number, form: checkItem(c.definitionVersion, form, field) });
    }
    const results: AssignResult[] = [];
    for (const p of prepared) {
      const base = { taskId: p.taskId, caseId: p.caseId, caseNumber: p.caseNumber };
      try {
        const after = await this.deps.work.complete(ability, user, p.taskId, p.form, key && `${key}:assign:${p.taskId}`);
        results.push({ ...base, ok: true, status: after.status });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ ...base, ok: false, httpStatus: error.status, code: error.code, message: error.message });
      }
    }
    return results;
  }
}

/** One case's assign form against its own version's schema; problems are named on the request's item. */
function checkItem(version: number, form: Record<string, unknown>, field: string): Record<string, unknown> {
  try {
    return validator(hazardForms(version).assign, 'body')(form) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const details = error.details.map((d) => ({ ...d, field: d.field.replace(/^body\b/, field) }));
    throw new RuleError(error.code, error.message, details);
  }
}
