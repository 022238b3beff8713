/** The phone map's calls, framework-free like the other phone pages: the houses' summary, the map's configuration, the due houses. */
import { drain, readJson, send } from '../../httpCore.ts';
import { mapConfig } from '../../map/types.ts';
import type { MapConfig, MapSummary } from '../../map/types.ts';
import type { DueHouse, Position } from '../../../../domain/map/due-houses.ts';
import type { CoverageCounts } from '../../../../domain/inspection-schedule/store.ts';

export type { DueHouse, Position };

/** Signed out (401) is an answer of its own: the page offers the sign-in. */
export type Loaded<T> = { kind: 'ok'; value: T } | { kind: 'signedOut' } | { kind: 'failed' };

async function get<T>(path: string, signal: AbortSignal, missing?: T): Promise<Loaded<T>> {
  const response = await send(path, { signal });
  if (response.ok) return { kind: 'ok', value: (await readJson(response)) as T };
  await drain(response);
  if (response.status === 401) return { kind: 'signedOut' };
  if (response.status === 404 && missing !== undefined) return { kind: 'ok', value: missing };
  return { kind: 'failed' };
}

export const loadSummary = (signal: AbortSignal) => get<MapSummary>('/api/map/summary', signal);
export async function loadConfig(signal: AbortSignal): Promise<Loaded<MapConfig>> {
  const answer = await get<Partial<MapConfig>>('/api/map/config', signal, {});
  return answer.kind === 'ok' ? { kind: 'ok', value: mapConfig(answer.value) } : answer;
}

/** How many due houses one page lists. */
export const DUE_PAGE = 20;

/** A page of the reader's houses due for inspection: nearest to `near` first, else by code. */
export function loadDue(signal: AbortSignal, near: Position | null, page: number): Promise<Loaded<{ total: number; data: DueHouse[] }>> {
  const query = new URLSearchParams({ page: String(page), perPage: String(DUE_PAGE) });
  if (near) query.set('near', `${near.longitude.toFixed(6)},${near.latitude.toFixed(6)}`);
  return get(`/api/map/due?${query}`, signal);
}

/** The reader's own 定期巡查 coverage over the API's default window (answered with the figures). */
export function loadOwnCoverage(signal: AbortSignal, userId: string): Promise<Loaded<{ from: string; to: string; total: CoverageCounts }>> {
  return get(`/api/inspection-due/coverage?${new URLSearchParams({ assigneeId: userId })}`, signal);
}
