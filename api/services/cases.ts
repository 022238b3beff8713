/**
 * Hazard cases for the API: registration (the case row, then its workflow), the case page's data, and
 * the actions on a whole case (cancel, escalate) as workflow updates; the work on its tasks is
 * `TaskService`'s (tasks.ts). Authorisation is CASL on the case's region
 * here; the workflow's validators add what only it knows (who holds the task, four eyes, the gate).
 */
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import { lockHouse } from '../../domain/cases/open-or-join.ts';
import { hazardCaseDefinition, LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { checkedCode } from './buildings.ts';
import type { BuildingStore } from '../../domain/buildings/store.ts';
import { writeDossier } from '../../domain/cases/dossier.ts';
import type { Writable } from 'node:stream';
import type { ChainVerdict } from '../../domain/cases/chain.ts';
import type { CaseCategory } from '../../domain/cases/enums.ts';
import { supervisionBaseUrl } from '../../domain/cases/escalation.ts';
import type { CaseFileRef, CaseFilter, CaseRecord, CaseStore, CaseSummary } from '../../domain/cases/store.ts';
import { eventSummary } from '../../domain/cases/summary.ts';
import type { InboxUser, TaskRow } from '../../domain/cases/tasks.ts';
import type { Config } from '../../domain/config.ts';
import { retriedTransaction } from '../../domain/db.ts';
import type { Db } from '../../domain/db.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { UserStore } from '../../domain/stores/users.ts';
import type { CallbackRecord, EscalationRecord, SupervisionStore } from '../../domain/supervision/store.ts';
import { ForbiddenError, NotFoundError, RuleError } from '../../domain/errors.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import { cancelCaseUpdate, escalateCaseUpdate } from '../../workflows/hazard-case/messages.ts';
import type { Actor } from '../../workflows/hazard-case/messages.ts';
import type { CaseWorkflows } from '../../domain/cases/workflow-client.ts';
import { maskEventData } from '../../domain/mask.ts';
import { formDetails } from '../../domain/cases/form-details.ts';
import type { Discovery } from '../../domain/cases/discovery.ts';
import type { Upload } from '../http/uploads.ts';
import type { StoredUpload, UploadService } from './uploads.ts';
import { actorText } from '../../domain/cases/dossier-parts.ts';

export interface CaseServiceDeps {
  /** Only to open transactions, whose handle goes to the stores. */
  db: Db;
  config: Config;
  cases: CaseStore;
  supervision: SupervisionStore;
  buildings: BuildingStore;
  users: UserStore;
  audit: AuditStore;
  workflows: CaseWorkflows;
  /** Where evidence files are stored. */
  uploads: UploadService;
}

export type CaseUser = InboxUser & { name: string };

export interface CaseDetail extends Omit<CaseRecord, 'evidenceSubmitterId' | 'workflowStarted'> {
  openTasks: TaskRow[];
  /** How the case was found: the inspections and complaints that reported it, with their evidence. */
  discoveries: Discovery[];
  elements: Record<string, { visits: number; active: boolean }>;
  escalations: EscalationRecord[];
  callbacks: CallbackRecord[];
  supervision: { simulator: boolean; url: string };
}

/** Update ids are scoped to the user, as Idempotency-Keys are. */
export const scoped = (user: CaseUser, key: string | undefined) => (key ? `${user.id}:${key}` : undefined);

/** The user as the workflow records them. */
export const actorOf = (u: CaseUser): Actor => ({ id: u.id, name: u.name, role: u.role, regionCode: u.regionCode });

export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  async register(
    ability: AppAbility,
    user: CaseUser,
    input: {
      buildingCode: string;
      category: CaseCategory;
      severity: 'serious' | 'general';
      description: string;
      /** The request's Idempotency-Key hash: a retry of a registration that failed after its commit finds its case. */
      requestRef?: string | null;
    },
    ctx: AuditContext,
  ): Promise<CaseDetail> {
    const code = checkedCode(input.buildingCode, 'body.buildingCode');
    const building = await this.deps.buildings.find(ability, code);
    if (!building) throw RuleError.field('body.buildingCode', 'unknown', `房屋 ${code} 不存在或不在您的辖区`, 'UNKNOWN_BUILDING');
    const villageCode = building.villageCode as string;
    if (!ability.can('create', asSubject('Case', { regionCode: villageCode }))) throw new ForbiddenError('您的角色无权登记隐患');
    // Run again when PostgreSQL breaks a deadlock with another registration in the village (retriedTransaction).
    const created = await retriedTransaction(this.deps.db, async (trx) => {
      // The house's lock first (lockHouse), then the case; the house's safety state follows in the same transaction.
      await lockHouse(trx, code);
      // A retry of a registration that failed after its commit (its key freed by the 5xx): the same case,
      // its workflow started below if the first attempt did not get that far.
      const prior = input.requestRef ? await this.deps.cases.findByRequestRef(input.requestRef, trx) : undefined;
      if (prior) return { ...prior, retried: true };
      const row = await this.deps.cases.create(
        {
          buildingCode: code,
          regionCode: villageCode,
          category: input.category,
          severity: input.severity,
          description: input.description.trim(),
          source: 'officer',
          sourceRef: null,
          definitionVersion: LATEST_HAZARD_CASE_VERSION,
          createdBy: user.id,
          requestRef: input.requestRef ?? null,
        },
        trx,
      );
      await refreshSafetyState(trx, code, {
        at: new Date().toISOString(),
        actorId: user.id,
        actorName: user.name,
        source: `case:${row.id}`,
      });
      await this.deps.audit.record(ctx, { action: 'case.register', subjectType: 'Case', subjectId: row.id, regionCode: villageCode }, trx);
      return { ...row, retried: false };
    });
    if (created.retried) {
      // Started from the row as it was committed (the retry's body could differ if its key was reused).
      await this.startRecorded(user, created.id);
      return this.detail(ability, user, created.id);
    }
    // Started from what was just written, without reading the row back.
    const start = {
      id: created.id,
      definitionVersion: LATEST_HAZARD_CASE_VERSION,
      severity: input.severity,
      regionCode: villageCode,
      buildingCode: code,
    };
    await this.deps.workflows.start(start, actorOf(user), true);
    return this.detail(ability, user, created.id);
  }

  /**
   * Starts the workflow of a committed case row and waits for its registration, whose write also marks
   * the row started; if this fails, the sweeper starts it later.
   */
  async startRecorded(user: CaseUser, id: string): Promise<void> {
    const record = (await this.deps.cases.find(null, id)) as CaseRecord;
    await this.deps.workflows.start(record, actorOf(user), true);
  }

  /** One page of the cases the caller may see. */
  list(ability: AppAbility, params: ListParams & CaseFilter): Promise<ListResult<CaseSummary>> {
    return this.deps.cases.list(ability, params);
  }

  async get(ability: AppAbility, id: string): Promise<CaseRecord> {
    const c = await this.deps.cases.find(ability, id);
    if (!c) throw new NotFoundError('案件不存在或无权查看');
    return c;
  }

  async detail(ability: AppAbility, user: CaseUser, id: string): Promise<CaseDetail> {
    const found = await this.deps.cases.findWithState(ability, user, id);
    if (!found) throw new NotFoundError('案件不存在或无权查看');
    const c = found.record;
    const { supervision } = this.deps;
    const escalated = c.escalationCount > 0;
    const [escalations, callbacks, discoveries] = await Promise.all([
      escalated ? supervision.escalations(id) : [],
      escalated ? supervision.callbacks(id) : [],
      this.deps.cases.discoveries(c),
    ]);
    const { openTasks } = found;
    const elements: CaseDetail['elements'] = {};
    for (const [element, visits] of Object.entries(found.visits)) elements[element] = { visits, active: false };
    for (const active of c.activeElements) elements[active] = { visits: elements[active]?.visits ?? 1, active: true };
    const { evidenceSubmitterId: _s, workflowStarted: _w, ...rest } = c;
    return {
      ...rest,
      openTasks,
      discoveries,
      elements,
      escalations,
      callbacks,
      supervision: { simulator: !this.deps.config.supervisionUrl, url: supervisionBaseUrl(this.deps.config) },
    };
  }

  async events(ability: AppAbility, id: string) {
    const c = await this.get(ability, id);
    const def = hazardCaseDefinition(c.definitionVersion);
    const { cases } = this.deps;
    const [rows, files, chain] = await Promise.all([cases.trail(id), cases.stepFiles(id), cases.verifyChain(id)]);
    const filesByTask = new Map<string, { id: string; name: string; mime: string; size: number; sha256: string }[]>();
    for (const f of files) {
      const list = filesByTask.get(f.taskId) ?? [];
      list.push({ id: f.id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256 });
      filesByTask.set(f.taskId, list);
    }
    const data = rows.map((r) => {
      const { elementId } = r;
      const eventData = maskEventData(r.data);
      return {
        seq: r.seq,
        type: r.type,
        elementId,
        stepName: elementId ? (Object.values(def.steps).find((s) => s.elementId === elementId)?.name ?? null) : null,
        actorName: r.actorName,
        actorRole: r.actorRole,
        actorUsername: r.actorUsername,
        occurredAt: r.occurredAt.toISOString(),
        summary: eventSummary(def, r.type, elementId, eventData),
        data: eventData,
        details:
          r.type === 'task.completed'
            ? formDetails(c.definitionVersion, String(eventData.step), eventData.form as Record<string, unknown> | undefined)
            : [],
        hash: r.hash,
        prevHash: r.prevHash,
        files: r.type === 'task.completed' && r.taskId ? (filesByTask.get(r.taskId) ?? []) : [],
      };
    });
    return { data, chain };
  }

  /** The auditor's dossier: written to `out`; each export is recorded in the audit log. */
  async dossier(ability: AppAbility, user: CaseUser, id: string, ctx: AuditContext, out: Writable): Promise<void> {
    const c = await this.get(ability, id);
    if (!ability.can('audit', asSubject('Case', c))) throw new ForbiddenError('只有审计人员和区住建局可以导出案卷');
    const [{ data, chain }, discoveries, exporter] = await Promise.all([
      this.events(ability, id),
      this.deps.cases.discoveries(c),
      this.deps.users.find(null, user.id),
    ]);
    const files = await this.deps.cases.stepFiles(id);
    await this.deps.audit.record(ctx, { action: 'case.dossier_export', subjectType: 'Case', subjectId: id, regionCode: c.regionCode });
    await writeDossier(
      {
        case: c,
        events: data,
        discoveries,
        files: files.map((f) => ({
          name: f.name,
          mime: f.mime,
          size: f.size,
          sha256: f.sha256,
          step: f.step,
          uploadedAt: f.createdAt.toISOString(),
        })),
        chain,
        exportedBy: actorText(user.name, exporter?.username ?? null, user.role),
        exportedAt: new Date(),
      },
      out,
    );
  }

  /**
   * Stores an evidence file of a case (one `get` returned) uploaded by `uploadedBy`, and records it in
   * the audit log (the case's trail records files only once a step names them).
   */
  async storeFile(ctx: AuditContext, c: CaseRecord, uploadedBy: string, upload: Upload): Promise<StoredUpload> {
    const file = await this.deps.uploads.store(upload, {
      table: 'case_files',
      folder: `cases/${c.id}`,
      row: { case_id: c.id, uploaded_by: uploadedBy },
    });
    await this.deps.audit.record(ctx, {
      action: 'case.file_upload',
      subjectType: 'Case',
      subjectId: c.id,
      regionCode: c.regionCode,
      details: { caseNumber: c.number, fileId: file.id, name: file.name, size: file.size, sha256: file.sha256 },
    });
    return file;
  }

  async verify(ability: AppAbility, id: string): Promise<ChainVerdict> {
    const c = await this.get(ability, id);
    if (!ability.can('audit', asSubject('Case', c)) && !ability.can('read', asSubject('Case', c))) throw new ForbiddenError();
    return this.deps.cases.verifyChain(id);
  }

  /** One stored evidence file of a case the caller may see. */
  async file(ability: AppAbility, id: string, fileId: string): Promise<CaseFileRef> {
    await this.get(ability, id);
    const file = await this.deps.cases.file(id, fileId);
    if (!file) throw new NotFoundError('文件不存在或无权查看');
    return file;
  }

  async cancel(ability: AppAbility, user: CaseUser, id: string, reason: string, key: string | undefined): Promise<CaseDetail> {
    const c = await this.get(ability, id);
    if (!ability.can('cancel', asSubject('Case', c))) throw new ForbiddenError('只有区住建局业务人员可以撤销案件');
    await this.deps.workflows.update(id, cancelCaseUpdate, { actor: actorOf(user), reason }, scoped(user, key));
    return this.detail(ability, user, id);
  }

  async escalate(ability: AppAbility, user: CaseUser, id: string, reason: string, key: string | undefined): Promise<CaseDetail> {
    const c = await this.get(ability, id);
    if (!ability.can('escalate', asSubject('Case', c))) throw new ForbiddenError('您的角色无权督办');
    await this.deps.workflows.update(id, escalateCaseUpdate, { actor: actorOf(user), reason }, scoped(user, key));
    return this.detail(ability, user, id);
  }
}
