/**
 * `DataReportStore` on PostgreSQL: the report rows, the houses of a region read page by page in code
 * order (keyset), and the snapshot rows a finished report keeps.
 */
import { SWEEP_LIMIT, writtenBefore } from '../stores/unstarted.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { paged } from '../paging.ts';
import type { ListResult } from '../paging.ts';
import { regionScopePrefix } from '../regions.ts';
import type { HouseRecord } from './rows.ts';
import type {
  DataReport,
  DataReportCounts,
  DataReportFile,
  DataReportKind,
  DataReportListParams,
  DataReportSortField,
  DataReportStatus,
  DataReportStore,
  NewDataReport,
  SnapshotRow,
} from './store.ts';

interface Row {
  id: string;
  region_code: string;
  region_name: string | null;
  kind: DataReportKind;
  base_report_id: string | null;
  layout_version: number;
  status: DataReportStatus;
  counts: DataReportCounts | null;
  files: DataReportFile[] | null;
  digest: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
  error: string | null;
}

function toReport(r: Row): DataReport {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    kind: r.kind,
    baseReportId: r.base_report_id,
    layoutVersion: r.layout_version,
    status: r.status,
    counts: r.counts,
    files: r.files,
    digest: r.digest,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    error: r.error,
  };
}

const SORT: Record<DataReportSortField, string> = {
  createdAt: 'dr.created_at',
  regionCode: 'dr.region_code',
  kind: 'dr.kind',
  status: 'dr.status',
};
const SCOPE = { regionCode: 'dr.region_code' };

/** Houses whose village lies in the region (the district: all). */
const inRegion = (regionCode: string) => `${regionScopePrefix(regionCode)}%`;

export class DatabaseDataReportStore implements DataReportStore {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db('data_reports as dr').leftJoin('regions as r', 'r.code', 'dr.region_code').select('dr.*', 'r.name as region_name');
  }

  async create(input: NewDataReport, db: Db = this.db): Promise<string> {
    const [row] = (await db('data_reports')
      .insert({
        region_code: input.regionCode,
        kind: input.kind,
        base_report_id: input.baseReportId,
        layout_version: input.layoutVersion,
        created_by: input.createdBy,
        created_by_name: input.createdByName,
      })
      .returning('id')) as { id: string }[];
    return (row as { id: string }).id;
  }

  async find(ability: AppAbility | null, id: string): Promise<DataReport | undefined> {
    const query = this.base().where('dr.id', id);
    if (ability) whereAllowed(query, ability, 'read', 'DataReport', SCOPE);
    const row = (await query.first()) as Row | undefined;
    return row && toReport(row);
  }

  async list(ability: AppAbility, params: DataReportListParams): Promise<ListResult<DataReport>> {
    const query = whereAllowed(this.base(), ability, 'read', 'DataReport', SCOPE);
    if (params.regionCode) query.whereRaw('dr.region_code LIKE ?', [inRegion(params.regionCode)]);
    if (params.kind) query.where('dr.kind', params.kind);
    if (params.status) query.where('dr.status', params.status);
    return paged<Row, DataReport>(query, params, SORT, 'createdAt', 'dr.id', toReport);
  }

  async latestDone(regionCode: string): Promise<DataReport | undefined> {
    const row = (await this.base()
      .where({ 'dr.region_code': regionCode, 'dr.status': 'done' })
      .orderBy('dr.finished_at', 'desc')
      .first()) as Row | undefined;
    return row && toReport(row);
  }

  async markRunning(id: string): Promise<void> {
    await this.db('data_reports').where({ id, status: 'queued' }).update({ status: 'running' });
  }

  async houses(tx: Db, regionCode: string, columns: readonly string[], afterCode: string, limit: number): Promise<HouseRecord[]> {
    const list = columns.map((c) => {
      if (c === 'floor_area') return 'b.floor_area::text AS floor_area';
      if (c.endsWith('_at') || c === 'appraisal_date') return `to_char(b."${c}", 'YYYY-MM-DD') AS "${c}"`;
      return `b."${c}"`;
    });
    const result = (await tx.raw(
      `SELECT ${list.join(', ')} FROM buildings b
       WHERE b.village_code LIKE ? AND b.code > ? ORDER BY b.code LIMIT ?`,
      [inRegion(regionCode), afterCode, limit],
    )) as { rows: HouseRecord[] };
    return result.rows;
  }

  async countHouses(tx: Db, regionCode: string): Promise<number> {
    const result = (await tx.raw('SELECT count(*)::int AS n FROM buildings WHERE village_code LIKE ?', [inRegion(regionCode)])) as {
      rows: { n: number }[];
    };
    return result.rows[0]?.n ?? 0;
  }

  async snapshot(tx: Db, reportId: string, afterCode: string, uptoCode: string | null, limit: number): Promise<SnapshotRow[]> {
    const result = (await tx.raw(
      `SELECT building_code AS code, cells, row_hash AS hash FROM data_report_rows
       WHERE report_id = ? AND building_code > ? ${uptoCode === null ? '' : 'AND building_code <= ?'}
       ORDER BY building_code LIMIT ?`,
      uptoCode === null ? [reportId, afterCode, limit] : [reportId, afterCode, uptoCode, limit],
    )) as { rows: SnapshotRow[] };
    return result.rows;
  }

  async addSnapshot(tx: Db, reportId: string, rows: readonly SnapshotRow[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.raw(
      `INSERT INTO data_report_rows (report_id, building_code, cells, row_hash)
       SELECT ?, c, (cl)::jsonb, h FROM unnest(?::text[], ?::text[], ?::text[]) AS t(c, cl, h)`,
      [reportId, rows.map((r) => r.code), rows.map((r) => JSON.stringify(r.cells)), rows.map((r) => r.hash)],
    );
  }

  async finish(tx: Db, id: string, done: { counts: DataReportCounts; files: DataReportFile[]; digest: string }): Promise<void> {
    await tx('data_reports')
      .where({ id })
      .whereNot({ status: 'done' })
      .update({
        status: 'done',
        counts: JSON.stringify(done.counts),
        files: JSON.stringify(done.files),
        digest: done.digest,
        finished_at: tx.fn.now(),
        error: null,
      });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db('data_reports')
      .where({ id })
      .whereNot({ status: 'done' })
      .update({ status: 'failed', error: error.slice(0, 2000), finished_at: this.db.fn.now() });
  }

  async queued(olderThanMs: number, limit = SWEEP_LIMIT): Promise<{ id: string }[]> {
    return (await this.db('data_reports')
      .where('status', 'queued')
      .where('created_at', '<', writtenBefore(this.db, olderThanMs))
      .limit(limit)
      .select('id')) as { id: string }[];
  }
}
