/**
 * Warnings (预警): the lists (the area's, and the 预警处置 inbox of the caller's role) and the three
 * handlings. The service checks what the request can be checked against (who, which field, what the
 * rule allows to open) and hands the handling to the warning's workflow, whose validator refuses a
 * stale one and whose activity writes it, so a double submit is applied once.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../domain/errors.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { Warning, WarningListParams, WarningStore } from '../../domain/warnings/store.ts';
import type { WarningWorkflows } from '../../domain/warnings/workflow-client.ts';
import type { DispatchArgs, WarningHandling } from '../../workflows/warning/messages.ts';
import type { CaseUser } from './cases.ts';

/** Houses one warning may open cases on at once; more is a special inspection's work. */
export const MAX_CASES_PER_DISPATCH = 20;

export interface DispatchInput {
  kind: 'inspection' | 'case';
  dueAt?: string | undefined;
  category?: string | undefined;
  severity?: 'serious' | 'general' | undefined;
  description?: string | undefined;
}

export class WarningService {
  constructor(private readonly deps: { warnings: WarningStore; workflows: WarningWorkflows; audit: AuditStore }) {}

  list(user: CaseUser, params: WarningListParams): Promise<ListResult<Warning>> {
    return this.deps.warnings.list(user.regionCode, params);
  }

  /** The active warnings waiting for the caller's role in their area, soonest deadline first. */
  tasks(user: CaseUser, params: ListParams): Promise<ListResult<Warning>> {
    return this.deps.warnings.tasks(user, params);
  }

  async get(user: CaseUser, id: string): Promise<Warning> {
    const found = await this.deps.warnings.find(user.regionCode, id);
    if (!found) throw new NotFoundError('预警不存在或无权查看');
    return found;
  }

  async acknowledge(ability: AppAbility, user: CaseUser, id: string, ctx: AuditContext, key?: string): Promise<Warning> {
    return this.handle(ability, user, id, { action: 'acknowledge' }, ctx, key);
  }

  async dismiss(ability: AppAbility, user: CaseUser, id: string, reason: string, ctx: AuditContext, key?: string): Promise<Warning> {
    if (reason.trim().length < 2) throw RuleError.field('body.reason', 'required', '请填写忽略理由', 'REASON_REQUIRED');
    return this.handle(ability, user, id, { action: 'dismiss', reason: reason.trim() }, ctx, key);
  }

  async dispatch(ability: AppAbility, user: CaseUser, id: string, input: DispatchInput, ctx: AuditContext, key?: string): Promise<Warning> {
    const w = await this.allowed(ability, user, id);
    if (!w.opens.includes(input.kind))
      throw RuleError.field('body.kind', 'not_allowed', '该预警规则不能派发为此类处置', 'DISPATCH_NOT_ALLOWED');
    if (w.buildingCodes.length === 0) throw RuleError.field('body.kind', 'no_houses', '该预警没有涉及的房屋，无法派发', 'NO_HOUSES');
    let dispatch: DispatchArgs;
    if (input.kind === 'inspection') {
      if (!input.dueAt) throw RuleError.field('body.dueAt', 'required', '请填写专项排查的截止时间', 'FIELD_REQUIRED');
      if (Date.parse(input.dueAt) <= Date.now()) throw RuleError.field('body.dueAt', 'past', '截止时间须晚于现在', 'DUE_IN_PAST');
      dispatch = { kind: 'inspection', dueAt: new Date(input.dueAt).toISOString() };
    } else {
      if (!input.category) throw RuleError.field('body.category', 'required', '请选择隐患类别', 'FIELD_REQUIRED');
      if (!input.severity) throw RuleError.field('body.severity', 'required', '请选择隐患等级', 'FIELD_REQUIRED');
      if (w.buildingCodes.length > MAX_CASES_PER_DISPATCH)
        throw RuleError.field(
          'body.kind',
          'too_many',
          `涉及房屋超过 ${String(MAX_CASES_PER_DISPATCH)} 栋，请派发专项排查`,
          'TOO_MANY_HOUSES',
        );
      const description = input.description?.trim() || `${w.ruleName}预警派发`;
      dispatch = { kind: 'case', category: input.category, severity: input.severity, description };
    }
    return this.handle(ability, user, id, { action: 'dispatch', dispatch }, ctx, key, w);
  }

  private async allowed(ability: AppAbility, user: CaseUser, id: string): Promise<Warning> {
    const w = await this.get(user, id);
    if (!ability.can('update', asSubject('Warning', w)))
      throw new ForbiddenError('只有本辖区的镇街或区住建局人员可以处置预警', 'WARNING_FORBIDDEN');
    return w;
  }

  private async handle(
    ability: AppAbility,
    user: CaseUser,
    id: string,
    what: WarningHandling,
    ctx: AuditContext,
    key: string | undefined,
    checked?: Warning,
  ): Promise<Warning> {
    const w = checked ?? (await this.allowed(ability, user, id));
    if (w.status === 'dispatched' || w.status === 'dismissed') throw new ConflictError('WARNING_CLOSED', '该预警已处置');
    const actor = { id: user.id, name: user.name, role: user.role, regionCode: user.regionCode };
    await this.deps.workflows.handle(id, { ...what, actor }, key ? `${user.id}:${key}` : undefined);
    await this.deps.audit.record(ctx, {
      action: `warning.${what.action}`,
      subjectType: 'Warning',
      subjectId: id,
      regionCode: w.regionCode,
    });
    return this.get(user, id);
  }
}
