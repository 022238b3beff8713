/** `BulletinStore` on PostgreSQL: the `bulletins` table, and the month's warnings read from `warnings`. */
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListResult } from '../paging.ts';
import type {
  Bulletin,
  BulletinFiles,
  BulletinListParams,
  BulletinSortField,
  BulletinStatus,
  BulletinStore,
  RaisedWarning,
} from './store.ts';

interface Row {
  id: string;
  region_code: string;
  region_name: string | null;
  month: string;
  status: BulletinStatus;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
  pdf_key: string | null;
  pdf_sha256: string | null;
  xlsx_key: string | null;
  xlsx_sha256: string | null;
  error: string | null;
}

function toBulletin(r: Row): Bulletin {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    month: r.month,
    status: r.status,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    pdfKey: r.pdf_key,
    pdfSha256: r.pdf_sha256,
    xlsxKey: r.xlsx_key,
    xlsxSha256: r.xlsx_sha256,
    error: r.error,
  };
}

const SORT: Record<BulletinSortField, string> = { month: 'bl.month', createdAt: 'bl.created_at', regionCode: 'bl.region_code' };
/** Read like the statistics they summarise: the reader's area (`Bulletin` rules in domain/abilities.ts). */
const SCOPE = { regionCode: 'bl.region_code' };
const COLUMNS = [
  'id',
  'region_code',
  'status',
  'created_by',
  'created_at',
  'finished_at',
  'pdf_key',
  'pdf_sha256',
  'xlsx_key',
  'xlsx_sha256',
  'error',
].map((c) => `bl.${c}`);
const BEIJING_DAY_START = `(?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

export class DatabaseBulletinStore implements BulletinStore {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db('bulletins as bl')
      .leftJoin('regions as r', 'r.code', 'bl.region_code')
      .leftJoin('users as u', 'u.id', 'bl.created_by')
      .select(...COLUMNS, 'r.name as region_name', 'u.name as created_by_name')
      .select(this.db.raw(`to_char(bl.month, 'YYYY-MM') AS month`));
  }

  async ensure(regionCode: string, month: string, createdBy: string | null): Promise<{ id: string; created: boolean }> {
    const inserted = (await this.db('bulletins')
      .insert({ region_code: regionCode, month: `${month}-01`, created_by: createdBy })
      .onConflict(['region_code', 'month'])
      .ignore()
      .returning('id')) as { id: string }[];
    if (inserted[0]) return { id: inserted[0].id, created: true };
    const row = (await this.db('bulletins')
      .where({ region_code: regionCode, month: `${month}-01` })
      .first('id')) as { id: string };
    return { id: row.id, created: false };
  }

  async find(ability: AppAbility | null, id: string): Promise<Bulletin | undefined> {
    const query = this.base().where('bl.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'Bulletin', SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && toBulletin(row);
  }

  async list(ability: AppAbility, params: BulletinListParams): Promise<ListResult<Bulletin>> {
    const query = whereAllowed(this.base(), ability, 'read', 'Bulletin', SCOPE);
    if (params.regionCode) query.whereRaw('bl.region_code LIKE ?', [`${params.regionCode}%`]);
    if (params.month) query.where('bl.month', `${params.month}-01`);
    if (params.status) query.where('bl.status', params.status);
    return paged<Row, Bulletin>(query, { ...params, order: params.order ?? 'desc' }, SORT, 'month', 'bl.region_code', toBulletin);
  }

  async figures(id: string): Promise<unknown> {
    const row = (await this.db('bulletins').where({ id }).first('figures')) as { figures: unknown } | undefined;
    return row?.figures ?? null;
  }

  async requeue(id: string): Promise<void> {
    await this.db('bulletins').where({ id, status: 'failed' }).update({ status: 'queued', error: null, finished_at: null });
  }

  async markRunning(id: string): Promise<void> {
    await this.db('bulletins').where({ id, status: 'queued' }).update({ status: 'running' });
  }

  async finish(id: string, files: BulletinFiles, figures: unknown): Promise<boolean> {
    const n = await this.db('bulletins')
      .where({ id })
      .whereNot({ status: 'done' })
      .update({
        status: 'done',
        pdf_key: files.pdfKey,
        pdf_sha256: files.pdfSha256,
        xlsx_key: files.xlsxKey,
        xlsx_sha256: files.xlsxSha256,
        figures: JSON.stringify(figures),
        error: null,
        finished_at: this.db.fn.now(),
      });
    return n > 0;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db('bulletins')
      .where({ id })
      .whereNot({ status: 'done' })
      .update({ status: 'failed', error: error.slice(0, 2000), finished_at: this.db.fn.now() });
  }

  async queued(olderThanMs: number, limit = SWEEP_LIMIT): Promise<{ id: string }[]> {
    return (await this.db('bulletins')
      .where('status', 'queued')
      .whereNotNull('created_by')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .limit(limit)
      .select('id')) as { id: string }[];
  }

  async scheduledRegions(): Promise<string[]> {
    const rows = (await this.db('regions').whereRaw('length(code) IN (6, 9)').orderBy('code').select('code')) as { code: string }[];
    return rows.map((r) => r.code);
  }

  async warningsRaised(
    scope: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<{ total: number; byRule: { ruleId: string; count: number }[]; rows: RaisedWarning[] }> {
    const query = this.db('warnings as w')
      .whereRaw('w.region_code LIKE ?', [`${scope}%`])
      .whereRaw(`w.raised_at >= ${BEIJING_DAY_START}`, [from])
      .whereRaw(`w.raised_at < ${BEIJING_DAY_START} + interval '1 day'`, [to]);
    const [perRule, rows] = (await Promise.all([
      query.clone().groupBy('w.rule_id').select('w.rule_id').count({ n: '*' }).orderBy('w.rule_id'),
      query
        .clone()
        .leftJoin('regions as r', 'r.code', 'w.region_code')
        .select('w.id', 'w.rule_id', 'w.rule_version', 'w.region_code', 'r.name as region_name', 'w.status', 'w.raised_at')
        .select(this.db.raw('cardinality(w.building_codes) AS building_count'))
        .orderBy('w.raised_at', 'desc')
        .orderBy('w.id')
        .limit(limit),
    ])) as [{ rule_id: string; n: string | number }[], Record<string, unknown>[]];
    const byRule = perRule.map((r) => ({ ruleId: r.rule_id, count: Number(r.n) }));
    return {
      total: byRule.reduce((s, r) => s + r.count, 0),
      byRule,
      rows: rows.map((r) => ({
        id: r.id as string,
        ruleId: r.rule_id as string,
        ruleVersion: r.rule_version as number,
        regionCode: r.region_code as string,
        regionName: (r.region_name as string | null) ?? null,
        status: r.status as string,
        raisedAt: (r.raised_at as Date).toISOString(),
        buildingCount: Number(r.building_count),
      })),
    };
  }
}
