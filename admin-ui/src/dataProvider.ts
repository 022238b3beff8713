/**
 * The generic data provider for the API's one list convention (`page`, `perPage`, `sort`, `order`,
 * filters as query parameters, answered with `{ data, total }`), plus the few calls that are not
 * CRUD (password changes, the region tree). Those go through the data provider too, so a 401 from
 * any of them reaches `authProvider.checkError` and signs the user out. A region's detail is plain
 * `getOne('regions', { id: code })`.
 */
import type {
  CreateParams,
  CreateResult,
  DataProvider,
  DeleteManyParams,
  DeleteManyResult,
  DeleteParams,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyReferenceResult,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  Identifier,
  RaRecord,
  UpdateManyParams,
  UpdateManyResult,
  UpdateParams,
  UpdateResult,
} from 'react-admin';
import { apiRequest } from './http.ts';
import type { RegionNode } from './regions/types.ts';

const API = '/api';
/** The API refuses larger pages. */
const MAX_PER_PAGE = 100;

type Query = Record<string, string>;

function url(path: string, query: Query = {}): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${API}${path}?${search}` : `${API}${path}`;
}

const segment = (id: Identifier) => encodeURIComponent(String(id));

/** Filter values as query parameters; empty values mean "no filter". */
function filterQuery(filter: Record<string, unknown> | undefined): Query {
  const query: Query = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query[key] = value.map(String).join(',');
    } else if (value instanceof Date) {
      query[key] = value.toISOString();
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      query[key] = String(value);
    }
  }
  return query;
}

function listQuery(params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): Query {
  const query: Query = filterQuery(params.filter as Record<string, unknown> | undefined);
  if (params.pagination) {
    query.page = String(params.pagination.page);
    query.perPage = String(Math.min(params.pagination.perPage, MAX_PER_PAGE));
  }
  if (params.sort?.field) {
    query.sort = params.sort.field;
    query.order = params.sort.order === 'DESC' ? 'desc' : 'asc';
  }
  return query;
}

function isListBody(value: unknown): value is { data: unknown[]; total: number } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data);
}

async function fetchList<R extends RaRecord>(path: string, query: Query, signal?: AbortSignal): Promise<{ data: R[]; total: number }> {
  const body = await apiRequest(url(path, query), { signal });
  if (!isListBody(body)) throw new TypeError(`unexpected list response from ${path}`);
  return { data: body.data as R[], total: typeof body.total === 'number' ? body.total : body.data.length };
}

/** Only the fields the user changed: the API refuses unknown and read-only fields in a PATCH. */
function changedFields(data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!previous) return data;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (JSON.stringify(value) !== JSON.stringify(previous[key])) changed[key] = value;
  }
  return changed;
}

/** Calls beyond CRUD, reachable with `useDataProvider<AppDataProvider>()`. */
export interface AppDataProvider extends DataProvider {
  resetPassword(userId: Identifier, newPassword: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** The tree from `root` (the user's own region when omitted), `depth` levels deep. */
  regionTree(params: { root?: string; depth: number; signal?: AbortSignal }): Promise<RegionNode>;
}

export const dataProvider: AppDataProvider = {
  async getList<R extends RaRecord>(resource: string, params: GetListParams): Promise<GetListResult<R>> {
    return fetchList<R>(`/${resource}`, listQuery(params), params.signal);
  },

  async getOne<R extends RaRecord>(resource: string, params: GetOneParams<R>): Promise<GetOneResult<R>> {
    const data = (await apiRequest(url(`/${resource}/${segment(params.id)}`), { signal: params.signal })) as R;
    return { data };
  },

  async getMany<R extends RaRecord>(resource: string, params: GetManyParams<R>): Promise<GetManyResult<R>> {
    if (params.ids.length === 0) return { data: [] };
    const ids = params.ids.slice(0, MAX_PER_PAGE);
    const { data } = await fetchList<R>(`/${resource}`, { ids: ids.map(String).join(','), perPage: String(ids.length) }, params.signal);
    return { data };
  },

  async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams): Promise<GetManyReferenceResult<R>> {
    const query = listQuery({ ...params, filter: { ...params.filter, [params.target]: params.id } });
    return fetchList<R>(`/${resource}`, query, params.signal);
  },

  async create<R extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = R & { id: Identifier }>(
    resource: string,
    params: CreateParams<R>,
  ): Promise<CreateResult<ResultRecordType>> {
    const data = (await apiRequest(url(`/${resource}`), { method: 'POST', body: params.data })) as ResultRecordType;
    return { data };
  },

  async update<R extends RaRecord>(resource: string, params: UpdateParams<R>): Promise<UpdateResult<R>> {
    const changes = changedFields(params.data as Record<string, unknown>, params.previousData as Record<string, unknown> | undefined);
    if (Object.keys(changes).length === 0) return { data: params.previousData };
    const data = (await apiRequest(url(`/${resource}/${segment(params.id)}`), { method: 'PATCH', body: changes })) as R;
    return { data };
  },

  async updateMany<R extends RaRecord>(resource: string, params: UpdateManyParams<R>): Promise<UpdateManyResult<R>> {
    for (const id of params.ids) {
      await apiRequest(url(`/${resource}/${segment(id)}`), { method: 'PATCH', body: params.data });
    }
    return { data: params.ids };
  },

  async delete<R extends RaRecord>(resource: string, params: DeleteParams<R>): Promise<DeleteResult<R>> {
    await apiRequest(url(`/${resource}/${segment(params.id)}`), { method: 'DELETE' });
    return { data: params.previousData as R };
  },

  async deleteMany<R extends RaRecord>(resource: string, params: DeleteManyParams<R>): Promise<DeleteManyResult<R>> {
    for (const id of params.ids) await apiRequest(url(`/${resource}/${segment(id)}`), { method: 'DELETE' });
    return { data: params.ids };
  },

  async resetPassword(userId, newPassword) {
    await apiRequest(url(`/users/${segment(userId)}/reset-password`), { method: 'POST', body: { newPassword } });
  },

  async changePassword(currentPassword, newPassword) {
    await apiRequest(url('/auth/password'), { method: 'POST', body: { currentPassword, newPassword } });
  },

  async regionTree({ root, depth, signal }) {
    const query: Query = { depth: String(depth) };
    if (root !== undefined) query.root = root;
    return (await apiRequest(url('/regions/tree', query), { signal })) as RegionNode;
  },
};
