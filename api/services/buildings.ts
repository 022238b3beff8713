/**
 * The building registry's rules around the store: codes checked before lookups (a mistyped code is
 * told apart from an unknown one), scope checks (404 to read, 403 to write), cross-field rules,
 * optimistic versions, change history, and audited views of personal data.
 */
import { SAFETY_FIELDS, SAFETY_FIELDS_OWNED, housesWithOpenCases } from '../../domain/buildings/safety.ts';
import type { Inspection } from '../../domain/inspections/store.ts';
import type { HouseComplaint } from '../../domain/complaints/store.ts';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { buildingCodeProblem, CODE_PROBLEM_MESSAGES, normaliseBuildingCode } from '../../domain/buildings/code.ts';
import { buildingRuleProblems } from '../../domain/buildings/rules.ts';
import type { BuildingState } from '../../domain/buildings/rules.ts';
import type { BuildingCreateInput, BuildingPatchInput } from '../../domain/buildings/schema.ts';
import { changedFields, masked } from '../../domain/buildings/store.ts';
import type { Building, BuildingChange, BuildingFilter, BuildingStore } from '../../domain/buildings/store.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError, RuleError } from '../../domain/errors.ts';
import { maskName, maskPhone } from '../../domain/mask.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { HouseCase } from '../../domain/buildings/store.ts';
import { deadlinesInForce } from '../../domain/cases/deadline.ts';
import type { DeadlineInForce } from '../../domain/cases/deadline.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';
import { refreshRiskTier } from '../../domain/risk/refresh.ts';
import type { RiskChange, RiskStore } from '../../domain/risk/store.ts';
import type { AppraisalStore } from '../../domain/house-file/appraisal-store.ts';

export interface HouseFile {
  building: Building;
  changes: BuildingChange[];
  inspections: Inspection[];
  complaints: HouseComplaint[];
  /** Newest first, each with its rectification deadline in force (the case page's 整改期限). */
  cases: (HouseCase & { deadlineInForce: DeadlineInForce | null })[];
}

/** The fields of a building anyone may see (the scan page): no personal data. */
export interface PublicBuilding {
  code: string;
  address: string;
  villageName: string | null;
  townName: string | null;
  districtName: string | null;
  use: Building['use'];
  floorsAbove: number | null;
  structureType: Building['structureType'];
  latestJudgement: Building['latestJudgement'];
  latestJudgementAt: string | null;
}

const PERSONAL_MASKS: Record<string, (v: string | null) => string | null> = { ownerName: maskName, ownerPhone: maskPhone };

/** Personal data in a change record is masked like everywhere else (full values need the audited view). */
function maskChange(change: BuildingChange): BuildingChange {
  const changes = { ...change.changes };
  for (const [field, mask] of Object.entries(PERSONAL_MASKS)) {
    const c = changes[field];
    if (c) changes[field] = { before: mask(c.before as string | null), after: mask(c.after as string | null) };
  }
  return { ...change, changes };
}

/** A well-formed code, or a 400 that says what is wrong with it. */
export function checkedCode(raw: string, field = 'params.code'): string {
  const code = normaliseBuildingCode(raw);
  const problem = buildingCodeProblem(code);
  if (problem) {
    const message = CODE_PROBLEM_MESSAGES[problem];
    throw new InputError('INVALID_BUILDING_CODE', message, [{ field, reason: problem, message }]);
  }
  return code;
}

export class BuildingService {
  constructor(
    private readonly deps: {
      db: Db;
      buildings: BuildingStore;
      regions: RegionStore;
      audit: AuditStore;
      risk: RiskStore;
      scans: Pick<AppraisalStore, 'scan'>;
    },
  ) {}

  /**
   * An approval's scan must be one uploaded for this house as an approval (a new house has none yet:
   * its scans are uploaded once it has a code). Scans the house already named are not checked again.
   */
  private async checkApprovalScans(
    code: string | null,
    approvals: BuildingCreateInput['approvals'],
    before: Building | null,
  ): Promise<void> {
    const known = new Set((before?.approvals ?? []).map((a) => a.fileId).filter(Boolean));
    const problems: { field: string; reason: string; message: string }[] = [];
    for (const [i, a] of (approvals ?? []).entries()) {
      if (!a.fileId || known.has(a.fileId)) continue;
      const scan = code ? await this.deps.scans.scan(a.fileId) : undefined;
      if (!scan || scan.buildingCode !== code || scan.purpose !== 'approval') {
        const message = code ? '审批扫描件不存在或不属于该房屋' : '新建房屋时不能关联扫描件，请建档后上传';
        problems.push({ field: `body.approvals.${String(i)}.fileId`, reason: 'unknownFile', message });
      }
    }
    if (problems.length) throw new RuleError('RULE_VIOLATED', problems.map((p) => p.message).join('；'), problems);
  }

  /** Houses within `radiusM` of a position, nearest first (the houses a complaint by position could be about). */
  near(position: { latitude: number; longitude: number }, radiusM: number, limit: number): ReturnType<BuildingStore['near']> {
    return this.deps.buildings.near(position, radiusM, limit);
  }

  /**
   * The registry's list. A text search by someone who may see owner details also matches owner names,
   * so it is audited like a full view: who, the query masked as a name is masked (the query may be a
   * person's name), and how many houses it found by owner name.
   */
  async list(
    ability: AppAbility,
    params: ListParams & BuildingFilter,
    ctx: AuditContext & { regionCode: string },
  ): Promise<ListResult<Building>> {
    const { q } = params;
    if (!q || !ability.can('readPersonal', 'Building')) return this.deps.buildings.list(ability, params);
    const [result, matches] = await Promise.all([
      this.deps.buildings.list(ability, params),
      this.deps.buildings.ownerNameMatches(ability, { ...params, q }),
    ]);
    await this.deps.audit.record(ctx, {
      action: 'building.owner_search',
      subjectType: 'Building',
      regionCode: ctx.regionCode,
      details: { q: maskName(q), ownerNameMatches: matches },
    });
    return result;
  }

  async get(ability: AppAbility, rawCode: string): Promise<Building> {
    const code = checkedCode(rawCode);
    const building = await this.deps.buildings.find(ability, code);
    if (!building) throw new NotFoundError(`房屋 ${code} 不存在或无权查看`);
    return building;
  }

  async houseFile(ability: AppAbility, rawCode: string): Promise<HouseFile> {
    const code = checkedCode(rawCode);
    const found = await this.deps.buildings.withChanges(ability, code);
    if (!found) throw new NotFoundError(`房屋 ${code} 不存在或无权查看`);
    const { building, changes, cases, inspections, complaints } = found;
    const deadlines = await deadlinesInForce(
      this.deps.db,
      cases.map((c) => c.id),
    );
    return {
      building: masked(building),
      changes: changes.map(maskChange),
      inspections,
      complaints,
      cases: cases.map((c) => ({ ...c, deadlineInForce: deadlines.get(c.id) ?? null })),
    };
  }

  /** The house's risk tier history (from → to, why, when), newest first; 404 outside the caller's region. */
  async riskHistory(ability: AppAbility, rawCode: string): Promise<RiskChange[]> {
    const code = checkedCode(rawCode);
    const history = await this.deps.risk.history(ability, code);
    if (!history) throw new NotFoundError(`房屋 ${code} 不存在或无权查看`);
    return history;
  }

  /** Owner name and phone in full; recorded in the audit log. */
  async personal(
    ability: AppAbility,
    rawCode: string,
    ctx: AuditContext,
  ): Promise<{ ownerName: string | null; ownerPhone: string | null }> {
    const building = await this.get(ability, rawCode);
    if (!ability.can('readPersonal', asSubject('Building', building))) throw new ForbiddenError('您的角色无权查看户主完整信息');
    await this.deps.audit.record(ctx, {
      action: 'building.personal_viewed',
      subjectType: 'Building',
      subjectId: building.code,
      regionCode: building.villageCode,
    });
    return { ownerName: building.ownerName, ownerPhone: building.ownerPhone };
  }

  async publicSummary(rawCode: string): Promise<PublicBuilding> {
    const code = checkedCode(rawCode);
    const b = await this.deps.buildings.find(null, code);
    if (!b) throw new NotFoundError(`编码为 ${code} 的房屋不存在，请核对标签`);
    return {
      code: b.code,
      address: b.address ?? '',
      villageName: b.villageName,
      townName: b.townName,
      districtName: (await this.deps.regions.nameOf(b.code.slice(0, 6))) ?? null,
      use: b.use,
      floorsAbove: b.floorsAbove,
      structureType: b.structureType,
      latestJudgement: b.latestJudgement,
      latestJudgementAt: b.latestJudgementAt,
    };
  }

  private rules(state: BuildingState): void {
    const problems = buildingRuleProblems(state, 'body.');
    if (problems.length) throw new RuleError('RULE_VIOLATED', problems.map((p) => p.message).join('；'), problems);
  }

  async create(ability: AppAbility, input: BuildingCreateInput, ctx: AuditContext): Promise<Building> {
    const village = await this.deps.regions.find(ability, input.villageCode);
    if (!village || village.level !== 'village') {
      const exists = await this.deps.regions.exists(input.villageCode);
      if (exists && !village) {
        const message = `所属村（社区）：${input.villageCode} 不在您的管辖范围内`;
        throw new ForbiddenError(message, 'OUT_OF_SCOPE', [{ field: 'body.villageCode', reason: 'outOfScope', message }]);
      }
      throw RuleError.field('body.villageCode', 'unknownVillage', `所属村（社区）：代码 ${input.villageCode} 不存在`, 'UNKNOWN_VILLAGE');
    }
    if (!ability.can('create', asSubject('Building', { villageCode: input.villageCode }))) throw new ForbiddenError('您的角色无权登记房屋');
    this.rules(input);
    await this.checkApprovalScans(null, input.approvals, null);
    const code = await this.deps.db.transaction(async (trx) => {
      if (input.externalId && (await this.deps.buildings.externalIdTaken(input.externalId, undefined, trx))) {
        throw RuleError.field('body.externalId', 'taken', `外部编号 ${input.externalId} 已被其他房屋使用`, 'EXTERNAL_ID_TAKEN');
      }
      const created = await this.deps.buildings.create(input, trx);
      await refreshRiskTier(trx, created, 'building:create');
      await this.deps.audit.record(
        ctx,
        { action: 'building.create', subjectType: 'Building', subjectId: created, regionCode: input.villageCode },
        trx,
      );
      return created;
    });
    return masked((await this.deps.buildings.find(ability, code)) as Building);
  }

  async update(ability: AppAbility, rawCode: string, patch: BuildingPatchInput, ctx: AuditContext): Promise<Building> {
    const code = checkedCode(rawCode);
    const before = await this.deps.buildings.find(null, code);
    if (!before) throw new NotFoundError(`房屋 ${code} 不存在`);
    // Outside the caller's region a write is 403 (a read would be 404).
    if (!ability.can('update', asSubject('Building', before))) throw new ForbiddenError('该房屋不在您的管辖范围内或您无权修改');
    const { version, ...fields } = patch;
    this.rules({ ...before, ...fields } as BuildingState);
    if (fields.approvals) await this.checkApprovalScans(code, fields.approvals, before);
    const changes = changedFields(fields, before);
    await this.deps.db.transaction(async (trx) => {
      const current = await this.deps.buildings.lockVersion(code, trx);
      if (version !== undefined && current !== version) {
        throw new ConflictError('STALE_VERSION', '该房屋信息已被他人修改，请刷新后再编辑');
      }
      if (Object.keys(changes).length === 0) return;
      const owned = SAFETY_FIELDS.find((f) => f in changes);
      if (owned && (await housesWithOpenCases(trx, [code])).has(code))
        throw RuleError.field(`body.${owned}`, 'fromCases', SAFETY_FIELDS_OWNED, 'STATE_FROM_CASES');
      if (changes.externalId && (await this.deps.buildings.externalIdTaken(changes.externalId, code, trx))) {
        throw RuleError.field('body.externalId', 'taken', `外部编号 ${changes.externalId} 已被其他房屋使用`, 'EXTERNAL_ID_TAKEN');
      }
      await this.deps.buildings.update(code, changes, before, { actorId: ctx.actorId, actorName: ctx.actorName, source: 'api' }, trx);
      await refreshRiskTier(trx, code, 'building:edit');
      await this.deps.audit.record(
        ctx,
        {
          action: 'building.update',
          subjectType: 'Building',
          subjectId: code,
          regionCode: before.villageCode,
          details: { fields: Object.keys(changes) },
        },
        trx,
      );
    });
    return masked((await this.deps.buildings.find(ability, code)) as Building);
  }
}
