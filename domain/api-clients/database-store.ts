/** API clients and the change feed on PostgreSQL. */
import type { Db } from '../db.ts';
import { toBuilding } from '../buildings/building-sql.ts';
import type { Row as BuildingRow } from '../buildings/building-sql.ts';
import type { ChangePosition } from './cursor.ts';
import type { ApiClient, ApiClientStore, FeedHouse, NewApiClient } from './store.ts';

interface ClientRow {
  id: string;
  name: string;
  region_code: string;
  region_name: string | null;
  personal_data: boolean;
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const toClient = (r: ClientRow): ApiClient => ({
  id: r.id,
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  personalData: r.personal_data,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
});

export class DatabaseApiClientStore implements ApiClientStore {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db('api_clients as c')
      .leftJoin('regions as r', 'r.code', 'c.region_code')
      .select(
        'c.id',
        'c.name',
        'c.region_code',
        'r.name as region_name',
        'c.personal_data',
        'c.created_at',
        'c.created_by',
        'c.revoked_at',
        'c.last_used_at',
      );
  }

  async list(regionPrefix: string): Promise<ApiClient[]> {
    const rows = (await this.base()
      .whereRaw('c.region_code LIKE ?', [`${regionPrefix}%`])
      .orderBy('c.created_at', 'desc')
      .limit(500)) as ClientRow[];
    return rows.map(toClient);
  }

  async find(id: string): Promise<ApiClient | undefined> {
    const row = (await this.base().where('c.id', id).first()) as ClientRow | undefined;
    return row && toClient(row);
  }

  async create(input: NewApiClient): Promise<ApiClient> {
    await this.db('api_clients').insert({
      id: input.id,
      name: input.name,
      region_code: input.regionCode,
      personal_data: input.personalData,
      secret_hash: input.secretHash,
      created_by: input.createdBy,
    });
    return (await this.find(input.id))!;
  }

  async revoke(id: string, by: string): Promise<boolean> {
    const n = await this.db('api_clients').where({ id }).whereNull('revoked_at').update({ revoked_at: this.db.fn.now(), revoked_by: by });
    return n > 0;
  }

  async liveSecretHash(id: string): Promise<string | undefined> {
    const row = (await this.db('api_clients').where({ id }).whereNull('revoked_at').first('secret_hash')) as
      { secret_hash: string } | undefined;
    return row?.secret_hash;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db('api_clients').where({ id }).update({ last_used_at: at });
  }

  async changedHouses(regionCode: string, after: ChangePosition, limit: number): Promise<FeedHouse[]> {
    const rows = (await this.db('buildings as b')
      .leftJoin('regions as v', 'v.code', 'b.village_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .select('b.*', 'v.name as village_name', 't.name as town_name', this.db.raw('b.change_xid::text AS change_xid_text'))
      .whereRaw('b.village_code LIKE ?', [`${regionCode}%`])
      .whereRaw('(b.change_xid, b.change_seq) > (?::xid8, ?::bigint)', [after.xid, after.seq])
      .whereRaw('b.change_xid < pg_snapshot_xmin(pg_current_snapshot())')
      .orderBy([
        { column: 'b.change_xid', order: 'asc' },
        { column: 'b.change_seq', order: 'asc' },
      ])
      .limit(limit)) as (BuildingRow & { change_xid_text: string; change_seq: string })[];
    return rows.map((r) => ({ building: toBuilding(r), position: { xid: r.change_xid_text, seq: String(r.change_seq) } }));
  }
}
