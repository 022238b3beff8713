/**
 * Special inspections (专项排查): a district officer picks houses by the registry's filters within an
 * area, sets the deadline and who inspects; the campaign's houses go to the inboxes of that role in
 * each village, an inspection of one marks it done, and the campaign workflow closes it.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type {
  Campaign,
  CampaignFilters,
  CampaignItem,
  CampaignStatus,
  CampaignStore,
  CampaignTask,
  VillageProgress,
} from '../../domain/campaigns/store.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type { CampaignWorkflows } from '../../domain/campaigns/workflow-client.ts';
import type { Db } from '../../domain/db.ts';
import { ForbiddenError, NotFoundError, RuleError } from '../../domain/errors.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { CaseUser } from './cases.ts';

export interface CampaignInput {
  name: string;
  regionCode: string;
  filters: CampaignFilters;
  assigneeRole: Campaign['assigneeRole'];
  dueAt: string;
  remindDaysBefore?: number | undefined;
}

const DEFAULT_REMIND_DAYS = 3;

export class CampaignService {
  constructor(
    private readonly deps: {
      db: Db;
      campaigns: CampaignStore;
      workflows: CampaignWorkflows;
      audit: AuditStore;
      regionExists: (code: string) => Promise<boolean>;
    },
  ) {}

  async create(ability: AppAbility, user: CaseUser, input: CampaignInput, ctx: AuditContext): Promise<Campaign> {
    if (!ability.can('create', asSubject('Campaign', { regionCode: input.regionCode })))
      throw new ForbiddenError('只有区住建局人员可以在本辖区发起专项排查', 'CAMPAIGN_FORBIDDEN');
    if (!(await this.deps.regionExists(input.regionCode)))
      throw RuleError.field('body.regionCode', 'unknown', '行政区划不存在', 'UNKNOWN_REGION');
    if (Date.parse(input.dueAt) <= Date.now()) throw RuleError.field('body.dueAt', 'past', '截止时间须晚于现在', 'DUE_IN_PAST');
    if (input.filters.yearFrom && input.filters.yearTo && input.filters.yearFrom > input.filters.yearTo)
      throw RuleError.field('body.filters.yearTo', 'range', '结束年份不能早于开始年份', 'YEAR_RANGE');
    const remindDaysBefore = input.remindDaysBefore ?? DEFAULT_REMIND_DAYS;
    const created = await this.deps.db.transaction(async (trx) => {
      const made = await this.deps.campaigns.create(
        {
          name: input.name.trim(),
          regionCode: input.regionCode,
          filters: input.filters,
          assigneeRole: input.assigneeRole,
          dueAt: input.dueAt,
          remindDaysBefore,
          createdBy: { id: user.id, name: user.name },
        },
        trx,
      );
      if (made.total === 0) throw RuleError.field('body.filters', 'empty', '没有符合条件的房屋，请调整范围或条件', 'NO_HOUSES');
      await this.deps.audit.record(
        ctx,
        { action: 'campaign.create', subjectType: 'Campaign', subjectId: made.id, regionCode: input.regionCode },
        trx,
      );
      return made;
    });
    // The rows are committed: if this start fails, the sweeper starts the workflow later.
    await this.deps.workflows.start({ id: created.id, regionCode: input.regionCode, dueAt: input.dueAt, remindDaysBefore });
    await this.deps.campaigns.markStarted(created.id);
    return this.get(user, created.id);
  }

  /** A page of the campaigns visible to the user. */
  list(user: CaseUser, params: ListParams & { status?: CampaignStatus | undefined }): Promise<ListResult<Campaign>> {
    return this.deps.campaigns.list(user.regionCode, params);
  }

  /** A campaign the user may see, with its progress per village of their area. */
  async withVillages(user: CaseUser, id: string): Promise<Campaign & { villages: VillageProgress[] }> {
    const campaign = await this.get(user, id);
    return { ...campaign, villages: await this.deps.campaigns.progress(user.regionCode, id) };
  }

  /** A page of the houses of a campaign the user may see, in their area. */
  async items(
    user: CaseUser,
    id: string,
    params: ListParams & { regionCode?: string | undefined; status?: CampaignItem['status'] | undefined },
  ): Promise<ListResult<CampaignTask>> {
    await this.get(user, id);
    return this.deps.campaigns.items(user.regionCode, id, params);
  }

  /** The houses waiting for this user in running campaigns. */
  tasks(user: CaseUser, params: ListParams & { buildingCode?: string | undefined }): Promise<ListResult<CampaignTask>> {
    return this.deps.campaigns.tasks(user, params);
  }

  async get(user: CaseUser, id: string): Promise<Campaign> {
    const found = await this.deps.campaigns.find(user.regionCode, id);
    if (!found) throw new NotFoundError('专项排查不存在或无权查看');
    return found;
  }

  async cancel(ability: AppAbility, user: CaseUser, id: string, reason: string, key: string | undefined): Promise<Campaign> {
    const c = await this.get(user, id);
    if (!ability.can('cancel', asSubject('Campaign', c))) throw new ForbiddenError('只有区住建局人员可以撤销专项排查');
    await this.deps.workflows.cancel(
      id,
      { id: user.id, name: user.name, role: user.role, regionCode: user.regionCode },
      reason,
      key ? `${user.id}:${key}` : undefined,
    );
    return this.get(user, id);
  }
}
