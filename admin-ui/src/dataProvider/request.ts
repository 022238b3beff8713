/**
 * What every part of the data provider shares: the API's paths under `/api`, its one list
 * convention (`page`, `perPage`, `sort`, `order`, filters as query parameters, answered with
 * `{ data, total }`), and reading a list answer.
 */
import type { GetListParams, Identifier } from 'react-admin';
import { apiRequest } from '../http.ts';

const API = '/api';
/** The API refuses larger pages. */
export const MAX_PER_PAGE = 100;
/** Query parameters of a path. */
export type Query = Record<string, string>;

/** The API path of `path` (written without `/api`), with its query. */
export function url(path: string, query: Query = {}): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${API}${path}?${search}` : `${API}${path}`;
}

/** An id as one path segment. */
export const segment = (id: Identifier) => encodeURIComponent(String(id));

/** Filter values as query parameters; empty values mean "no filter". */
export function filterQuery(filter: Record<string, unknown> | undefined): Query {
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

/** The query of a react-admin list call. */
export function listQuery(params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): Query {
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

/** One page of a list answer. */
export interface Page<T> {
  data: T[];
  total: number;
}

/** One page of a list (`path` written without `/api`). */
export async function fetchList<R>(path: string, query: Query, signal?: AbortSignal): Promise<Page<R>> {
  const body = await apiRequest(url(path, query), { signal });
  if (!isListBody(body)) throw new TypeError(`unexpected list response from ${path}`);
  return { data: body.data as R[], total: typeof body.total === 'number' ? body.total : body.data.length };
}
