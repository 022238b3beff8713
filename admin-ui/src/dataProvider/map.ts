/** The map calls (`/api/map/…`, issue 18): the houses' summary, a house's card, outlines, configuration. */
import { HttpError } from 'react-admin';
import type { HouseCardData, MapConfig, MapSummary, Outlines } from '../map/types.ts';
import { apiRequest } from '../http.ts';
import { segment, url } from './request.ts';
import type { Query } from './request.ts';

export interface MapCalls {
  /** The houses of a registry filter: how many, where, by tier. */
  mapSummary(query: Query, signal?: AbortSignal): Promise<MapSummary>;
  mapHouse(code: string, signal?: AbortSignal): Promise<HouseCardData>;
  /** Town and village outlines; null where the server has none to give (404). */
  mapOutlines(query: Query, signal?: AbortSignal): Promise<Outlines | null>;
  mapConfig(signal?: AbortSignal): Promise<MapConfig>;
}

export const mapCalls: MapCalls = {
  mapSummary: async (query, signal) => (await apiRequest(url('/map/summary', query), { signal })) as MapSummary,
  mapHouse: async (code, signal) => (await apiRequest(url(`/map/houses/${segment(code)}`), { signal })) as HouseCardData,
  async mapOutlines(query, signal) {
    try {
      return (await apiRequest(url('/map/outlines', query), { signal })) as Outlines;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  },
  mapConfig: async (signal) => (await apiRequest(url('/map/config'), { signal })) as MapConfig,
};
