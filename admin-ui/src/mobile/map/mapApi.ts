/** The phone map's calls, framework-free like the other phone pages: the houses' summary and the map's configuration. */
import { drain, readJson, send } from '../../httpCore.ts';
import { mapConfig } from '../../map/types.ts';
import type { MapConfig, MapSummary } from '../../map/types.ts';

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
