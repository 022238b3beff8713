/**
 * The registered houses near a position, for the complaint map: `GET /api/public/buildings-near`
 * (within 300 m, nearest first, at most 30; public fields only), on `httpCore.ts` like the rest of
 * the phone pages, and a hook that follows the position as it changes.
 */
import { useEffect, useState } from 'react';
import { readJson, send } from '../../httpCore.ts';

/** A point on the Earth (WGS-84), as sent to and read from the API. */
export interface Point {
  latitude: number;
  longitude: number;
}

/** One house the complaint could be about; `distanceM` from the position asked about. */
export interface NearHouse extends Point {
  code: string;
  address: string | null;
  villageName: string | null;
  distanceM: number;
}

/**
 * The houses around `at`. While the next answer is on its way the previous houses stay (`loading`),
 * so the map does not flash empty on every tap.
 */
export type Nearby =
  | { status: 'idle' }
  | { status: 'loading'; houses: NearHouse[] }
  | { status: 'ready'; at: Point; houses: NearHouse[] }
  | { status: 'failed'; houses: NearHouse[] };

export async function fetchNearby(at: Point, signal: AbortSignal): Promise<NearHouse[]> {
  const query = new URLSearchParams({ latitude: String(at.latitude), longitude: String(at.longitude) });
  const response = await send(`/api/public/buildings-near?${query}`, { signal });
  if (!response.ok) throw new Error(`buildings-near: ${response.status}`);
  return ((await readJson(response)) as { data: NearHouse[] }).data;
}

/** Typing a coordinate changes it on every key: ask once the citizen pauses. */
const SETTLE_MS = 350;

/** The houses around `at` (none asked for while `at` is null), asked again whenever it moves. */
export function useNearby(at: Point | null): Nearby {
  const [nearby, setNearby] = useState<Nearby>({ status: 'idle' });
  const latitude = at?.latitude;
  const longitude = at?.longitude;
  useEffect(() => {
    if (latitude === undefined || longitude === undefined) {
      setNearby({ status: 'idle' });
      return;
    }
    const point = { latitude, longitude };
    const controller = new AbortController();
    setNearby((n) => ({ status: 'loading', houses: 'houses' in n ? n.houses : [] }));
    const timer = setTimeout(() => {
      fetchNearby(point, controller.signal).then(
        (houses) => setNearby({ status: 'ready', at: point, houses }),
        () => {
          if (!controller.signal.aborted) setNearby((n) => ({ status: 'failed', houses: 'houses' in n ? n.houses : [] }));
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [latitude, longitude]);
  return nearby;
}
