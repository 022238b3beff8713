/** The map calls (`/api/map/…`, issue 18): the houses' summary, a house's card, outlines, configuration. */
import { HttpError } from 'react-admin';
import { mapConfig } from '../map/types.ts';
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
  /** The basemap and first view; the default (no basemap) where the server has no configuration. */
  mapConfig(signal?: AbortSignal): Promise<MapConfig>;
}

/** The answer, or null where the server has none to give (404): optional parts of the map. */
async function orNothing<T>(answer: Promise<unknown>): Promise<T | null> {
  try {
    return (await answer) as T;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

export const mapCalls: MapCalls = {
  mapSummary: async (query, signal) => (await apiRequest(url('/map/summary', query), { signal })) as MapSummary,
  mapHouse: async (code, signal) => (await apiRequest(url(`/map/houses/${segment(code)}`), { signal })) as HouseCardData,
  mapOutlines: (query, signal) => orNothing<Outlines>(apiRequest(url('/map/outlines', query), { signal })),
  async mapConfig(signal) {
    return mapConfig(await orNothing<Partial<MapConfig>>(apiRequest(url('/map/config'), { signal })));
  },
};
