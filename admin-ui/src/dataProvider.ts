/**
 * The generic data provider for the API's one list convention (`page`, `perPage`, `sort`, `order`,
 * filters as query parameters, answered with `{ data, total }`), plus the few calls that are not
 * CRUD (password changes, the region tree, house files, file uploads and downloads). Those go
 * through the data provider too, so a 401 from any of them reaches `authProvider.checkError` and
 * signs the user out. A region's detail is plain `getOne('regions', { id: code })`.
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
import type { BuildingPersonal, HouseFile } from './buildings/types.ts';
import type { ImportJob, ImportProblem } from './building-imports/types.ts';
import { apiDownload, apiRequest } from './http.ts';
import type { DownloadedFile, HttpMethod } from './http.ts';
import type { RegionNode } from './regions/types.ts';

const API = '/api';
/** The API refuses larger pages. */
const MAX_PER_PAGE = 100;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/**
 * Only the fields the user changed: the API refuses unknown and read-only fields in a PATCH. A
 * record's `version` goes along unchanged: it is the optimistic lock (the API answers 409 when
 * someone else saved in between).
 */
function changedFields(data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!previous) return data;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'version' && JSON.stringify(value) !== JSON.stringify(previous[key])) changed[key] = value;
  }
  if (Object.keys(changed).length > 0 && typeof previous.version === 'number') changed.version = previous.version;
  return changed;
}

/** Calls beyond CRUD, reachable with `useDataProvider<AppDataProvider>()`. */
export interface AppDataProvider extends DataProvider {
  resetPassword(userId: Identifier, newPassword: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  unlockUser(userId: Identifier): Promise<void>;
  /** The tree from `root` (the user's own region when omitted), `depth` levels deep. */
  regionTree(params: { root?: string; depth: number; signal?: AbortSignal }): Promise<RegionNode>;
  /** A house file: the building with its change history and related records. */
  houseFile(code: string, signal?: AbortSignal): Promise<HouseFile>;
  /** The owner's contact details in full; the API records every call. */
  buildingPersonal(code: string): Promise<BuildingPersonal>;
  /** A file from the API (`path` under /api): labels, templates, error reports. */
  download(path: string, options?: { method?: HttpMethod; body?: unknown }): Promise<DownloadedFile>;
  /** Uploads a spreadsheet of buildings; the import runs in the background. */
  uploadImport(file: File): Promise<ImportJob>;
  importProblems(id: string, page: number, perPage: number, signal?: AbortSignal): Promise<{ data: ImportProblem[]; total: number }>;
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

  async unlockUser(userId) {
    await apiRequest(url(`/users/${segment(userId)}/unlock`), { method: 'POST' });
  },

  async regionTree({ root, depth, signal }) {
    const query: Query = { depth: String(depth) };
    if (root !== undefined) query.root = root;
    return (await apiRequest(url('/regions/tree', query), { signal })) as RegionNode;
  },

  async houseFile(code, signal) {
    return (await apiRequest(url(`/buildings/by-code/${segment(code)}`), { signal })) as HouseFile;
  },

  async buildingPersonal(code) {
    return (await apiRequest(url(`/buildings/${segment(code)}/personal`))) as BuildingPersonal;
  },

  async download(path, options = {}) {
    return apiDownload(url(path), options);
  },

  async uploadImport(file) {
    // By extension: browsers on Windows call a CSV file "application/vnd.ms-excel".
    const name = file.name.toLowerCase();
    const type = name.endsWith('.xlsx') ? XLSX_TYPE : name.endsWith('.csv') ? 'text/csv' : file.type;
    return (await apiRequest(url('/building-imports'), { method: 'POST', file: { data: file, name: file.name, type } })) as ImportJob;
  },

  async importProblems(id, page, perPage, signal) {
    const query = { page: String(page), perPage: String(perPage) };
    const body = await apiRequest(url(`/building-imports/${segment(id)}/problems`, query), { signal });
    if (!isListBody(body)) throw new TypeError('unexpected list response from /building-imports/:id/problems');
    return { data: body.data as ImportProblem[], total: body.total };
  },
};
