/**
 * Daily inspections (日常排查): an inspector's findings at a house, recorded once however often the
 * phone sends them (the id is made on the phone). In one transaction: the inspection, its photos,
 * for each hazard found the open case of the same house and category joined or a new case opened,
 * and the house's latest judgement. The new cases' workflows start after the commit (the sweeper
 * starts any a crash leaves behind).
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { BuildingStore } from '../../domain/buildings/store.ts';
import type { CaseCategory } from '../../domain/cases/enums.ts';
import { lockHouse, openOrJoinCase } from '../../domain/cases/open-or-join.ts';
import type { CaseStore } from '../../domain/cases/store.ts';
import { retriedTransaction } from '../../domain/db.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../domain/errors.ts';
import { presenceOf } from '../../domain/inspections/presence.ts';
import type { Inspection, InspectionFilter, InspectionPhoto, InspectionStore, Judgement } from '../../domain/inspections/store.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { CampaignStore } from '../../domain/campaigns/store.ts';
import type { CampaignWorkflows } from '../../domain/campaigns/workflow-client.ts';
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import { inspectionScheduleDefinition } from '../../definitions/inspection-schedule/index.ts';
import type { InspectionDueStore } from '../../domain/inspection-schedule/store.ts';
import { checkedCode } from './buildings.ts';
import type { CaseService, CaseUser } from './cases.ts';
import type { Upload } from '../http/uploads.ts';
import type { StoredUpload, UploadService } from './uploads.ts';

export interface InspectionInput {
  id: string;
  buildingCode: string;
  judgement: Judgement;
  hazards: { category: CaseCategory; description: string }[];
  notes?: string | undefined;
  fileIds: string[];
  position: { latitude: number; longitude: number; accuracy?: number | undefined } | null;
  inspectedAt: string;
  /** The campaign the form was opened for; the house's other running campaigns are fulfilled too. */
  campaignId?: string | undefined;
}

export interface InspectionServiceDeps {
  db: Db;
  inspections: InspectionStore;
  buildings: BuildingStore;
  cases: CaseStore;
  caseService: CaseService;
  audit: AuditStore;
  campaigns: CampaignStore;
  campaignWorkflows: CampaignWorkflows;
  /** Where inspection photos are stored. */
  uploads: UploadService;
  /** 定期巡查: the house's due item, closed by the inspection; the next one counts from it. */
  inspectionDue: InspectionDueStore;
  /** CASE_DAY_SECONDS: the length of a day of the next due item. */
  daySeconds: number;
}

/** How far back a form kept on a phone without network may be dated. */
const MAX_AGE_DAYS = 30;
/** Phone clocks drift: a little ahead of the server is accepted. */
const CLOCK_SKEW_MS = 10 * 60_000;

function checkFindings(input: InspectionInput, now: number): void {
  if (input.judgement === 'none' && input.hazards.length > 0)
    throw RuleError.field('body.hazards', 'notAllowed', '“未发现安全隐患”时不能填写隐患', 'HAZARDS_WITHOUT_JUDGEMENT');
  if (input.judgement !== 'none' && input.hazards.length === 0)
    throw RuleError.field('body.hazards', 'required', '判定存在安全隐患时，请至少勾选一类隐患', 'HAZARDS_REQUIRED');
  const seen = new Set<string>();
  input.hazards.forEach((h, i) => {
    if (seen.has(h.category))
      throw RuleError.field(`body.hazards.${i}.category`, 'duplicate', '同一类隐患只能填写一次', 'DUPLICATE_HAZARD');
    seen.add(h.category);
  });
  const at = Date.parse(input.inspectedAt);
  if (at > now + CLOCK_SKEW_MS)
    throw RuleError.field('body.inspectedAt', 'future', '排查时间晚于当前时间，请检查手机时间', 'INSPECTED_IN_FUTURE');
  if (at < now - MAX_AGE_DAYS * 86_400_000)
    throw RuleError.field('body.inspectedAt', 'tooOld', `排查时间早于 ${MAX_AGE_DAYS} 天前，请重新排查`, 'INSPECTION_TOO_OLD');
}

export class InspectionService {
  constructor(private readonly deps: InspectionServiceDeps) {}

  /** Records an inspection; `created` is false when this id was recorded before (a re-send). */
  async submit(
    ability: AppAbility,
    user: CaseUser,
    input: InspectionInput,
    ctx: AuditContext,
  ): Promise<{ created: boolean; inspection: Inspection }> {
    const earlier = await this.recorded(ability, user, input.id);
    if (earlier) return { created: false, inspection: earlier };

    const code = checkedCode(input.buildingCode, 'body.buildingCode');
    const building = await this.deps.buildings.find(ability, code);
    if (!building) throw RuleError.field('body.buildingCode', 'unknown', `房屋 ${code} 不存在或不在您的辖区`, 'UNKNOWN_BUILDING');
    const regionCode = building.villageCode as string;
    if (!ability.can('create', asSubject('Inspection', { regionCode }))) throw new ForbiddenError('您的角色无权在此房屋排查');
    checkFindings(input, Date.now());
    await this.checkFiles(user, code, input);
    const position = input.position;
    const presence = presenceOf(position, { latitude: building.latitude ?? null, longitude: building.longitude ?? null });
    const hazards = [...input.hazards]
      .map((h) => ({ category: h.category, description: h.description.trim() }))
      .sort((a, b) => a.category.localeCompare(b.category));

    const { db, inspections } = this.deps;
    let campaignIds: string[] = [];
    // Run again when PostgreSQL breaks a deadlock with another write in the village (retriedTransaction).
    const opened = await retriedTransaction(db, async (trx) => {
      // Inspections of one house are recorded one at a time: two finding the same new hazard at once
      // open one case, and the second joins it.
      await lockHouse(trx, code);
      const inserted = await inspections.insert(
        {
          id: input.id,
          buildingCode: code,
          regionCode,
          inspector: { id: user.id, name: user.name },
          judgement: input.judgement,
          hazards,
          notes: input.notes?.trim() || null,
          position: position && { latitude: position.latitude, longitude: position.longitude, accuracy: position.accuracy ?? null },
          distanceM: presence.distanceM,
          presence: presence.presence,
          inspectedAt: input.inspectedAt,
        },
        trx,
      );
      // The same form sent twice at once: the other request recorded it.
      if (!inserted) return undefined;
      await inspections.attachFiles(input.id, input.fileIds, trx);

      // A house of a running campaign: this inspection is its special inspection.
      campaignIds = await this.deps.campaigns.fulfil(code, { id: input.id, hazardsFound: hazards.length }, trx);
      // One inspection names one campaign: the one the form was opened for, when the house waited in it.
      const named = campaignIds.find((c) => c === input.campaignId) ?? campaignIds[0];
      if (named) await inspections.markSpecial(input.id, named, trx);

      const newCases: string[] = [];
      for (const hazard of hazards) {
        const { caseId, joined } = await openOrJoinCase(trx, this.deps.cases, {
          buildingCode: code,
          regionCode,
          category: hazard.category,
          severity: input.judgement === 'serious' ? 'serious' : 'general',
          description: hazard.description,
          source: 'inspection',
          sourceRef: input.id,
          createdBy: user.id,
        });
        if (!joined) newCases.push(caseId);
        await inspections.linkCase(input.id, { caseId, category: hazard.category, joined }, trx);
      }

      // The house's safety state follows its open cases and latest inspection (domain/buildings/
      // safety-state.ts): a form sent late from a phone never overwrites one inspected after it, nor an
      // officer's entry of a later date, and a "no hazard" judgement never hides a case still open.
      await refreshSafetyState(trx, code, {
        at: input.inspectedAt,
        actorId: user.id,
        actorName: user.name,
        source: `inspection:${input.id}`,
      });
      // After the tier is brought up to date: the next due item counts from this inspection at the tier now.
      await this.deps.inspectionDue.fulfil(
        trx,
        code,
        { id: input.id, inspectedAt: input.inspectedAt },
        inspectionScheduleDefinition(),
        this.deps.daySeconds,
      );
      await this.deps.audit.record(ctx, { action: 'inspection.submit', subjectType: 'Inspection', subjectId: input.id, regionCode }, trx);
      return newCases;
    });
    if (!opened) return { created: false, inspection: (await this.recorded(ability, user, input.id)) as Inspection };
    for (const id of opened) await this.deps.caseService.startRecorded(user, id);
    for (const id of campaignIds) await this.deps.campaignWorkflows.nudge(id);
    return { created: true, inspection: (await inspections.find(ability, input.id)) as Inspection };
  }

  /** The inspection already recorded under this id, when it is the same inspector's. */
  private async recorded(ability: AppAbility, user: CaseUser, id: string): Promise<Inspection | undefined> {
    const earlier = await this.deps.inspections.find(null, id);
    if (!earlier) return undefined;
    if (earlier.inspectorId !== user.id) throw new ConflictError('INSPECTION_ID_IN_USE', '该排查编号已被他人使用，请重新打开排查表');
    return (await this.deps.inspections.find(ability, id)) ?? earlier;
  }

  /** Photos must be this user's uploads for this house, not yet attached to another inspection. */
  private async checkFiles(user: CaseUser, code: string, input: InspectionInput): Promise<void> {
    const known = new Set(await this.deps.inspections.uploadsFor(user.id, code, input.id, input.fileIds));
    input.fileIds.forEach((id, i) => {
      if (!known.has(id))
        throw RuleError.field(`body.fileIds.${i}`, 'unknownFile', '照片不存在或不属于本次排查，请重新上传', 'UNKNOWN_FILE');
    });
  }

  /** The house a photo is uploaded for, checked (it exists in the user's area and they may inspect it); its code. */
  async photoHouse(ability: AppAbility, buildingCode: string): Promise<string> {
    const code = checkedCode(buildingCode, 'query.buildingCode');
    const building = await this.deps.buildings.find(ability, code);
    if (!building) throw RuleError.field('query.buildingCode', 'unknown', `房屋 ${code} 不存在或不在您的辖区`, 'UNKNOWN_BUILDING');
    if (!ability.can('create', asSubject('Inspection', { regionCode: building.villageCode })))
      throw new ForbiddenError('您的角色无权在此房屋排查');
    return code;
  }

  /** Stores a photo of a house `photoHouse` accepted, taken by `uploadedBy`, until an inspection claims it. */
  storePhoto(buildingCode: string, uploadedBy: string, upload: Upload): Promise<StoredUpload> {
    return this.deps.uploads.store(upload, {
      table: 'inspection_files',
      folder: `inspections/${buildingCode}`,
      row: { building_code: buildingCode, uploaded_by: uploadedBy },
    });
  }

  /** A page of the inspections `ability` may read. */
  list(ability: AppAbility, params: ListParams & InspectionFilter): Promise<ListResult<Inspection>> {
    return this.deps.inspections.list(ability, params);
  }

  /** A stored inspection photo to a user who may read inspections of its house; else 404. */
  async photo(ability: AppAbility, id: string): Promise<InspectionPhoto> {
    const file = await this.deps.inspections.photo(id);
    if (!file || !ability.can('read', asSubject('Inspection', { regionCode: file.regionCode })))
      throw new NotFoundError('照片不存在或无权查看');
    return file;
  }

  async get(ability: AppAbility, id: string): Promise<Inspection> {
    const found = await this.deps.inspections.find(ability, id);
    if (!found) throw new NotFoundError('排查记录不存在或无权查看');
    return found;
  }
}
