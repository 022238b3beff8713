/**
 * The data provider's CRUD half: react-admin's nine calls on the API's one list convention. A PATCH
 * sends only the fields the user changed, with the record's `version` as the optimistic lock.
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
import { apiRequest } from '../http.ts';
import { MAX_PER_PAGE, fetchList, listQuery, segment, url } from './request.ts';

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

/** `getList`, `getOne`, … `deleteMany` for every resource. */
export const crud: DataProvider = {
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
};
