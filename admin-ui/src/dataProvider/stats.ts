/** The statistics calls (`/api/stats/…`, issue 17): the cockpit's figures, the pivot and the home page's. */
import type { Children, Funnel, Home, Overview, Pivot, Trends } from '../../../domain/statistics/api.ts';
import { apiRequest } from '../http.ts';
import { url } from './request.ts';
import type { Query } from './request.ts';

export interface StatsCalls {
  statsOverview(query: Query, signal?: AbortSignal): Promise<Overview>;
  statsChildren(query: Query, signal?: AbortSignal): Promise<Children>;
  statsTrends(query: Query, signal?: AbortSignal): Promise<Trends>;
  statsFunnel(query: Query, signal?: AbortSignal): Promise<Funnel>;
  statsPivot(query: Query, signal?: AbortSignal): Promise<Pivot>;
  statsHome(signal?: AbortSignal): Promise<Home>;
}

const get = async <T>(path: string, query: Query, signal?: AbortSignal) => (await apiRequest(url(path, query), { signal })) as T;

export const statsCalls: StatsCalls = {
  statsOverview: (query, signal) => get<Overview>('/stats/overview', query, signal),
  statsChildren: (query, signal) => get<Children>('/stats/children', query, signal),
  statsTrends: (query, signal) => get<Trends>('/stats/trends', query, signal),
  statsFunnel: (query, signal) => get<Funnel>('/stats/funnel', query, signal),
  statsPivot: (query, signal) => get<Pivot>('/stats/pivot', query, signal),
  statsHome: (signal) => get<Home>('/stats/home', {}, signal),
};
