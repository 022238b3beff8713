/**
 * The work on a hazard case's tasks for the API: the user's inbox, one task, and claiming, releasing,
 * completing and reassigning it as workflow updates. Authorisation is CASL on the case's region here;
 * the workflow's validators add what only it knows (who holds the task, four eyes, the closing gate).
 */
import type { TSchema } from '@sinclair/typebox';
import { hazardForms } from '../../definitions/hazard-case/forms.ts';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { CaseStore, TaskCandidate, TaskStore } from '../../domain/cases/store.ts';
import type { TaskFilter, TaskInCase, TaskRow, TaskView } from '../../domain/cases/tasks.ts';
import type { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { ForbiddenError, InputError, NotFoundError, RuleError } from '../../domain/errors.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import { claimTaskUpdate, completeTaskUpdate, reassignTaskUpdate, releaseTaskUpdate } from '../../workflows/hazard-case/messages.ts';
import { validator } from '../http/validation.ts';
import { actorOf, scoped } from './cases.ts';
import type { CaseDetail, CaseService, CaseUser } from './cases.ts';

export interface TaskServiceDeps {
  cases: CaseStore;
  tasks: TaskStore;
  workflows: CaseWorkflows;
  /** The case reads an action answers with (the case page after the change). */
  caseService: CaseService;
}

/**
 * Validates a step's form; problems are named under `body.form`. The request's shape (`{ form: {…} }`)
 * was checked by the route (400); a form that breaks its step's rules is a 422, as the OpenAPI says.
 */
function checkForm(schema: TSchema, raw: unknown): Record<string, unknown> {
  try {
    return validator(schema, 'body')(raw ?? {}) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const details = error.details.map((d) => ({ ...d, field: d.field.replace(/^body\b/, 'body.form') }));
    throw new RuleError('INVALID_FORM', error.message, details);
  }
}

/** Every uuid a completion form names as a file. */
function formFileIds(form: Record<string, unknown>): { field: string; id: string }[] {
  const out: { field: string; id: string }[] = [];
  for (const [field, value] of Object.entries(form)) {
    if (/fileIds$/i.test(field) && Array.isArray(value)) value.forEach((id, i) => out.push({ field: `${field}.${i}`, id: String(id) }));
    if (/FileId$/.test(field) && typeof value === 'string') out.push({ field, id: value });
  }
  return out;
}

export class TaskService {
  constructor(private readonly deps: TaskServiceDeps) {}

  /** One page of a view of the user's inbox. */
  inbox(user: CaseUser, view: TaskView, params: ListParams & TaskFilter): Promise<ListResult<TaskRow>> {
    return this.deps.tasks.list(user, view, params);
  }

  /** How many tasks each view of the user's inbox holds. */
  inboxCounts(user: CaseUser): Promise<Record<TaskView, number>> {
    return this.deps.tasks.counts(user);
  }

  /** A task the user may see (the case's region is theirs), with its case's region and definition version. */
  private async taskInCase(ability: AppAbility, user: CaseUser, taskId: string): Promise<TaskInCase> {
    const found = await this.deps.tasks.find(taskId, user);
    // The case rule checked on the region the task row carries, as the case's own read would check it.
    if (!found || !ability.can('read', asSubject('Case', { regionCode: found.caseRegionCode }))) {
      throw new NotFoundError('任务不存在或无权查看');
    }
    return found;
  }

  async task(ability: AppAbility, user: CaseUser, taskId: string): Promise<TaskRow> {
    return (await this.taskInCase(ability, user, taskId)).task;
  }

  async claim(ability: AppAbility, user: CaseUser, taskId: string, key: string | undefined): Promise<CaseDetail> {
    const task = await this.task(ability, user, taskId);
    await this.deps.workflows.update(task.caseId, claimTaskUpdate, { taskId, actor: actorOf(user) }, scoped(user, key));
    return this.deps.caseService.detail(ability, user, task.caseId);
  }

  async release(ability: AppAbility, user: CaseUser, taskId: string, key: string | undefined): Promise<CaseDetail> {
    const task = await this.task(ability, user, taskId);
    await this.deps.workflows.update(task.caseId, releaseTaskUpdate, { taskId, actor: actorOf(user) }, scoped(user, key));
    return this.deps.caseService.detail(ability, user, task.caseId);
  }

  async complete(ability: AppAbility, user: CaseUser, taskId: string, rawForm: unknown, key: string | undefined): Promise<CaseDetail> {
    const { task, definitionVersion } = await this.taskInCase(ability, user, taskId);
    const caseId = task.caseId;
    const schema = hazardForms(definitionVersion)[task.step];
    const form = checkForm(schema, rawForm);
    const named = formFileIds(form);
    const known = new Set(
      await this.deps.cases.knownFiles(
        caseId,
        named.map((n) => n.id),
      ),
    );
    const unknown = named.find((n) => !known.has(n.id));
    if (unknown) throw RuleError.field(`body.form.${unknown.field}`, 'unknownFile', '文件不存在或不属于本案件，请重新上传', 'UNKNOWN_FILE');
    await this.deps.workflows.update(
      caseId,
      completeTaskUpdate,
      { taskId, actor: actorOf(user), form, fileIds: [...known] },
      scoped(user, key),
    );
    return this.deps.caseService.detail(ability, user, caseId);
  }

  async reassign(
    ability: AppAbility,
    user: CaseUser,
    taskId: string,
    toUserId: string,
    reason: string | undefined,
    key: string | undefined,
  ) {
    const task = await this.task(ability, user, taskId);
    const c = await this.deps.caseService.get(ability, task.caseId);
    if (!ability.can('reassign', asSubject('Case', c))) throw new ForbiddenError('您的角色无权改派任务');
    const candidates = await this.deps.tasks.candidates(task, c.regionCode, c.evidenceSubmitterId);
    const to = candidates.find((u) => u.id === toUserId);
    if (!to) throw RuleError.field('body.userId', 'notEligible', '该用户不能办理此任务（角色、辖区或复核回避）', 'NOT_ELIGIBLE');
    await this.deps.workflows.update(
      c.id,
      reassignTaskUpdate,
      { taskId, actor: actorOf(user), to, ...(reason ? { reason } : {}) },
      scoped(user, key),
    );
    return this.deps.caseService.detail(ability, user, c.id);
  }

  async candidates(ability: AppAbility, user: CaseUser, taskId: string): Promise<TaskCandidate[]> {
    const task = await this.task(ability, user, taskId);
    const c = await this.deps.caseService.get(ability, task.caseId);
    return this.deps.tasks.candidates(task, c.regionCode, c.evidenceSubmitterId);
  }
}
