/**
 * `CampaignStore` on PostgreSQL: campaigns with their counts per reader's area in one query, their houses
 * written from the registry's filter by one INSERT … SELECT, and the campaign workflow's writes.
 */
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import type { Knex } from 'knex';
import { applyBuildingFilter } from '../buildings/building-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { regionScopePrefix } from '../regions.ts';
import type {
  Campaign,
  CampaignEnd,
  CampaignFilters,
  CampaignItem,
  CampaignStatus,
  CampaignStore,
  CampaignTask,
  Counts,
  NewCampaign,
  VillageProgress,
} from './store.ts';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const COUNTS = `count(*)::int AS total,
  count(*) FILTER (WHERE i.status = 'done')::int AS done,
  count(*) FILTER (WHERE i.hazards_found > 0)::int AS with_hazards,
  count(*) FILTER (WHERE i.status = 'overdue' OR (i.status = 'pending' AND k.due_at < now()))::int AS overdue,
  count(*) FILTER (WHERE i.status = 'pending')::int AS pending`;
const counts = (r: Row): Counts => ({
  total: (r.total as number) ?? 0,
  done: (r.done as number) ?? 0,
  withHazards: (r.with_hazards as number) ?? 0,
  overdue: (r.overdue as number) ?? 0,
  pending: (r.pending as number) ?? 0,
});

function toCampaign(r: Row): Campaign {
  return {
    id: r.id as string,
    name: r.name as string,
    regionCode: r.region_code as string,
    regionName: (r.region_name as string | null) ?? null,
    filters: r.filters as CampaignFilters,
    assigneeRole: r.assignee_role as Campaign['assigneeRole'],
    dueAt: iso(r.due_at) as string,
    remindDaysBefore: r.remind_days_before as number,
    status: r.status as CampaignStatus,
    remindedAt: iso(r.reminded_at),
    closedAt: iso(r.closed_at),
    cancelReason: (r.cancel_reason as string | null) ?? null,
    createdByName: r.created_by_name as string,
    createdAt: iso(r.created_at) as string,
    progress: counts(r),
  };
}

export class DatabaseCampaignStore implements CampaignStore {
  constructor(private readonly db: Db) {}

  /** Campaigns over the reader's area, or within it. */
  private visible(query: Knex.QueryBuilder, scope: string): Knex.QueryBuilder {
    const prefix = regionScopePrefix(scope);
    return query.where((w) => w.whereRaw('k.region_code LIKE ?', [`${prefix}%`]).orWhereRaw(`? LIKE k.region_code || '%'`, [prefix]));
  }

  private base(scope: string) {
    const prefix = regionScopePrefix(scope);
    return this.db('campaigns as k')
      .leftJoin('regions as r', 'r.code', 'k.region_code')
      .select(
        'k.*',
        'r.name as region_name',
        this.db.raw(
          `(SELECT row_to_json(x) FROM (SELECT ${COUNTS} FROM campaign_items i WHERE i.campaign_id = k.id AND i.village_code LIKE ?) x) AS counts`,
          [`${prefix}%`],
        ),
      );
  }

  async create(input: NewCampaign, trx: Db = this.db): Promise<{ id: string; total: number }> {
    const [row] = (await trx('campaigns')
      .insert({
        name: input.name,
        region_code: input.regionCode,
        filters: JSON.stringify(input.filters),
        assignee_role: input.assigneeRole,
        due_at: input.dueAt,
        remind_days_before: input.remindDaysBefore,
        total: 0,
        created_by: input.createdBy.id,
        created_by_name: input.createdBy.name,
      })
      .returning('id')) as { id: string }[];
    const id = (row as { id: string }).id;
    const houses = applyBuildingFilter(trx('buildings as b'), { ...input.filters, regionCode: input.regionCode }).select(
      trx.raw('?::uuid', [id]),
      'b.code',
      'b.village_code',
    );
    const inserted = await trx.raw(`INSERT INTO campaign_items (campaign_id, building_code, village_code) ${houses.toString()}`);
    const total = (inserted as { rowCount: number }).rowCount;
    await trx('campaigns').where({ id }).update({ total });
    return { id, total };
  }

  async list(scope: string, params: ListParams & { status?: CampaignStatus | undefined }): Promise<ListResult<Campaign>> {
    const query = this.visible(this.base(scope), scope);
    if (params.status) query.where('k.status', params.status);
    return paged<Row, Campaign>(
      query,
      { ...params, order: params.order ?? 'desc' },
      { createdAt: 'k.created_at', dueAt: 'k.due_at' },
      'createdAt',
      'k.id',
      (r) => toCampaign({ ...r, ...((r.counts as Row | null) ?? {}) }),
    );
  }

  async find(scope: string, id: string): Promise<Campaign | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = (await this.visible(this.base(scope), scope).where('k.id', id).first()) as Row | undefined;
    return row && toCampaign({ ...row, ...((row.counts as Row | null) ?? {}) });
  }

  async progress(scope: string, id: string): Promise<VillageProgress[]> {
    const rows = (await this.db('campaign_items as i')
      .join('campaigns as k', 'k.id', 'i.campaign_id')
      .leftJoin('regions as v', 'v.code', 'i.village_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .where('i.campaign_id', id)
      .whereRaw('i.village_code LIKE ?', [`${regionScopePrefix(scope)}%`])
      .groupBy('i.village_code', 'v.name', 'v.parent_code', 't.name')
      .orderBy('i.village_code')
      .select(
        'i.village_code',
        'v.name as village_name',
        'v.parent_code as town_code',
        't.name as town_name',
        this.db.raw(COUNTS),
      )) as Row[];
    return rows.map((r) => ({
      villageCode: r.village_code as string,
      villageName: (r.village_name as string | null) ?? null,
      townCode: (r.town_code as string | null) ?? (r.village_code as string).slice(0, 9),
      townName: (r.town_name as string | null) ?? null,
      ...counts(r),
    }));
  }

  private itemQuery() {
    return this.db('campaign_items as i')
      .join('campaigns as k', 'k.id', 'i.campaign_id')
      .join('buildings as b', 'b.code', 'i.building_code')
      .leftJoin('regions as v', 'v.code', 'i.village_code')
      .select('i.*', 'b.address', 'v.name as village_name', 'k.name as campaign_name', 'k.due_at', 'k.created_at as started_at');
  }

  private toItem(r: Row): CampaignTask {
    return {
      campaignId: r.campaign_id as string,
      campaignName: r.campaign_name as string,
      dueAt: iso(r.due_at) as string,
      startedAt: iso(r.started_at) as string,
      buildingCode: r.building_code as string,
      address: (r.address as string | null) ?? null,
      villageCode: r.village_code as string,
      villageName: (r.village_name as string | null) ?? null,
      status: r.status as CampaignItem['status'],
      inspectionId: (r.inspection_id as string | null) ?? null,
      hazardsFound: (r.hazards_found as number | null) ?? null,
      doneAt: iso(r.done_at),
    };
  }

  async items(
    scope: string,
    id: string,
    params: ListParams & { regionCode?: string | undefined; status?: CampaignItem['status'] | undefined },
  ): Promise<ListResult<CampaignTask>> {
    const query = this.itemQuery()
      .where('i.campaign_id', id)
      .whereRaw('i.village_code LIKE ?', [`${regionScopePrefix(scope)}%`]);
    if (params.regionCode) query.whereRaw('i.village_code LIKE ?', [`${params.regionCode}%`]);
    // Past the deadline a pending house is overdue, before the workflow has marked it so (the counts agree).
    if (params.status === 'overdue')
      query.where((w) =>
        w.where('i.status', 'overdue').orWhere((p) => p.where('i.status', 'pending').where('k.due_at', '<', this.db.fn.now())),
      );
    if (params.status === 'pending') query.where('i.status', 'pending').where('k.due_at', '>=', this.db.fn.now());
    if (params.status === 'done') query.where('i.status', 'done');
    return paged<Row, CampaignTask>(
      query,
      params,
      { buildingCode: 'i.building_code', doneAt: 'i.done_at' },
      'buildingCode',
      'i.building_code',
      (r) => this.toItem(r),
    );
  }

  async tasks(
    user: { role: string; regionCode: string },
    params: ListParams & { buildingCode?: string | undefined },
  ): Promise<ListResult<CampaignTask>> {
    const query = this.itemQuery()
      .where('k.status', 'running')
      .where('k.assignee_role', user.role)
      .where('i.status', 'pending')
      .whereRaw('i.village_code LIKE ?', [`${regionScopePrefix(user.regionCode)}%`]);
    if (params.buildingCode) query.where('i.building_code', params.buildingCode.toUpperCase());
    return paged<Row, CampaignTask>(query, params, { dueAt: 'k.due_at' }, 'dueAt', 'i.building_code', (r) => this.toItem(r));
  }

  async unstarted(
    olderThanMs: number,
    limit = SWEEP_LIMIT,
  ): Promise<{ id: string; regionCode: string; dueAt: string; remindDaysBefore: number }[]> {
    const rows = (await this.db('campaigns')
      .whereNull('workflow_started_at')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .limit(limit)
      .select('id', 'region_code', 'due_at', 'remind_days_before')) as {
      id: string;
      region_code: string;
      due_at: Date;
      remind_days_before: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      dueAt: r.due_at.toISOString(),
      remindDaysBefore: r.remind_days_before,
    }));
  }

  async markStarted(id: string): Promise<void> {
    await this.db('campaigns').where({ id }).update({ workflow_started_at: this.db.fn.now() });
  }

  async fulfil(buildingCode: string, inspection: { id: string; hazardsFound: number }, tx: Db = this.db): Promise<string[]> {
    const fulfilled = (await tx('campaign_items')
      .where({ building_code: buildingCode, status: 'pending' })
      .whereIn('campaign_id', tx('campaigns').where({ status: 'running' }).select('id'))
      .update({ status: 'done', inspection_id: inspection.id, hazards_found: inspection.hazardsFound, done_at: tx.fn.now() })
      .returning('campaign_id')) as { campaign_id: string }[];
    return fulfilled.map((f) => f.campaign_id);
  }

  async remaining(id: string): Promise<number> {
    const row = (await this.db('campaign_items').where({ campaign_id: id, status: 'pending' }).count({ n: '*' }).first()) as { n: number };
    return row.n;
  }

  async markReminded(id: string): Promise<void> {
    await this.db('campaigns').where({ id, status: 'running' }).whereNull('reminded_at').update({ reminded_at: this.db.fn.now() });
  }

  async finish(id: string, end: CampaignEnd, reason?: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const changed = await trx('campaigns')
        .where({ id, status: 'running' })
        .update({ status: end, closed_at: trx.fn.now(), ...(reason ? { cancel_reason: reason } : {}) });
      if (changed && end === 'closed')
        await trx('campaign_items').where({ campaign_id: id, status: 'pending' }).update({ status: 'overdue' });
    });
  }
}
