/** `RegionStore` on PostgreSQL: nodes with their child counts, scoped by the reader's rules in SQL. */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import type { Db } from '../db.ts';
import { RegionRow } from '../models.ts';
import { paged } from '../paging.ts';
import type { ListParams, ListResult } from '../paging.ts';
import { REGION_LEVELS, regionAncestry } from '../regions.ts';
import type { RegionLevel } from '../regions.ts';
import type { RegionDetail, RegionInput, RegionListItem, RegionNode, RegionStore } from './regions.ts';

const COLUMNS = { code: 'r.code' };

type Row = Pick<RegionRow, 'code' | 'name' | 'level' | 'parent_code'> & { child_count: number };

function toNode(row: Row): RegionNode {
  return {
    code: row.code,
    name: row.name,
    level: REGION_LEVELS[row.level] ?? 'village',
    parentCode: row.parent_code,
    childCount: row.child_count,
  };
}

export class DatabaseRegionStore implements RegionStore {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db('regions as r').select(
      'r.code',
      'r.name',
      'r.level',
      'r.parent_code',
      this.db.raw('(SELECT count(*) FROM regions c WHERE c.parent_code = r.code)::int AS child_count'),
    );
  }

  /** One region visible to the user, or undefined. */
  async find(ability: AppAbility, code: string): Promise<RegionNode | undefined> {
    const row = (await whereAllowed(this.base().where('r.code', code), ability, 'read', 'Region', COLUMNS).first()) as Row | undefined;
    return row && toNode(row);
  }

  /** Visible children of a region. */
  async children(ability: AppAbility, code: string): Promise<RegionNode[]> {
    const rows = (await whereAllowed(this.base().where('r.parent_code', code), ability, 'read', 'Region', COLUMNS).orderBy(
      'r.code',
    )) as Row[];
    return rows.map(toNode);
  }

  /** A region with its ancestry and children; the ancestry includes names above the user's scope. */
  async detail(ability: AppAbility, code: string): Promise<RegionDetail | undefined> {
    const node = await this.find(ability, code);
    if (!node) return undefined;
    const chain = regionAncestry(code);
    const names = (await RegionRow.query(this.db).whereIn('code', chain).select('code', 'name')) as RegionRow[];
    const byCode = new Map(names.map((r) => [r.code, r.name]));
    const path = chain.filter((c) => byCode.has(c)).map((c) => ({ code: c, name: byCode.get(c) ?? c }));
    return { ...node, id: node.code, path, children: await this.children(ability, code) };
  }

  /** The subtree under `code`, `depth` levels deep (depth 0: the node alone). */
  async tree(ability: AppAbility, code: string, depth: number): Promise<RegionNode | undefined> {
    const root = await this.find(ability, code);
    if (!root) return undefined;
    const expand = async (node: RegionNode, remaining: number): Promise<void> => {
      if (remaining <= 0 || node.childCount === 0) return;
      node.children = await this.children(ability, node.code);
      for (const child of node.children) await expand(child, remaining - 1);
    };
    await expand(root, depth);
    return root;
  }

  /** Search by name (or code prefix), scoped, paged. */
  async list(
    ability: AppAbility,
    params: ListParams & { q?: string; level?: RegionLevel; parentCode?: string; ids?: string[] },
  ): Promise<ListResult<RegionListItem>> {
    const query = whereAllowed(this.base(), ability, 'read', 'Region', COLUMNS);
    if (params.q) {
      const q = params.q.trim();
      if (/^\d+$/.test(q)) query.where('r.code', 'like', `${q}%`);
      else query.where('r.name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (params.level) query.where('r.level', REGION_LEVELS.indexOf(params.level));
    if (params.parentCode) query.where('r.parent_code', params.parentCode);
    if (params.ids) query.whereIn('r.code', params.ids);
    const result = await paged<Row, RegionNode>(
      query,
      params,
      { code: 'r.code', name: 'r.name', level: 'r.level' },
      'code',
      'r.code',
      toNode,
    );
    return { total: result.total, data: await this.withPaths(result.data) };
  }

  private async withPaths(nodes: RegionNode[]): Promise<RegionListItem[]> {
    const codes = [...new Set(nodes.flatMap((n) => regionAncestry(n.code)))];
    const rows = codes.length ? ((await RegionRow.query(this.db).whereIn('code', codes).select('code', 'name')) as RegionRow[]) : [];
    const names = new Map(rows.map((r) => [r.code, r.name]));
    return nodes.map((n) => ({
      id: n.code,
      code: n.code,
      name: n.name,
      level: n.level,
      parentCode: n.parentCode,
      path: regionAncestry(n.code)
        .filter((c) => c !== '0' && names.has(c))
        .map((c) => names.get(c))
        .join(' / '),
    }));
  }

  /** The name of a region, whoever asks (used to label records). */
  async nameOf(code: string): Promise<string | undefined> {
    const row = (await RegionRow.query(this.db).findById(code).select('name')) as RegionRow | undefined;
    return row?.name;
  }

  /**
   * The smallest region holding every district of the tree: the district itself where the platform
   * serves one. Events that belong to no account (a sign-in with an unknown name) are filed there, so
   * the auditors of the whole deployment see them and nobody below.
   */
  async deploymentRegion(): Promise<string | null> {
    const row = (await this.db('regions').whereRaw('length(code) = 6').min({ lo: 'code' }).max({ hi: 'code' }).first()) as
      { lo: string | null; hi: string | null } | undefined;
    if (!row?.lo || !row.hi) return null;
    for (const length of [6, 4, 2]) if (row.lo.slice(0, length) === row.hi.slice(0, length)) return row.lo.slice(0, length);
    return null;
  }

  /** True when the region exists. */
  async exists(code: string): Promise<boolean> {
    return (await RegionRow.query(this.db).findById(code).select('code')) !== undefined;
  }

  /** Inserts or renames regions, parents first; returns how many rows were written. */
  async upsert(regions: RegionInput[]): Promise<number> {
    const rows = regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: regionAncestry(r.code).length - 1,
      parent_code: r.parentCode,
    }));
    rows.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
    await this.db.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await trx('regions')
          .insert(rows.slice(i, i + 1000))
          .onConflict('code')
          .merge(['name', 'level', 'parent_code']);
      }
    });
    return rows.length;
  }
}
