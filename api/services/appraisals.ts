/**
 * The house file's appraisal history (鉴定记录) and its scans: who may read and record (a house's
 * region, 404 outside it to read, 403 to write), the agency checked against the district's list, and
 * the house's current grade kept equal to its latest appraisal's in the same transaction (with the
 * safety state and the risk tier recomputed as any recorded grade does, domain/buildings/safety.ts).
 */
import { CURRENT_AGENCIES_VERSION, appraisalAgencyList, checkAgency } from '../../definitions/appraisal-agencies/index.ts';
import type { AppraisalAgencyList } from '../../definitions/appraisal-agencies/index.ts';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { refreshSafetyState } from '../../domain/buildings/safety.ts';
import type { AppraisalGrade } from '../../domain/buildings/enums.ts';
import type { BuildingStore } from '../../domain/buildings/store.ts';
import { lockHouse } from '../../domain/cases/open-or-join.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../domain/errors.ts';
import type { Appraisal, AppraisalFilter, AppraisalStore, HouseFileScan } from '../../domain/house-file/appraisal-store.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import { beijingDate } from '../../domain/time.ts';
import type { Upload } from '../http/uploads.ts';
import { checkedCode } from './buildings.ts';
import type { StoredUpload, UploadService } from './uploads.ts';

export interface AppraisalInput {
  agencyName: string;
  agencyQualificationNo: string;
  reportNo: string;
  appraisedOn: string;
  grade: AppraisalGrade;
  scope?: string | null | undefined;
  reportFileId?: string | null | undefined;
  nextDueOn?: string | null | undefined;
}

export class AppraisalService {
  constructor(
    private readonly deps: { db: Db; appraisals: AppraisalStore; buildings: BuildingStore; audit: AuditStore; uploads: UploadService },
  ) {}

  /** The list reports are checked against now. */
  agencies(): AppraisalAgencyList {
    return appraisalAgencyList();
  }

  /** The house's village when `ability` may read it; else 404. */
  private async readable(ability: AppAbility, rawCode: string): Promise<{ code: string; villageCode: string }> {
    const code = checkedCode(rawCode);
    const house = await this.deps.buildings.find(ability, code);
    if (!house) throw new NotFoundError(`房屋 ${code} 不存在或无权查看`);
    return { code, villageCode: house.villageCode ?? code.slice(0, 12) };
  }

  /** The house when `ability` may record on its file: 404 when it may not even read it, else 403. */
  private async writable(ability: AppAbility, rawCode: string): Promise<{ code: string; villageCode: string }> {
    const house = await this.readable(ability, rawCode);
    if (!ability.can('update', asSubject('Building', house))) throw new ForbiddenError('您的角色无权登记该房屋的档案材料');
    return house;
  }

  /** Appraisals of the reader's area (optionally of one house, or only the flagged ones), newest first. */
  list(ability: AppAbility, params: ListParams & AppraisalFilter): Promise<ListResult<Appraisal>> {
    return this.deps.appraisals.list(ability, params);
  }

  async listForHouse(ability: AppAbility, rawCode: string, params: ListParams): Promise<ListResult<Appraisal>> {
    const { code } = await this.readable(ability, rawCode);
    return this.deps.appraisals.list(ability, { ...params, buildingCode: code });
  }

  /** Checks the input against the dates and the house's scans; each problem names its field. */
  private async check(code: string, input: AppraisalInput, today: string): Promise<void> {
    const problems: { field: string; reason: string; message: string }[] = [];
    if (input.appraisedOn > today) problems.push({ field: 'body.appraisedOn', reason: 'future', message: '鉴定日期不能晚于今天' });
    if (input.nextDueOn && input.nextDueOn <= input.appraisedOn)
      problems.push({ field: 'body.nextDueOn', reason: 'notAfterAppraisal', message: '下次鉴定日期须晚于鉴定日期' });
    if (input.reportFileId) {
      const scan = await this.deps.appraisals.scan(input.reportFileId);
      if (!scan || scan.buildingCode !== code || scan.purpose !== 'appraisal')
        problems.push({ field: 'body.reportFileId', reason: 'unknownFile', message: '鉴定报告文件不存在或不属于该房屋' });
    }
    if (problems.length) throw new RuleError('RULE_VIOLATED', problems.map((p) => p.message).join('；'), problems);
  }

  /**
   * Records an appraisal. When it is the house's latest (by date; a later one recorded directly on the
   * house file also counts), the house's grade, date and report become its, in the same transaction,
   * and the risk tier is recomputed; an older report only joins the history.
   */
  async add(ability: AppAbility, rawCode: string, input: AppraisalInput, ctx: AuditContext, now = new Date()): Promise<Appraisal> {
    const { code, villageCode } = await this.writable(ability, rawCode);
    if (!ctx.actorId) throw new ForbiddenError();
    await this.check(code, input, beijingDate(now.toISOString()));
    const list = appraisalAgencyList(CURRENT_AGENCIES_VERSION);
    const agencyName = input.agencyName.trim();
    const agencyQualificationNo = input.agencyQualificationNo.trim();
    const reportNo = input.reportNo.trim();
    return this.deps.db.transaction(async (trx) => {
      await lockHouse(trx, code);
      const added = await this.deps.appraisals.add(
        {
          buildingCode: code,
          regionCode: villageCode,
          agencyName,
          agencyQualificationNo,
          reportNo,
          appraisedOn: input.appraisedOn,
          grade: input.grade,
          scope: input.scope?.trim() || null,
          reportFileId: input.reportFileId ?? null,
          nextDueOn: input.nextDueOn ?? null,
          agencyCheck: checkAgency(list, agencyName, agencyQualificationNo),
          agenciesVersion: list.version,
          recordedBy: ctx.actorId as string,
          recordedByName: ctx.actorName ?? '',
        },
        trx,
      );
      if (!added) {
        throw new ConflictError('APPRAISAL_EXISTS', `资质证书编号 ${agencyQualificationNo} 的鉴定报告 ${reportNo} 已登记`, [
          { field: 'body.reportNo', reason: 'taken', message: '该鉴定报告已登记' },
        ]);
      }
      const house = await this.deps.buildings.find(null, code, trx);
      const latest = await this.deps.appraisals.latest(code, trx);
      const recordedLater = house?.appraisalDate && house.appraisalDate > added.appraisedOn;
      if (latest?.id === added.id && !recordedLater) {
        await refreshSafetyState(
          trx,
          code,
          { at: now.toISOString(), actorId: ctx.actorId, actorName: ctx.actorName, source: `appraisal:${added.id}` },
          { appraisalGrade: added.grade, appraisalDate: added.appraisedOn, appraisalReport: `${reportNo}（${agencyName}）` },
        );
      }
      await this.deps.audit.record(
        ctx,
        {
          action: 'building.appraisal_add',
          subjectType: 'Building',
          subjectId: code,
          regionCode: villageCode,
          details: { appraisalId: added.id, grade: added.grade, reportNo, agencyCheck: added.agencyCheck },
        },
        trx,
      );
      return added;
    });
  }

  /** Stores a scan (an approval's certificate or an appraisal report) for the house's file. */
  async storeScan(
    ability: AppAbility,
    rawCode: string,
    purpose: HouseFileScan['purpose'],
    upload: Upload,
    ctx: AuditContext,
  ): Promise<StoredUpload> {
    const { code, villageCode } = await this.writable(ability, rawCode);
    if (!ctx.actorId) throw new ForbiddenError();
    const stored = await this.deps.uploads.store(upload, {
      table: 'building_files',
      folder: `buildings/${code}`,
      row: { building_code: code, purpose, uploaded_by: ctx.actorId },
    });
    await this.deps.audit.record(ctx, {
      action: 'building.file_upload',
      subjectType: 'Building',
      subjectId: code,
      regionCode: villageCode,
      details: { fileId: stored.id, purpose, name: stored.name, sha256: stored.sha256 },
    });
    return stored;
  }

  /** A stored scan, to a user who may read its house; else 404. */
  async scan(ability: AppAbility, id: string): Promise<HouseFileScan> {
    const scan = await this.deps.appraisals.scan(id);
    if (!scan || !ability.can('read', asSubject('Building', { villageCode: scan.villageCode })))
      throw new NotFoundError('文件不存在或无权查看');
    return scan;
  }

  read(scan: HouseFileScan): ReturnType<UploadService['read']> {
    return this.deps.uploads.read(scan);
  }
}
