/** The audit log as auditors and administrators read it (the audit rows and the cases' trails together). */
import type { AppAbility } from '../../domain/abilities.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { AuditEntry, AuditFilter, AuditStore } from '../../domain/stores/audit.ts';

export class AuditLogService {
  constructor(private readonly deps: { audit: AuditStore }) {}

  /** The entries the reader may see; only those who may read the audit log may ask. */
  list(ability: AppAbility, params: ListParams & AuditFilter): Promise<ListResult<AuditEntry>> {
    if (!ability.can('read', 'AuditLog')) throw new ForbiddenError('只有系统管理员和审计人员可以查看审计日志');
    return this.deps.audit.list(ability, params);
  }
}
